#include "nasl/runner/tcp_connection.hpp"

#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>

#include <sys/socket.h>

namespace ttmtrack::nasl::runner {
namespace {

// Owns an addrinfo list from getaddrinfo.
struct AddrInfoDeleter {
  void operator()(addrinfo* info) const { freeaddrinfo(info); }
};

// Owns a descriptor until released into a TcpConnection.
class FdGuard {
 public:
  explicit FdGuard(int fd) : fd_(fd) {}
  ~FdGuard() {
    if (fd_ >= 0) close(fd_);
  }
  FdGuard(const FdGuard&) = delete;
  FdGuard& operator=(const FdGuard&) = delete;
  int get() const { return fd_; }
  int release() {
    const int fd = fd_;
    fd_ = -1;
    return fd;
  }

 private:
  int fd_;
};

// Non-blocking connect, then poll for completion: the only portable way to bound the connect
// time. Returns 0 or an errno value.
int ConnectWithTimeout(int fd, const addrinfo& ai, int timeout_ms) {
  const int flags = fcntl(fd, F_GETFL, 0);
  if (flags < 0 || fcntl(fd, F_SETFL, flags | O_NONBLOCK) < 0) return errno;
  if (connect(fd, ai.ai_addr, ai.ai_addrlen) != 0) {
    if (errno != EINPROGRESS) return errno;
    pollfd p{.fd = fd, .events = POLLOUT, .revents = 0};
    const int ready = poll(&p, 1, timeout_ms);
    if (ready == 0) return ETIMEDOUT;
    if (ready < 0) return errno;
    int so_error = 0;
    socklen_t len = sizeof(so_error);
    if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &so_error, &len) != 0) return errno;
    if (so_error != 0) return so_error;
  }
  // Reads and writes below poll themselves; blocking mode keeps send() simple.
  if (fcntl(fd, F_SETFL, flags) < 0) return errno;
  return 0;
}

}  // namespace

std::unique_ptr<TcpConnection> TcpConnection::Connect(const std::string& host, int port,
                                                      int timeout_ms, std::string* error) {
  if (port <= 0 || port > 65535) {
    *error = "invalid port " + std::to_string(port);
    return nullptr;
  }
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* raw = nullptr;
  const std::string service = std::to_string(port);
  const int rc = getaddrinfo(host.c_str(), service.c_str(), &hints, &raw);
  if (rc != 0) {
    *error = "cannot resolve " + host + ": " + gai_strerror(rc);
    return nullptr;
  }
  std::unique_ptr<addrinfo, AddrInfoDeleter> list(raw);
  int last_error = ECONNREFUSED;
  for (const addrinfo* ai = list.get(); ai != nullptr; ai = ai->ai_next) {
    FdGuard fd(socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC, ai->ai_protocol));
    if (fd.get() < 0) {
      last_error = errno;
      continue;
    }
    last_error = ConnectWithTimeout(fd.get(), *ai, timeout_ms);
    if (last_error == 0)
      return std::unique_ptr<TcpConnection>(new TcpConnection(fd.release(), port));
  }
  *error = "connect to " + host + ":" + service + " failed: " + std::strerror(last_error);
  return nullptr;
}

TcpConnection::~TcpConnection() { close(fd_); }

std::size_t TcpConnection::Send(std::string_view data) {
  std::size_t sent = 0;
  while (sent < data.size()) {
    const ssize_t n = ::send(fd_, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    sent += static_cast<std::size_t>(n);
  }
  return sent;
}

bool TcpConnection::WaitReadable(int timeout_ms) const {
  pollfd p{.fd = fd_, .events = POLLIN, .revents = 0};
  while (true) {
    const int ready = poll(&p, 1, timeout_ms < 0 ? 0 : timeout_ms);
    if (ready < 0 && errno == EINTR) continue;
    return ready > 0;
  }
}

std::string TcpConnection::Receive(std::size_t max_len, long min_len, int timeout_ms) {
  std::string out;
  char buffer[4096];
  while (out.size() < max_len) {
    if (!WaitReadable(timeout_ms)) break;
    const std::size_t want = std::min(sizeof(buffer), max_len - out.size());
    const ssize_t n = ::recv(fd_, buffer, want, 0);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    out.append(buffer, static_cast<std::size_t>(n));
    if (min_len <= 0 || out.size() >= static_cast<std::size_t>(min_len)) break;
  }
  return out;
}

std::string TcpConnection::ReceiveLine(std::size_t max_len, int timeout_ms) {
  using Clock = std::chrono::steady_clock;
  const auto deadline = Clock::now() + std::chrono::milliseconds(timeout_ms);
  std::string out;
  while (out.size() < max_len) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    if (left.count() <= 0 || !WaitReadable(static_cast<int>(left.count()))) break;
    char c = 0;
    const ssize_t n = ::recv(fd_, &c, 1, 0);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    out.push_back(c);
    if (c == '\n') break;
  }
  return out;
}

}  // namespace ttmtrack::nasl::runner
