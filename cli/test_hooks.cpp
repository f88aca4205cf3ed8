#include "cli/test_hooks.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

#include <sys/socket.h>

#include "core/civil_time.hpp"
#include "core/error.hpp"

namespace ttmtrack::cli {
namespace {

// Writes the markers; shared by the copies of the observer that std::function makes.
class MarkerChannel {
 public:
  MarkerChannel(int fd, bool wait) : fd_(fd), wait_(wait) {}

  void Mark(std::string_view phase) {
    if (!open_) return;
    std::string line = "phase:";
    line.append(phase).push_back('\n');
    for (std::size_t done = 0; done < line.size();) {
      ssize_t n = ::send(fd_, line.data() + done, line.size() - done, MSG_NOSIGNAL);
      if (n < 0 && errno == ENOTSOCK) n = ::write(fd_, line.data() + done, line.size() - done);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        open_ = false;
        return;
      }
      done += static_cast<std::size_t>(n);
    }
    if (!wait_) return;
    char go = 0;
    ssize_t n = 0;
    while ((n = ::read(fd_, &go, 1)) < 0 && errno == EINTR) {
    }
    if (n != 1) open_ = false;  // the test let go of the descriptor: run on freely
  }

 private:
  int fd_;
  bool wait_;
  bool open_ = true;
};

[[noreturn]] void BadValue(const char* name, std::string_view value, const char* expected) {
  throw Error(Error::Kind::kUsage, std::string(name) + "='" + std::string(value) +
                                       "' is not valid; expected " + expected);
}

int ParseNumber(const char* name, std::string_view text, const char* expected) {
  int value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < 0) {
    BadValue(name, text, expected);
  }
  return value;
}

db::Store::Options::PhaseObserver PhaseMarkers(std::string_view value) {
  constexpr const char* kName = "TTMTRACK_PHASE_MARKERS";
  constexpr const char* kExpected = "an open file descriptor, FD or FD:wait";
  const std::size_t colon = value.find(':');
  const bool wait = colon != std::string_view::npos;
  if (wait && value.substr(colon + 1) != "wait") BadValue(kName, value, kExpected);
  const int fd = ParseNumber(kName, value.substr(0, colon), kExpected);
  if (::fcntl(fd, F_GETFD) < 0) BadValue(kName, value, kExpected);
  auto channel = std::make_shared<MarkerChannel>(fd, wait);
  return [channel](std::string_view phase) { channel->Mark(phase); };
}

}  // namespace

db::Store::Options StoreOptionsFromEnvironment() {
  db::Store::Options options;
  if (const char* kib = std::getenv("TTMTRACK_PAGE_CACHE_KIB"); kib != nullptr && *kib != '\0') {
    options.page_cache_kib =
        ParseNumber("TTMTRACK_PAGE_CACHE_KIB", kib, "a number of KiB, at least 256");
  }
  if (const char* markers = std::getenv("TTMTRACK_PHASE_MARKERS");
      markers != nullptr && *markers != '\0') {
    options.phase_observer = PhaseMarkers(markers);
  }
  if (const char* now = std::getenv("TTMTRACK_NOW"); now != nullptr && *now != '\0') {
    const core::Parsed<std::int64_t> time = core::ParseIso8601(now);
    if (!time) BadValue("TTMTRACK_NOW", now, "an ISO 8601 time");
    options.now = [seconds = time.value()] { return seconds; };
  }
  return options;
}

}  // namespace ttmtrack::cli
