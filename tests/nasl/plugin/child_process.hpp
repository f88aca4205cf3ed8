#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

// Helpers for the plugin tests: run real executables (ttm-nasl, ttm-fake-server, the feed
// install script, sha256sum) and keep a fake server alive for the length of a test.
namespace ttmtrack::nasl::testing {

struct ProcessResult {
  int exit_code = -1;
  std::string out;
  std::string err;
  bool timed_out = false;
};

// Runs `command` with `args` to completion, capturing stdout and stderr (read concurrently,
// so a chatty child never blocks). Kills the child when `limit` passes (timed_out = true).
ProcessResult RunProcess(const std::string& command, const std::vector<std::string>& args,
                         std::chrono::milliseconds limit = std::chrono::seconds(60));

// A temporary directory removed with everything in it on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// True when nothing listens on 127.0.0.1:`port`, so a fake server can bind it right now.
bool PortIsFree(std::uint16_t port);

// A ttm-fake-server child process. Start() launches it with --port/--mode/--port-file, waits
// for the port file and returns the port; the destructor sends SIGTERM and waits (and kills it
// if it does not stop within 5 s).
class FakeServerProcess {
 public:
  FakeServerProcess(std::string binary, std::string mode, std::uint16_t port = 0,
                    std::vector<std::string> extra_args = {});
  ~FakeServerProcess();
  FakeServerProcess(const FakeServerProcess&) = delete;
  FakeServerProcess& operator=(const FakeServerProcess&) = delete;

  // nullopt (with the reason in error()) when the server did not come up within 10 s.
  std::optional<std::uint16_t> Start();
  // Sends SIGTERM and waits; returns the exit code (-1 when it had to be killed or never
  // started). Later calls return the same code. Then stderr_text() holds what the server
  // wrote there (its connection log with --verbose; sanitizer reports in ASan builds).
  int Terminate();
  const std::string& stderr_text() const { return stderr_; }
  const std::string& error() const { return error_; }
  const std::filesystem::path& port_file() const { return port_file_; }
  long pid() const { return pid_; }

 private:
  std::string binary_;
  std::vector<std::string> args_;
  TempDir dir_;
  std::filesystem::path port_file_;
  std::string error_;
  std::string stderr_;
  int exit_code_ = -1;
  long pid_ = -1;
  struct Handle;
  std::unique_ptr<Handle> handle_;
};

}  // namespace ttmtrack::nasl::testing
