#pragma once

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <sys/types.h>

struct rusage;

// Child processes for the programs that drive real executables: the tests (ttmtrack,
// ttmtrack-gen, ttm-nasl, ttm-fake-server, the feed install script) and the benchmark, which
// reads each child's wall time and peak memory. RunProcess for a run to completion,
// ChildProcess for one the caller keeps alive while it works with it.
namespace ttmtrack::process {

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
  // Descriptors of this process that the child gets as its descriptors 3, 4, ... in this order
  // (a test's end of a socket pair, chromium's DevTools pipes).
  std::vector<int> pass_fds;
};

// What a finished child process left behind.
struct ProcessResult {
  int exit_code = -1;   // exit status, or 128 + signal number when killed by a signal
  std::string out;      // everything it wrote to stdout
  std::string err;      // everything it wrote to stderr
  long max_rss_kb = 0;  // peak resident set size of this child alone (wait4's rusage)
  double seconds = 0;   // wall time from start until it was reaped
  // CPU time (user + system) of the child and of the descendants it waited for (a shell's
  // pipeline), from wait4's rusage: unlike wall time, barely moved by other load on the machine.
  double cpu_seconds = 0;
  bool timed_out = false;  // the time limit passed and the child was killed
};

// One child process, started by the constructor and reaped by the first Wait or Poll that sees
// it end (the destructor kills and reaps one still running). argv[0] is looked up in PATH when
// it has no '/'. stdin is /dev/null; stdout and stderr go to unnamed temporary files (tmpfile),
// so however much the child writes, it never blocks on a full pipe, and nothing is left on disk.
// Descriptors other than 0, 1, 2 and those of ProcessOptions::pass_fds are not inherited.
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
  struct FileCloser {
    void operator()(std::FILE* file) const { std::fclose(file); }
  };
  using File = std::unique_ptr<std::FILE, FileCloser>;

  ProcessResult Finish(int status, const rusage& usage, bool timed_out);

  File out_;
  File err_;
  std::chrono::steady_clock::time_point started_;
  pid_t pid_ = -1;
  std::optional<ProcessResult> result_;
};

// Runs `argv` to completion under `options` (see ChildProcess). Throws std::runtime_error when
// the child cannot be started.
ProcessResult RunProcess(const std::vector<std::string>& argv, const ProcessOptions& options = {});

}  // namespace ttmtrack::process
