#pragma once

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <sys/types.h>

#include "tests/support/temp_dir.hpp"

// Child processes for the tests that drive real executables (ttmtrack, ttmtrack-gen, ttm-nasl,
// ttm-fake-server, the feed install script): RunProcess for a run to completion, ChildProcess
// for one the test keeps alive while it works with it.
namespace ttmtrack::test {

// No time limit: wait for the child however long it takes.
inline constexpr std::chrono::milliseconds kNoTimeLimit = std::chrono::milliseconds::max();

// How to start a child and how long to give it.
struct ProcessOptions {
  // "NAME=value" entries added to, or replacing, this process's environment.
  std::vector<std::string> env;
  // The child's working directory; empty: this process's.
  std::filesystem::path cwd;
  // When it passes, the child is killed with SIGKILL (ProcessResult::timed_out).
  std::chrono::milliseconds time_limit = kNoTimeLimit;
};

// What a finished child process left behind.
struct ProcessResult {
  int exit_code = -1;      // exit status, or 128 + signal number when killed by a signal
  std::string out;         // everything it wrote to stdout
  std::string err;         // everything it wrote to stderr
  long max_rss_kb = 0;     // peak resident set size of the child (getrusage ru_maxrss)
  bool timed_out = false;  // the time limit passed and the child was killed
};

// One child process, started by the constructor and reaped by the first Wait or Poll that sees
// it end (the destructor kills and reaps one still running). argv[0] is looked up in PATH when
// it has no '/'. stdin is /dev/null; stdout and stderr go to files in a private temporary
// directory, so however much the child writes, it never blocks on a full pipe. Descriptors
// other than 0, 1 and 2 are not inherited.
// The constructor throws std::runtime_error when the child cannot be started; so do Wait and
// Poll when waiting fails. Not copyable; thread-compatible.
class ChildProcess {
 public:
  explicit ChildProcess(const std::vector<std::string>& argv, const ProcessOptions& options = {});
  ~ChildProcess();
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  pid_t pid() const { return pid_; }

  // Sends `signal` to a child not yet reaped; false once it has been.
  bool Signal(int signal);

  // The result once the child has ended (reaping it), nullopt while it runs. Never blocks.
  std::optional<ProcessResult> Poll();

  // Waits for the child to end; kills it with SIGKILL when `limit` passes first. Later calls
  // return the same result.
  ProcessResult Wait(std::chrono::milliseconds limit = kNoTimeLimit);

 private:
  ProcessResult Finish(int status, long max_rss_kb, bool timed_out);

  TempDir capture_;
  pid_t pid_ = -1;
  std::optional<ProcessResult> result_;
};

// Runs `argv` to completion under `options` (see ChildProcess). Throws std::runtime_error when
// the child cannot be started.
ProcessResult RunProcess(const std::vector<std::string>& argv, const ProcessOptions& options = {});

}  // namespace ttmtrack::test
