#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace ttmtrack::test {

// The test's end of the `ttmtrack` phase markers (TTMTRACK_PHASE_MARKERS, cli/test_hooks.hpp):
// a socket pair whose other end the child gets as descriptor 3 (TtmtrackCli::Start's fd3). The
// child writes "phase:NAME\n" at each point an import passes; with Environment(kStep) it then
// waits for Go() before it goes on, so the test holds it exactly at a named point and may kill
// it there, knowing where the kill struck. Throws std::runtime_error when the pair cannot be
// made. Not copyable; thread-compatible.
class PhaseChannel {
 public:
  enum class Mode { kStream, kStep };

  PhaseChannel();
  ~PhaseChannel();
  PhaseChannel(const PhaseChannel&) = delete;
  PhaseChannel& operator=(const PhaseChannel&) = delete;

  // The descriptor to hand to the child as its fd 3, and the environment entry that names it.
  int child_fd() const { return child_fd_; }
  static std::string Environment(Mode mode);

  // Closes this process's copy of the child's end once the child has started, so Next() sees
  // the end of the stream when the child dies.
  void ChildStarted();

  // The next phase name (without "phase:"), or nullopt when the child closed its end (it exited
  // or was killed) or `limit` passed first (timed_out() then says so).
  std::optional<std::string> Next(std::chrono::milliseconds limit = std::chrono::seconds(60));
  bool timed_out() const { return timed_out_; }

  // Lets a child in kStep mode go on past the phase it reported last.
  void Go();

  // Stops stepping: closes this end, so the child runs on without markers.
  void Release();

  // Every phase name Next() returned, in order.
  const std::vector<std::string>& seen() const { return seen_; }

 private:
  int fd_ = -1;
  int child_fd_ = -1;
  std::string buffer_;
  std::vector<std::string> seen_;
  bool timed_out_ = false;
};

}  // namespace ttmtrack::test
