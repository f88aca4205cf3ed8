// The vantage-point prober against real listeners on loopback: the fake ttm_cmd server in each
// of its modes, a closed port, and a port that drops SYNs (the stand-in for a filtered port: a
// listener whose accept queue is full, which the kernel answers by dropping new SYNs, as a DROP
// rule would; nothing needs privileges or leaves loopback).
#include "evidence/probe/port_prober.hpp"

#include <unistd.h>

#include <chrono>
#include <thread>

#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include "core/ttm_probe.hpp"
#include "nasl/fake_server/fake_server.hpp"
#include "tests/evidence/loopback_ports.hpp"

namespace ttmtrack::evidence {
namespace {

using core::VantageOutcome;
using nasl::fake_server::FakeServer;
using nasl::fake_server::FakeServerOptions;
using nasl::fake_server::ServiceMode;
using std::chrono::milliseconds;
using test::ClosedPort;
using test::FullBacklogListener;

const core::IpAddress kLoopback = *core::IpAddress::Parse("127.0.0.1");

core::VantageCheck CheckOne(int port, milliseconds timeout = milliseconds(1000)) {
  PortProber prober({timeout, 4});
  const auto checks = prober.Run({{kLoopback, port}});
  EXPECT_EQ(checks.size(), 1U);
  return checks.front();
}

class ServedPortTest : public testing::Test {
 protected:
  core::VantageCheck CheckMode(ServiceMode mode, milliseconds heartbeat = milliseconds(0)) {
    FakeServerOptions options;
    options.mode = mode;
    options.heartbeat_interval = heartbeat;
    FakeServer server(options);
    server.Start();
    return CheckOne(server.port());
  }
};

TEST_F(ServedPortTest, TtmModeIsReachableConfirmed) {
  const core::VantageCheck check = CheckMode(ServiceMode::kTtm);
  EXPECT_EQ(check.outcome, VantageOutcome::kReachableConfirmed) << check.detail;
  EXPECT_EQ(check.sent, core::Probe());
  EXPECT_TRUE(core::ReplySignature().Matches(check.reply));
  EXPECT_EQ(check.detail, "the reply carries the signature (HELLO_ACK answering the probe)");
}

TEST_F(ServedPortTest, SilentDaemonIsReachableUnconfirmedAfterTheWholeTimeout) {
  const core::VantageCheck check = CheckMode(ServiceMode::kTtmSilent);
  EXPECT_EQ(check.outcome, VantageOutcome::kReachableUnconfirmed);
  EXPECT_EQ(check.reply, "");
  EXPECT_GE(check.waited_ms, 1000);
  EXPECT_EQ(check.detail.substr(0, 22), "connected; silent for ");
}

TEST_F(ServedPortTest, SilentDaemonsHeartbeatIsReachableUnconfirmed) {
  const core::VantageCheck check = CheckMode(ServiceMode::kTtmSilent, milliseconds(200));
  EXPECT_EQ(check.outcome, VantageOutcome::kReachableUnconfirmed);
  EXPECT_EQ(core::ClassifyReply(check.reply).kind, core::ReplyKind::kTtmFrame);
  EXPECT_EQ(check.detail, "a TTM frame that does not answer the probe");
}

TEST_F(ServedPortTest, OtherServicesAreOtherService) {
  const std::pair<ServiceMode, const char*> cases[] = {
      {ServiceMode::kHttp, "http"},     {ServiceMode::kSsh, "ssh"},
      {ServiceMode::kSmtp, "smtp-ftp"}, {ServiceMode::kTls, "tls"},
      {ServiceMode::kEcho, "echo"},     {ServiceMode::kClose, "closed without a reply"},
  };
  for (const auto& [mode, service] : cases) {
    const core::VantageCheck check = CheckMode(mode);
    EXPECT_EQ(check.outcome, VantageOutcome::kOtherService) << service << ": " << check.detail;
    EXPECT_EQ(check.service, service);
  }
}

TEST(PortProberTest, ClosedPortIsRefused) {
  const core::VantageCheck check = CheckOne(ClosedPort());
  EXPECT_EQ(check.outcome, VantageOutcome::kRefused);
  EXPECT_EQ(check.detail, "connection refused");
  EXPECT_EQ(check.sent, "");
}

TEST(PortProberTest, PortThatDropsSynsIsFiltered) {
  FullBacklogListener listener;
  const core::VantageCheck check = CheckOne(listener.port(), milliseconds(700));
  EXPECT_EQ(check.outcome, VantageOutcome::kFiltered);
  EXPECT_EQ(check.detail, "no answer within 0.7 s");
  EXPECT_EQ(check.waited_ms, 700);
}

TEST(PortProberTest, ResultsKeepTheTargetsOrderAndTheBoundInFlight) {
  FullBacklogListener listener;
  FakeServer ttm({});
  ttm.Start();
  std::vector<ProbeTarget> targets;
  targets.reserve(13);
  for (int i = 0; i < 12; ++i) targets.push_back({kLoopback, listener.port()});
  targets.push_back({kLoopback, ttm.port()});
  std::vector<int> completion;
  PortProber prober({milliseconds(300), 4});
  const auto started = std::chrono::steady_clock::now();
  const auto checks = prober.Run(targets, [&completion](const core::VantageCheck& check) {
    completion.push_back(check.port);
  });
  const auto elapsed = std::chrono::steady_clock::now() - started;
  ASSERT_EQ(checks.size(), targets.size());
  for (std::size_t i = 0; i < 12; ++i) EXPECT_EQ(checks[i].outcome, VantageOutcome::kFiltered);
  EXPECT_EQ(checks.back().outcome, VantageOutcome::kReachableConfirmed);
  EXPECT_EQ(completion.size(), targets.size());
  // Four at a time: twelve filtered targets take three full timeouts at least (a lower bound
  // that follows from the limit, not a speed claim).
  EXPECT_GE(elapsed, milliseconds(900));
}

TEST(PortProberTest, Ipv6LoopbackIsChecked) {
  const int fd = ::socket(AF_INET6, SOCK_STREAM, 0);
  if (fd < 0) GTEST_SKIP() << "no IPv6 on this machine";
  ::close(fd);
  PortProber prober({milliseconds(1000), 1});
  const auto checks = prober.Run({{*core::IpAddress::Parse("::1"), ClosedPort()}});
  // A port free on 127.0.0.1 is almost always free on ::1 too; refused either way, unless the
  // machine has no ::1 (then the connect fails at once: filtered, with the error).
  EXPECT_TRUE(checks[0].outcome == VantageOutcome::kRefused ||
              checks[0].outcome == VantageOutcome::kFiltered)
      << checks[0].detail;
}

}  // namespace
}  // namespace ttmtrack::evidence
