#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

#include <Poco/Net/StreamSocket.h>

namespace ttmtrack::nasl::testing {

// One client connection to a fake server on 127.0.0.1, for the in-process fake-server tests.
// The constructor connects (Poco throws when it cannot). Not copyable; thread-compatible.
class LoopbackClient {
 public:
  explicit LoopbackClient(std::uint16_t port);

  void Send(std::string_view bytes);

  // Reads until `want` bytes arrived, the peer closed or reset (closed() turns true) or `wait`
  // passed; returns what arrived.
  std::string Read(std::size_t want, std::chrono::milliseconds wait);

  bool closed() const { return closed_; }

 private:
  Poco::Net::StreamSocket socket_;
  bool closed_ = false;
};

}  // namespace ttmtrack::nasl::testing
