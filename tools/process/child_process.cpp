#include "tools/process/child_process.hpp"

#include <fcntl.h>
#include <spawn.h>

#include <cerrno>
#include <condition_variable>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <mutex>
#include <stdexcept>
#include <thread>

#include <sys/resource.h>
#include <sys/wait.h>

extern char** environ;

namespace ttmtrack::process {
namespace {

std::runtime_error SystemError(const std::string& what, int error) {
  return std::runtime_error(what + ": " + std::strerror(error));
}

std::vector<std::string> MergedEnvironment(const std::vector<std::string>& extra) {
  std::vector<std::string> merged;
  merged.reserve(extra.size() + 64);
  for (char** e = environ; *e != nullptr; ++e) {
    const std::string entry(*e);
    const std::string name = entry.substr(0, entry.find('='));
    bool replaced = false;
    for (const std::string& x : extra) replaced = replaced || x.substr(0, x.find('=')) == name;
    if (!replaced) merged.push_back(entry);
  }
  merged.insert(merged.end(), extra.begin(), extra.end());
  return merged;
}

std::vector<char*> CStrings(std::vector<std::string>& strings) {
  std::vector<char*> pointers;
  pointers.reserve(strings.size() + 1);
  for (std::string& s : strings) pointers.push_back(s.data());
  pointers.push_back(nullptr);
  return pointers;
}

// Everything written to `file` (by the child, through the descriptor it shares).
std::string ReadAll(std::FILE* file) {
  std::string bytes;
  std::rewind(file);
  char buffer[65536];
  std::size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, file)) > 0) bytes.append(buffer, n);
  return bytes;
}

// Owns a posix_spawn_file_actions_t, so every path out of the constructor destroys it.
class SpawnActions {
 public:
  SpawnActions() { posix_spawn_file_actions_init(&actions_); }
  ~SpawnActions() { posix_spawn_file_actions_destroy(&actions_); }
  SpawnActions(const SpawnActions&) = delete;
  SpawnActions& operator=(const SpawnActions&) = delete;
  posix_spawn_file_actions_t* get() { return &actions_; }

 private:
  posix_spawn_file_actions_t actions_;
};

// Sends SIGKILL to `pid` unless Disarm() is called within `limit`.
// REQUIRES: `pid` is not reaped before Disarm() returns, so the signal can only ever reach our
// own child, never a process that has since been given its number.
class Watchdog {
 public:
  Watchdog(pid_t pid, std::chrono::milliseconds limit)
      : thread_([this, pid, limit] {
          std::unique_lock<std::mutex> lock(mutex_);
          if (!disarmed_cv_.wait_for(lock, limit, [this] { return disarmed_; })) {
            fired_ = true;
            ::kill(pid, SIGKILL);
          }
        }) {}
  ~Watchdog() { Disarm(); }
  Watchdog(const Watchdog&) = delete;
  Watchdog& operator=(const Watchdog&) = delete;

  // Stops the watch; true when the limit had passed and the child was killed.
  bool Disarm() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      disarmed_ = true;
    }
    disarmed_cv_.notify_all();
    if (thread_.joinable()) thread_.join();
    return fired_;
  }

 private:
  std::mutex mutex_;
  std::condition_variable disarmed_cv_;
  bool disarmed_ = false;
  bool fired_ = false;
  std::thread thread_;  // last: it starts in the constructor and uses the members above
};

}  // namespace

