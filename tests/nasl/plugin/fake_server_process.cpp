#include "fake_server_process.hpp"

#include <csignal>
#include <fstream>
#include <thread>

#include <Poco/Exception.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>

namespace ttmtrack::nasl::testing {

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

FakeServerProcess::FakeServerProcess(std::string binary, std::string mode, std::uint16_t port,
                                     std::vector<std::string> extra_args)
    : port_file_(dir_.path() / "port") {
  argv_ = {std::move(binary), "--port",      std::to_string(port), "--mode",
           std::move(mode),   "--port-file", port_file_.string()};
  argv_.insert(argv_.end(), extra_args.begin(), extra_args.end());
}

FakeServerProcess::~FakeServerProcess() { Terminate(); }

std::optional<std::uint16_t> FakeServerProcess::Start() {
  child_.emplace(argv_);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (std::chrono::steady_clock::now() < deadline) {
    std::ifstream file(port_file_);
    unsigned port = 0;
    if (file >> port && port > 0) return static_cast<std::uint16_t>(port);
    if (const std::optional<process::ProcessResult> ended = child_->Poll()) {
      stopped_ = true;
      exit_code_ = ended->exit_code;
      error_ = "ttm-fake-server exited with " + std::to_string(exit_code_) + ": " + ended->err;
      return std::nullopt;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  error_ = "ttm-fake-server did not write its port file within 10 s";
  return std::nullopt;
}

int FakeServerProcess::Terminate() {
  if (!child_ || stopped_) return exit_code_;
  stopped_ = true;
  child_->Signal(SIGTERM);
  const process::ProcessResult ended = child_->Wait(std::chrono::seconds(30));  // a hang bound
  stderr_ = ended.err;
  if (!ended.timed_out) exit_code_ = ended.exit_code;
  return exit_code_;
}

}  // namespace ttmtrack::nasl::testing
