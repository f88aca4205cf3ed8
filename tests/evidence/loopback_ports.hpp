#pragma once

// Loopback stand-ins for the ports a vantage-point check meets (port_prober_test, and the
// `ttmtrack verify` tests): a filtered port and a closed one. Nothing needs privileges or
// leaves loopback.

#include <unistd.h>

#include <stdexcept>

#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>

namespace ttmtrack::test {

// A listening socket on 127.0.0.1 with a backlog of 0 and one connection that is never
// accepted: the accept queue is full, so the kernel drops every further SYN.
class FullBacklogListener {
 public:
  FullBacklogListener() {
    listener_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    auto* raw = reinterpret_cast<sockaddr*>(&address);
    if (listener_ < 0 || ::bind(listener_, raw, length) != 0 || ::listen(listener_, 0) != 0 ||
        ::getsockname(listener_, raw, &length) != 0) {
      ADD_FAILURE() << "cannot make the listener";
      return;
    }
    port_ = ntohs(address.sin_port);
    filler_ = ::socket(AF_INET, SOCK_STREAM, 0);
    if (::connect(filler_, raw, length) != 0) ADD_FAILURE() << "the filler did not connect";
  }
  ~FullBacklogListener() {
    ::close(filler_);
    ::close(listener_);
  }
  FullBacklogListener(const FullBacklogListener&) = delete;
  FullBacklogListener& operator=(const FullBacklogListener&) = delete;
  int port() const { return port_; }

 private:
  int listener_ = -1;
  int filler_ = -1;
  int port_ = 0;
};

// A port nothing listens on: bound, then released.
inline int ClosedPort() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof address;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&address), length) != 0) {
    ::close(fd);
    throw std::runtime_error("ClosedPort: cannot bind a port on loopback");
  }
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
  ::close(fd);
  return ntohs(address.sin_port);
}

}  // namespace ttmtrack::test