ChildProcess::ChildProcess(const std::vector<std::string>& argv, const ProcessOptions& options)
    : out_(std::tmpfile()), err_(std::tmpfile()) {
  if (argv.empty()) throw std::runtime_error("ChildProcess: empty argv");
  if (!out_ || !err_) throw SystemError("cannot create a temporary file", errno);
  SpawnActions actions;
  posix_spawn_file_actions_addopen(actions.get(), 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(actions.get(), fileno(out_.get()), 1);
  posix_spawn_file_actions_adddup2(actions.get(), fileno(err_.get()), 2);
  if (!options.cwd.empty())
    posix_spawn_file_actions_addchdir_np(actions.get(), options.cwd.c_str());
  // Through numbers above any the caller passes, so moving one into place never overwrites
  // another that is still to be moved.
  const int passed = static_cast<int>(options.pass_fds.size());
  constexpr int kStaging = 1000;
  for (int i = 0; i < passed; ++i) {
    posix_spawn_file_actions_adddup2(actions.get(), options.pass_fds[static_cast<std::size_t>(i)],
                                     kStaging + i);
  }
  for (int i = 0; i < passed; ++i) {
    posix_spawn_file_actions_adddup2(actions.get(), kStaging + i, 3 + i);
  }
  posix_spawn_file_actions_addclosefrom_np(actions.get(), 3 + passed);
  std::vector<std::string> args = argv;
  std::vector<std::string> environment = MergedEnvironment(options.env);
  std::vector<char*> c_args = CStrings(args);
  std::vector<char*> c_env = CStrings(environment);
  started_ = std::chrono::steady_clock::now();
  const int rc =
      posix_spawnp(&pid_, c_args[0], actions.get(), nullptr, c_args.data(), c_env.data());
  if (rc != 0) {
    pid_ = -1;
    throw SystemError("cannot start " + argv[0], rc);
  }
}

ChildProcess::~ChildProcess() {
  if (result_ || pid_ <= 0) return;
  ::kill(pid_, SIGKILL);
  while (waitpid(pid_, nullptr, 0) < 0 && errno == EINTR) {
  }
}

bool ChildProcess::Signal(int signal) { return !result_ && ::kill(pid_, signal) == 0; }

std::optional<ProcessResult> ChildProcess::Poll() {
  if (result_) return result_;
  int status = 0;
  rusage usage{};
  pid_t reaped = 0;
  while ((reaped = wait4(pid_, &status, WNOHANG, &usage)) < 0) {
    if (errno != EINTR) throw SystemError("wait4 failed", errno);
  }
  if (reaped == 0) return std::nullopt;
  return Finish(status, usage, /*timed_out=*/false);
}

ProcessResult ChildProcess::Wait(std::chrono::milliseconds limit) {
  if (result_) return *result_;
  bool timed_out = false;
  if (limit != kNoTimeLimit) {
    Watchdog watchdog(pid_, limit);
    // WNOWAIT leaves the child a zombie, so its pid stays ours until the watchdog is gone.
    siginfo_t info{};
    while (waitid(P_PID, static_cast<id_t>(pid_), &info, WEXITED | WNOWAIT) < 0) {
      if (errno != EINTR) throw SystemError("waitid failed", errno);
    }
    timed_out = watchdog.Disarm();
  }
  int status = 0;
  rusage usage{};
  while (wait4(pid_, &status, 0, &usage) < 0) {
    if (errno != EINTR) throw SystemError("wait4 failed", errno);
  }
  return Finish(status, usage, timed_out);
}

namespace {

double Seconds(const timeval& time) {
  return static_cast<double>(time.tv_sec) + static_cast<double>(time.tv_usec) / 1e6;
}

}  // namespace

ProcessResult ChildProcess::Finish(int status, const rusage& usage, bool timed_out) {
  ProcessResult result;
  result.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  result.out = ReadAll(out_.get());
  result.err = ReadAll(err_.get());
  result.max_rss_kb = usage.ru_maxrss;
  result.cpu_seconds = Seconds(usage.ru_utime) + Seconds(usage.ru_stime);
  result.timed_out = timed_out;
  result_ = result;
  return result;
}

ProcessResult RunProcess(const std::vector<std::string>& argv, const ProcessOptions& options) {
  ChildProcess child(argv, options);
  return child.Wait(options.time_limit);
}

}  // namespace ttmtrack::process
