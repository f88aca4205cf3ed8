#include "bench/verify_bench.hpp"

#include <unistd.h>

#include <chrono>
#include <iostream>
#include <map>
#include <stdexcept>

#include <CLI/CLI.hpp>
#include <netinet/in.h>
#include <sys/socket.h>

#include "core/enum_text.hpp"
#include "evidence/probe/port_prober.hpp"
#include "nasl/fake_server/fake_server.hpp"

namespace ttmtrack::bench {
namespace {

// A loopback listener with a backlog of 0 whose one queued connection is never accepted: the
// kernel drops every further SYN, as a DROP rule would. With `keep` false it is closed at once
// after binding, leaving a port that refuses.
class LoopbackPort {
 public:
  explicit LoopbackPort(bool keep) {
    listener_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    auto* raw = reinterpret_cast<sockaddr*>(&address);
    if (listener_ < 0 || ::bind(listener_, raw, length) != 0 ||
        ::getsockname(listener_, raw, &length) != 0) {
      throw std::runtime_error("cannot bind a loopback port");
    }
    port_ = ntohs(address.sin_port);
    if (!keep) {
      ::close(listener_);
      listener_ = -1;
      return;
    }
    filler_ = ::socket(AF_INET, SOCK_STREAM, 0);
    if (::listen(listener_, 0) != 0 || ::connect(filler_, raw, length) != 0) {
      throw std::runtime_error("cannot fill the accept queue");
    }
  }
  ~LoopbackPort() {
    if (filler_ >= 0) ::close(filler_);
    if (listener_ >= 0) ::close(listener_);
  }
  LoopbackPort(const LoopbackPort&) = delete;
  LoopbackPort& operator=(const LoopbackPort&) = delete;
  int port() const { return port_; }

 private:
  int listener_ = -1;
  int filler_ = -1;
  int port_ = 0;
};

}  // namespace

void SetupVerify(CLI::App& app, VerifyOptions& options) {
  app.add_option("--targets", options.targets, "Targets to check")->capture_default_str();
  app.add_option("--timeout", options.timeout_seconds, "Seconds per connection (as verify)")
      ->capture_default_str();
  app.add_option("--concurrency", options.concurrency, "Connections in flight (as verify)")
      ->capture_default_str();
  app.add_option("--percent-filtered", options.percent_filtered,
                 "Share of targets that drop SYNs; the rest split between refused and served")
      ->capture_default_str();
  app.add_option("--target-seconds", options.target_seconds, "Longest acceptable run")
      ->capture_default_str();
}

int RunVerify(const VerifyOptions& options) {
  const LoopbackPort filtered(true);
  const LoopbackPort closed(false);
  nasl::fake_server::FakeServerOptions server_options;
  server_options.max_connections = 64;
  nasl::fake_server::FakeServer served(server_options);
  served.Start();
  const auto loopback = *core::IpAddress::Parse("127.0.0.1");
  std::vector<evidence::ProbeTarget> targets;
  std::map<int, core::VantageOutcome> expected = {
      {filtered.port(), core::VantageOutcome::kFiltered},
      {closed.port(), core::VantageOutcome::kRefused},
      {served.port(), core::VantageOutcome::kReachableConfirmed}};
  for (int i = 0; i < options.targets; ++i) {
    int port = filtered.port();
    if (i % 100 >= options.percent_filtered) port = i % 2 == 0 ? closed.port() : served.port();
    targets.push_back({loopback, port});
  }
  const auto timeout =
      std::chrono::milliseconds(static_cast<std::int64_t>(options.timeout_seconds * 1000.0));
  evidence::PortProber prober({timeout, options.concurrency});
  const auto started = std::chrono::steady_clock::now();
  const auto checks = prober.Run(targets);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::map<std::string, int> counts;
  int wrong = 0;
  for (const core::VantageCheck& check : checks) {
    ++counts[std::string(core::ToText(check.outcome))];
    if (check.outcome != expected[check.port]) ++wrong;
  }
  std::cout << "verify: " << options.targets << " targets, timeout " << options.timeout_seconds
            << " s, concurrency " << options.concurrency << ": " << seconds << " s wall\n";
  for (const auto& [outcome, count] : counts) std::cout << "  " << outcome << ": " << count << '\n';
  if (wrong > 0) std::cout << "  " << wrong << " targets got another outcome than expected\n";
  const bool met = seconds < options.target_seconds && wrong == 0;
  std::cout << "target: under " << options.target_seconds
            << " s with every outcome as expected: " << (met ? "met" : "MISSED") << '\n';
  return met ? 0 : 1;
}

}  // namespace ttmtrack::bench
