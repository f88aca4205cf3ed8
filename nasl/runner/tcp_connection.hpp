#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include <Poco/Net/StreamSocket.h>

// One client TCP connection for the socket built-ins (open_sock_tcp, send, recv, close), over
// Poco::Net. The scanner semantics it adds: a bounded connect, per-call read timeouts, "return
// as soon as `min` bytes arrived", and failures as return values (a refused, filtered or reset
// connection is an expected outcome for a scanner, never an exception).
// Owns the socket (closed in the destructor). Not thread-safe.
namespace ttmtrack::nasl::runner {

class TcpConnection {
 public:
  // Connects to host:port (an IPv4 or IPv6 address, or a name to resolve), waiting at most
  // timeout_ms. Returns nullptr when the port is out of range, the name does not resolve, or
  // the connection is refused, unreachable or not accepted in time.
  static std::unique_ptr<TcpConnection> Connect(const std::string& host, std::int64_t port,
                                                int timeout_ms);

  TcpConnection(const TcpConnection&) = delete;
  TcpConnection& operator=(const TcpConnection&) = delete;

  // Writes all of `data`; returns the bytes written (fewer if the peer closed or reset).
  std::size_t Send(std::string_view data);

  // Reads at most max_len bytes. Returns once at least min_len bytes arrived (min_len <= 0:
  // after the first chunk), the peer closed or reset, or no byte came for timeout_ms.
  std::string Receive(std::size_t max_len, long min_len, int timeout_ms);

 private:
  // Poco's sockets are reference-counted handles without a move constructor: a copy shares one.
  explicit TcpConnection(const Poco::Net::StreamSocket& socket) : socket_(socket) {}

  Poco::Net::StreamSocket socket_;
};

}  // namespace ttmtrack::nasl::runner
