#include "child_process.hpp"

#include <signal.h>
#include <stdlib.h>

#include <condition_variable>
#include <fstream>
#include <iterator>
#include <mutex>
#include <sstream>
#include <thread>

#include <Poco/Net/NetException.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>

namespace ttmtrack::nasl::testing {
namespace {

std::string ReadAll(Poco::Pipe& pipe) {
  Poco::PipeInputStream in(pipe);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Kills `handle` unless Disarm() is called within `limit`.
class Watchdog {
 public:
  Watchdog(const Poco::ProcessHandle& handle, std::chrono::milliseconds limit)
      : thread_([this, pid = handle.id(), limit] {
          std::unique_lock<std::mutex> lock(mutex_);
          if (!cv_.wait_for(lock, limit, [this] { return disarmed_; })) {
            fired_ = true;
            Poco::Process::kill(pid);
          }
        }) {}
  ~Watchdog() { Disarm(); }
  bool Disarm() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      disarmed_ = true;
    }
    cv_.notify_all();
    if (thread_.joinable()) thread_.join();
    return fired_;
  }

 private:
  std::mutex mutex_;
  std::condition_variable cv_;
  bool disarmed_ = false;
  bool fired_ = false;
  std::thread thread_;
};

}  // namespace

ProcessResult RunProcess(const std::string& command, const std::vector<std::string>& args,
                         std::chrono::milliseconds limit) {
  Poco::Pipe out_pipe;
  Poco::Pipe err_pipe;
  Poco::ProcessHandle handle = Poco::Process::launch(
      command, Poco::Process::Args(args.begin(), args.end()), nullptr, &out_pipe, &err_pipe);
  Watchdog watchdog(handle, limit);
  ProcessResult result;
  std::thread err_reader([&] { result.err = ReadAll(err_pipe); });
  result.out = ReadAll(out_pipe);
  err_reader.join();
  result.exit_code = handle.wait();
  result.timed_out = watchdog.Disarm();
  return result;
}

TempDir::TempDir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "ttm-plugin-test-XXXXXX");
  if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

bool PortIsFree(std::uint16_t port) {
  try {
    Poco::Net::ServerSocket probe;
    // SO_REUSEADDR as the fake server sets it: a port whose old connections linger in
    // TIME_WAIT is free for it; a port with a listener is not.
    probe.bind(Poco::Net::SocketAddress("127.0.0.1", port), /*reuseAddress=*/true,
               /*reusePort=*/false);
    return true;
  } catch (const Poco::Exception&) {
    return false;
  }
}

struct FakeServerProcess::Handle {
  explicit Handle(Poco::ProcessHandle h) : process(std::move(h)) {}
  Poco::ProcessHandle process;
  Poco::Pipe out;
  Poco::Pipe err;
  bool exited = false;
};

FakeServerProcess::FakeServerProcess(std::string binary, std::string mode, std::uint16_t port,
                                     std::vector<std::string> extra_args)
    : binary_(std::move(binary)), port_file_(dir_.path() / "port") {
  args_ = {"--port",        std::to_string(port), "--mode",
           std::move(mode), "--port-file",        port_file_.string()};
  args_.insert(args_.end(), extra_args.begin(), extra_args.end());
}

FakeServerProcess::~FakeServerProcess() { Terminate(); }

std::optional<std::uint16_t> FakeServerProcess::Start() {
  Poco::Pipe out;
  Poco::Pipe err;
  handle_ = std::make_unique<Handle>(Poco::Process::launch(
      binary_, Poco::Process::Args(args_.begin(), args_.end()), nullptr, &out, &err));
  handle_->out = out;
  handle_->err = err;
  pid_ = handle_->process.id();
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (std::chrono::steady_clock::now() < deadline) {
    std::ifstream file(port_file_);
    unsigned port = 0;
    if (file >> port && port > 0) return static_cast<std::uint16_t>(port);
    // tryWait, not Process::isRunning: the latter is kill(pid, 0), true for a zombie.
    const int rc = handle_->process.tryWait();
    if (rc != -1) {
      handle_->exited = true;
      exit_code_ = rc;
      error_ = "ttm-fake-server exited with " + std::to_string(rc) + ": " + ReadAll(handle_->err);
      return std::nullopt;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  error_ = "ttm-fake-server did not write its port file within 10 s";
  return std::nullopt;
}

int FakeServerProcess::Terminate() {
  if (!handle_ || handle_->exited) return exit_code_;
  handle_->exited = true;
  ::kill(static_cast<pid_t>(pid_), SIGTERM);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (std::chrono::steady_clock::now() < deadline) {
    const int rc = handle_->process.tryWait();
    if (rc != -1) {
      exit_code_ = rc;
      stderr_ = ReadAll(handle_->err);
      return exit_code_;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  Poco::Process::kill(handle_->process);
  handle_->process.wait();
  stderr_ = ReadAll(handle_->err);
  return exit_code_;
}

}  // namespace ttmtrack::nasl::testing
