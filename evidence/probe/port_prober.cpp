#include "evidence/probe/port_prober.hpp"

#include <poll.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <utility>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include "core/error.hpp"
#include "core/ttm_probe.hpp"

namespace ttmtrack::evidence {
namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

constexpr std::size_t kMaxReply = 1024;
// The signature's length: a reply this long can be read for what it is.
constexpr std::size_t kEnoughToClassify = 16;
constexpr milliseconds kTrickleWait{300};

// A socket descriptor, closed on destruction. Movable, not copyable.
class Socket {
 public:
  Socket() = default;
  explicit Socket(int fd) : fd_(fd) {}
  Socket(Socket&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
  Socket& operator=(Socket&& other) noexcept {
    if (this != &other) {
      Close();
      fd_ = std::exchange(other.fd_, -1);
    }
    return *this;
  }
  Socket(const Socket&) = delete;
  Socket& operator=(const Socket&) = delete;
  ~Socket() { Close(); }
  int fd() const { return fd_; }
  void Close() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }

 private:
  int fd_ = -1;
};

// How a failed connection reads: the one place errno values of connect become outcomes.
void ConnectFailed(int error, core::VantageCheck& check) {
  if (error == ECONNREFUSED) {
    check.outcome = core::VantageOutcome::kRefused;
    check.detail = "connection refused";
    return;
  }
  check.outcome = core::VantageOutcome::kFiltered;
  if (error == ETIMEDOUT) {
    check.detail = "no answer (the connection timed out)";
  } else {
    check.detail = std::string("connection failed: ") + std::strerror(error);
  }
}

std::string Seconds(milliseconds elapsed) {
  const auto tenths = (elapsed.count() + 50) / 100;
  return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + " s";
}

// A connection in flight.
struct Flight {
  std::size_t index = 0;
  Socket socket;
  bool connected = false;
  bool closed = false;  // the peer closed or reset after connecting
  std::size_t sent = 0;
  Clock::time_point started;
  Clock::time_point connected_at;
  Clock::time_point last_byte;
  std::string reply;
};

// The result of a connection that was made, from what came back.
void Classify(const Flight& flight, Clock::time_point now, core::VantageCheck& check) {
  check.sent = core::Probe();
  check.reply = flight.reply;
  check.waited_ms = std::chrono::duration_cast<milliseconds>(now - flight.connected_at).count();
  const core::ReplyClass reply = core::ClassifyReply(flight.reply);
  const bool silent = reply.kind == core::ReplyKind::kNone && !flight.closed;
  switch (core::TierOf(reply, silent)) {
    case core::ProbeTier::kConfirmed:
      check.outcome = core::VantageOutcome::kReachableConfirmed;
      check.detail = "the reply carries the signature (HELLO_ACK answering the probe)";
      return;
    case core::ProbeTier::kUnconfirmed:
      check.outcome = core::VantageOutcome::kReachableUnconfirmed;
      if (silent) {
        check.detail = "connected; silent for " + Seconds(milliseconds(check.waited_ms));
      } else if (reply.kind == core::ReplyKind::kTtmFrame) {
        check.detail = "a TTM frame that does not answer the probe";
      } else {
        check.detail = std::to_string(flight.reply.size()) + " bytes of no known protocol";
      }
      return;
    case core::ProbeTier::kNotTtm:
      check.outcome = core::VantageOutcome::kOtherService;
      if (reply.kind == core::ReplyKind::kOtherService) {
        check.service = std::string(reply.service);
        check.detail = "another service answered: " + check.service;
      } else {
        check.service = "closed without a reply";
        check.detail = "the peer closed the connection after " +
                       Seconds(milliseconds(check.waited_ms)) + " without a byte";
      }
      return;
  }
}

// The poll loop over at most `concurrency` flights.
class Engine {
 public:
  Engine(const PortProber::Options& options, const std::vector<ProbeTarget>& targets,
         const std::function<void(const core::VantageCheck&)>& done)
      : options_(options), targets_(targets), done_(done), checks_(targets.size()) {}

  std::vector<core::VantageCheck> Run();

 private:
  bool Start(std::size_t index);
  void Connected(Flight& flight, Clock::time_point now);
  void Read(Flight& flight, Clock::time_point now);
  Clock::time_point Deadline(const Flight& flight) const;
  bool Finished(Flight& flight, Clock::time_point now);
  void Finish(std::size_t index) {
    if (done_) done_(checks_[index]);
  }

