#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "tests/support/temp_dir.hpp"
#include "tools/process/child_process.hpp"

// Helpers for the plugin tests: keep a fake server alive for the length of a test. The real
// executables (ttm-nasl, ttm-fake-server, the feed install script, sha256sum) run through the
// shared process::RunProcess (tools/process).
namespace ttmtrack::nasl::testing {

// How long the plugin tests let a child run before killing it: a hung runner fails its own
// test instead of waiting for the whole binary's ctest timeout.
inline constexpr std::chrono::milliseconds kRunLimit = std::chrono::seconds(60);

// True when nothing listens on 127.0.0.1:`port`, so a fake server can bind it right now.
bool PortIsFree(std::uint16_t port);

// A ttm-fake-server child process. Start() launches it with --port/--mode/--port-file, waits
// for the port file and returns the port; the destructor sends SIGTERM and waits (and kills it
// if it does not stop within 5 s). Start throws std::runtime_error when the binary cannot be
// started at all. Not copyable; thread-compatible.
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
  long pid() const { return child_ ? static_cast<long>(child_->pid()) : -1; }

 private:
  test::TempDir dir_;
  std::filesystem::path port_file_;
  std::vector<std::string> argv_;
  std::string error_;
  std::string stderr_;
  int exit_code_ = -1;
  bool stopped_ = false;  // Terminate has nothing left to do: the server exited or was stopped
  std::optional<process::ChildProcess> child_;
};

}  // namespace ttmtrack::nasl::testing
