#pragma once

#include <cstdint>
#include <string>

#include "core/ttm_frame.hpp"
#include "nasl/fake_server/service_connection.hpp"

namespace ttmtrack::nasl::fake_server {

// The payload of HELLO_ACK: what a scanner's evidence will show as the printable part.
inline constexpr std::string_view kHelloAckPayload = "ttm_cmd ttmtrack-fake-server/1";

// Speaks the assumed ttm_cmd protocol (core/ttm_frame.hpp): HELLO -> HELLO_ACK with the request
// id echoed, HEARTBEAT -> HEARTBEAT_ACK, other types -> ERROR. A header that is not ours
// (bad magic, version, oversized payload) or a frame left unfinished past partial_timeout
// closes the connection without a reply, as a strict binary service would. When the client
// is quiet for heartbeat_interval, the server sends it a HEARTBEAT of its own.
class TtmConnection : public ServiceConnection {
 public:
  using ServiceConnection::ServiceConnection;

 protected:
  void Serve() override;

 private:
  // Answers one complete frame; false when the peer has gone.
  bool Answer(const core::FrameHeader& header, std::string_view payload);
  std::uint32_t next_heartbeat_id_ = 1;
};

}  // namespace ttmtrack::nasl::fake_server
