#include "tests/support/phase_channel.hpp"

#include <poll.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

#include <sys/socket.h>

namespace ttmtrack::test {
namespace {

constexpr std::string_view kPrefix = "phase:";

}  // namespace

PhaseChannel::PhaseChannel() {
  int fds[2] = {-1, -1};
  if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0) {
    throw std::runtime_error(std::string("socketpair failed: ") + std::strerror(errno));
  }
  fd_ = fds[0];
  child_fd_ = fds[1];
}

PhaseChannel::~PhaseChannel() {
  Release();
  ChildStarted();
}

std::string PhaseChannel::Environment(Mode mode) {
  return mode == Mode::kStep ? "TTMTRACK_PHASE_MARKERS=3:wait" : "TTMTRACK_PHASE_MARKERS=3";
}

void PhaseChannel::ChildStarted() {
  if (child_fd_ >= 0) ::close(child_fd_);
  child_fd_ = -1;
}

std::optional<std::string> PhaseChannel::Next(std::chrono::milliseconds limit) {
  timed_out_ = false;
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (fd_ >= 0) {
    if (const std::size_t end = buffer_.find('\n'); end != std::string::npos) {
      std::string line = buffer_.substr(0, end);
      buffer_.erase(0, end + 1);
      if (line.rfind(kPrefix, 0) == 0) line.erase(0, kPrefix.size());
      seen_.push_back(line);
      return line;
    }
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      timed_out_ = true;
      return std::nullopt;
    }
    pollfd ready{.fd = fd_, .events = POLLIN, .revents = 0};
    const int polled = ::poll(&ready, 1, static_cast<int>(left.count()));
    if (polled < 0 && errno == EINTR) continue;
    if (polled <= 0) continue;  // the deadline check above ends the wait
    char chunk[4096];
    const ssize_t n = ::read(fd_, chunk, sizeof chunk);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return std::nullopt;  // the child's end is closed
    buffer_.append(chunk, static_cast<std::size_t>(n));
  }
  return std::nullopt;
}

void PhaseChannel::Go() {
  if (fd_ < 0) return;
  const char go = 'g';
  while (::send(fd_, &go, 1, MSG_NOSIGNAL) < 0 && errno == EINTR) {
  }
}

void PhaseChannel::Release() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
}

}  // namespace ttmtrack::test
