#include "nasl/runner/tcp_connection.hpp"

#include <algorithm>
#include <array>

#include <Poco/Exception.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Timespan.h>
#include <sys/socket.h>

namespace ttmtrack::nasl::runner {
namespace {

Poco::Timespan Milliseconds(int ms) { return {static_cast<Poco::Int64>(ms) * 1000}; }

}  // namespace

std::unique_ptr<TcpConnection> TcpConnection::Connect(const std::string& host, std::int64_t port,
                                                      int timeout_ms) {
  if (port <= 0 || port > 65535) return nullptr;
  try {
    const Poco::Net::SocketAddress address(host, static_cast<Poco::UInt16>(port));
    Poco::Net::StreamSocket socket;
    socket.connect(address, Milliseconds(timeout_ms));
    return std::unique_ptr<TcpConnection>(new TcpConnection(socket));
  } catch (const Poco::Exception&) {
    // Refused, timed out, unreachable or unresolvable: open_sock_tcp() returns NULL.
    return nullptr;
  }
}

std::size_t TcpConnection::Send(std::string_view data) {
  std::size_t sent = 0;
  try {
    while (sent < data.size()) {
      const int chunk = static_cast<int>(std::min<std::size_t>(data.size() - sent, 1 << 20));
      // MSG_NOSIGNAL: a peer that closed must not kill the runner with SIGPIPE.
      const int n = socket_.sendBytes(data.data() + sent, chunk, MSG_NOSIGNAL);
      if (n <= 0) break;
      sent += static_cast<std::size_t>(n);
    }
  } catch (const Poco::Exception&) {
    // Reset by the peer: report what was written.
  }
  return sent;
}

std::string TcpConnection::Receive(std::size_t max_len, long min_len, int timeout_ms) {
  std::string out;
  std::array<char, 4096> buffer{};
  try {
    while (out.size() < max_len) {
      if (!socket_.poll(Milliseconds(timeout_ms), Poco::Net::Socket::SELECT_READ)) break;
      const auto want = static_cast<int>(std::min(buffer.size(), max_len - out.size()));
      const int n = socket_.receiveBytes(buffer.data(), want);
      if (n <= 0) break;
      out.append(buffer.data(), static_cast<std::size_t>(n));
      if (min_len <= 0 || out.size() >= static_cast<std::size_t>(min_len)) break;
    }
  } catch (const Poco::Exception&) {
    // Reset by the peer: what arrived before is the answer.
  }
  return out;
}

}  // namespace ttmtrack::nasl::runner
