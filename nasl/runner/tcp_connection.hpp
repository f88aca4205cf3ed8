#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

// One client TCP connection for the socket built-ins (open_sock_tcp, send, recv, recv_line,
// close). Plain POSIX sockets: the scanner semantics need per-call read timeouts and "return as
// soon as `min` bytes arrived", which is simplest to state directly with poll().
// Owns the descriptor (closed in the destructor). Not thread-safe.
namespace ttmtrack::nasl::runner {

class TcpConnection {
 public:
  // Connects to host:port (numeric IPv4 or IPv6 address, or a name resolved with
  // getaddrinfo), waiting at most timeout_ms. Returns nullptr and sets *error on failure
  // (refused, timed out, unreachable): an expected outcome for a scanner.
  static std::unique_ptr<TcpConnection> Connect(const std::string& host, int port, int timeout_ms,
                                                std::string* error);

  ~TcpConnection();
  TcpConnection(const TcpConnection&) = delete;
  TcpConnection& operator=(const TcpConnection&) = delete;

  // Writes all of `data`; returns the bytes written (fewer if the peer closed).
  std::size_t Send(std::string_view data);

  // Reads at most max_len bytes. Returns once at least min_len bytes arrived (min_len <= 0:
  // after the first chunk), the peer closed, or no byte came for timeout_ms.
  std::string Receive(std::size_t max_len, long min_len, int timeout_ms);

  // Reads up to and including '\n', at most max_len bytes, within timeout_ms in total.
  std::string ReceiveLine(std::size_t max_len, int timeout_ms);

  int port() const { return port_; }

 private:
  TcpConnection(int fd, int port) : fd_(fd), port_(port) {}
  // Waits for readability; false on timeout.
  bool WaitReadable(int timeout_ms) const;

  int fd_;
  int port_;
};

}  // namespace ttmtrack::nasl::runner
