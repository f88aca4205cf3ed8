#pragma once

#include <atomic>
#include <cstdint>
#include <string>
#include <thread>

#include <Poco/Net/ServerSocket.h>

namespace ttmtrack::nasl::testing {

// A listener on 127.0.0.1 that serves one connection: it waits for the client's first bytes,
// answers with `reply`, and holds the connection open until the client hangs up (or 20 s).
// For replies no ttm-fake-server mode sends. The constructor binds and listens, so port() is
// ready at once; the destructor joins the serving thread. Not copyable.
class OneShotServer {
 public:
  explicit OneShotServer(std::string reply);
  ~OneShotServer();
  OneShotServer(const OneShotServer&) = delete;
  OneShotServer& operator=(const OneShotServer&) = delete;

  std::uint16_t port() const { return port_; }
  // Whether a client connected (valid after the client is done).
  bool connected() const { return connected_.load(); }

 private:
  void Serve();

  std::string reply_;
  Poco::Net::ServerSocket listener_;
  std::uint16_t port_ = 0;
  std::atomic<bool> connected_{false};
  std::atomic<bool> stopping_{false};
  std::thread thread_;
};

}  // namespace ttmtrack::nasl::testing
