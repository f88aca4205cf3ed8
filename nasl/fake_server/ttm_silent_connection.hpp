#pragma once

#include <cstdint>

#include "nasl/fake_server/service_connection.hpp"

namespace ttmtrack::nasl::fake_server {

// A TTM daemon that ignores requests it does not understand: it accepts, reads and discards
// everything (ttmtrack's HELLO probe included), never answers, and sends a HEARTBEAT frame of
// the assumed framing every heartbeat_interval after the connection opened (TT documents 20 s
// heartbeats on remote-mode connections; zero disables them). It closes when the client has sent
// nothing for idle_timeout. What the unconfirmed tier exists for: silence until the plugin's
// reply timeout when the interval is longer, an unsolicited frame when it is shorter.
class TtmSilentConnection : public ServiceConnection {
 public:
  using ServiceConnection::ServiceConnection;

 protected:
  void Serve() override;

 private:
  std::uint32_t next_heartbeat_id_ = 1;
};

}  // namespace ttmtrack::nasl::fake_server
