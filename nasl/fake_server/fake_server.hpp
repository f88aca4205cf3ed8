#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <ostream>
#include <string>

#include "nasl/fake_server/service_mode.hpp"

namespace Poco {
class ThreadPool;
namespace Net {
class TCPServer;
}  // namespace Net
}  // namespace Poco

namespace ttmtrack::nasl::fake_server {

struct ServerState;

struct FakeServerOptions {
  std::string bind_address = "127.0.0.1";
  std::uint16_t port = 0;  // 0: the kernel picks a free port; read it back with port()
  ServiceMode mode = ServiceMode::kTtm;
  // kTtm: after this long without input the server sends the client a HEARTBEAT frame;
  // kTtmSilent: it sends one every interval after the connection opened
  // (TT documents 20 s heartbeats on remote-mode TCP connections). Zero disables them.
  std::chrono::milliseconds heartbeat_interval{20'000};
  // A frame (or an HTTP/SMTP line) begun but not finished within this is abandoned and the
  // connection closed (TT documents a 4 s connection time-out).
  std::chrono::milliseconds partial_timeout{4'000};
  // Any connection that sends nothing for this long is closed, so idle scanners do not pin
  // threads forever.
  std::chrono::milliseconds idle_timeout{60'000};
  // Most concurrent connections served; further ones wait in the accept queue.
  int max_connections = 32;
  // One line per connection event when set; not owned, must outlive the server.
  std::ostream* log = nullptr;
};

// A small TCP service that plays ttm_cmd (the assumed protocol of ttm_frame.hpp) or one of the
// services the detection plugin must not report. Serves several connections at once, each on
// a pool thread.
//
// Lifetime: the constructor binds and listens (so port() is valid at once, and a busy port
// fails early); Start() begins accepting; Stop() or the destructor closes the listener and
// returns only after every connection handler has finished (handlers poll a stop flag at
// least every 50 ms). Not copyable, not movable.
// Thread-safety: port(), connections_accepted() may be called from any thread; Start/Stop
// from the owning thread only.
// Throws: ttmtrack::Error(kUsage) for a bad bind address, Error(kIo) when the address cannot
// be bound (port in use, no permission).
class FakeServer {
 public:
  explicit FakeServer(FakeServerOptions options);
  ~FakeServer();
  FakeServer(const FakeServer&) = delete;
  FakeServer& operator=(const FakeServer&) = delete;

  void Start();
  void Stop();

  std::uint16_t port() const { return port_; }
  const FakeServerOptions& options() const;
  std::size_t connections_accepted() const;

 private:
  std::shared_ptr<ServerState> state_;
  std::unique_ptr<Poco::ThreadPool> pool_;
  std::unique_ptr<Poco::Net::TCPServer> server_;
  std::uint16_t port_ = 0;
  bool started_ = false;
};

}  // namespace ttmtrack::nasl::fake_server