  const PortProber::Options& options_;
  const std::vector<ProbeTarget>& targets_;
  const std::function<void(const core::VantageCheck&)>& done_;
  std::vector<core::VantageCheck> checks_;
  std::vector<Flight> flights_;
};

// Opens the connection of target `index`. False when no descriptor is free right now.
bool Engine::Start(std::size_t index) {
  const ProbeTarget& target = targets_[index];
  core::VantageCheck& check = checks_[index];
  check.address = target.address;
  check.port = target.port;
  const bool v4 = target.address.is_v4();
  const int fd = ::socket(v4 ? AF_INET : AF_INET6, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (fd < 0) {
    if ((errno == EMFILE || errno == ENFILE) && !flights_.empty()) return false;
    throw Error(Error::Kind::kIo, std::string("cannot open a socket: ") + std::strerror(errno));
  }
  Flight flight;
  flight.index = index;
  flight.socket = Socket(fd);
  flight.started = Clock::now();
  sockaddr_storage storage{};
  socklen_t length = 0;
  if (v4) {
    sockaddr_in in{};
    in.sin_family = AF_INET;
    in.sin_port = htons(static_cast<std::uint16_t>(target.port));
    in.sin_addr.s_addr = htonl(target.address.v4_value());
    std::memcpy(&storage, &in, sizeof in);
    length = sizeof in;
  } else {
    sockaddr_in6 in6{};
    in6.sin6_family = AF_INET6;
    in6.sin6_port = htons(static_cast<std::uint16_t>(target.port));
    std::memcpy(in6.sin6_addr.s6_addr, target.address.bytes().data(), 16);
    std::memcpy(&storage, &in6, sizeof in6);
    length = sizeof in6;
  }
  if (::connect(fd, reinterpret_cast<const sockaddr*>(&storage), length) == 0) {
    Connected(flight, Clock::now());
  } else if (errno != EINPROGRESS) {
    ConnectFailed(errno, check);
    Finish(index);
    return true;
  }
  flights_.push_back(std::move(flight));
  return true;
}

void Engine::Connected(Flight& flight, Clock::time_point now) {
  flight.connected = true;
  flight.connected_at = now;
  const std::string& probe = core::Probe();
  const ssize_t n = ::send(flight.socket.fd(), probe.data(), probe.size(), MSG_NOSIGNAL);
  if (n > 0) flight.sent = static_cast<std::size_t>(n);
}

void Engine::Read(Flight& flight, Clock::time_point now) {
  char buffer[kMaxReply];
  while (flight.reply.size() < kMaxReply) {
    const ssize_t n = ::recv(flight.socket.fd(), buffer, kMaxReply - flight.reply.size(), 0);
    if (n > 0) {
      flight.reply.append(buffer, static_cast<std::size_t>(n));
      flight.last_byte = now;
      continue;
    }
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) return;
    flight.closed = true;  // 0: orderly close; < 0: reset
    return;
  }
}

Clock::time_point Engine::Deadline(const Flight& flight) const {
  if (!flight.connected) return flight.started + options_.timeout;
  const Clock::time_point whole = flight.connected_at + options_.timeout;
  if (flight.reply.empty()) return whole;
  return std::min(whole, flight.last_byte + kTrickleWait);
}

// Records the flight's result when it is over; true then.
bool Engine::Finished(Flight& flight, Clock::time_point now) {
  core::VantageCheck& check = checks_[flight.index];
  if (!flight.connected) {
    if (now < Deadline(flight)) return false;
    check.outcome = core::VantageOutcome::kFiltered;
    check.waited_ms = options_.timeout.count();
    check.detail = "no answer within " + Seconds(options_.timeout);
  } else {
    const bool over =
        flight.closed || flight.reply.size() >= kEnoughToClassify || now >= Deadline(flight);
    if (!over) return false;
    Classify(flight, now, check);
  }
  Finish(flight.index);
  return true;
}

std::vector<core::VantageCheck> Engine::Run() {
  const auto limit = static_cast<std::size_t>(std::max(1, options_.concurrency));
  std::size_t next = 0;
  std::vector<pollfd> polled;
  while (next < targets_.size() || !flights_.empty()) {
    while (next < targets_.size() && flights_.size() < limit && Start(next)) ++next;
    if (flights_.empty()) continue;
    polled.clear();
    Clock::time_point wake = Clock::time_point::max();
    for (const Flight& flight : flights_) {
      const short events = flight.connected ? POLLIN : POLLOUT;
      polled.push_back({flight.socket.fd(), events, 0});
      wake = std::min(wake, Deadline(flight));
    }
    const auto wait = std::chrono::ceil<milliseconds>(wake - Clock::now()).count();
    const int ready = ::poll(polled.data(), polled.size(),
                             static_cast<int>(std::clamp<long long>(wait, 0, 60000)));
    if (ready < 0 && errno != EINTR) {
      throw Error(Error::Kind::kIo, std::string("poll failed: ") + std::strerror(errno));
    }
    const Clock::time_point now = Clock::now();
    for (std::size_t i = 0; i < flights_.size(); ++i) {
      Flight& flight = flights_[i];
      if (polled[i].revents == 0) continue;
      if (!flight.connected) {
        int error = 0;
        socklen_t size = sizeof error;
        ::getsockopt(flight.socket.fd(), SOL_SOCKET, SO_ERROR, &error, &size);
        if (error != 0) {
          ConnectFailed(error, checks_[flight.index]);
          checks_[flight.index].waited_ms =
              std::chrono::duration_cast<milliseconds>(now - flight.started).count();
          Finish(flight.index);
          flight.socket.Close();
          continue;
        }
        Connected(flight, now);
      } else {
        Read(flight, now);
      }
    }
    std::erase_if(flights_, [this, now](Flight& flight) {
      return flight.socket.fd() < 0 || Finished(flight, now);
    });
  }
  return std::move(checks_);
}

}  // namespace

std::vector<core::VantageCheck> PortProber::Run(
    const std::vector<ProbeTarget>& targets,
    const std::function<void(const core::VantageCheck&)>& done) const {
  return Engine(options_, targets, done).Run();
}

}  // namespace ttmtrack::evidence
