// The fake server's stand-ins for the unconfirmed tier (ttm-silent, tls), and what core's reply
// classifier -- the one both plugins and `ttmtrack verify` share -- makes of every mode's answer
// to the probe, over real loopback sockets.
#include <chrono>
#include <memory>
#include <string>

#include <gtest/gtest.h>

#include "core/ttm_frame.hpp"
#include "core/ttm_probe.hpp"
#include "loopback_client.hpp"
#include "nasl/fake_server/decoy_connections.hpp"
#include "nasl/fake_server/fake_server.hpp"

namespace ttmtrack::nasl::fake_server {
namespace {

using Client = nasl::testing::LoopbackClient;
using namespace std::chrono_literals;

class FakeServerProbeTest : public ::testing::Test {
 protected:
  std::uint16_t Start(ServiceMode mode, FakeServerOptions options = {}) {
    options.mode = mode;
    server_ = std::make_unique<FakeServer>(options);
    server_->Start();
    return server_->port();
  }

  std::unique_ptr<FakeServer> server_;
};

core::FrameHeader HeaderOf(const std::string& frame) { return core::ParseHeader(frame).header; }

TEST_F(FakeServerProbeTest, TtmSilentModeIgnoresTheProbeAndKeepsTheConnection) {
  FakeServerOptions options;
  options.heartbeat_interval = 0ms;
  Client client(Start(ServiceMode::kTtmSilent, options));
  client.Send(core::Probe());
  EXPECT_EQ(client.Read(1, 300ms), "");
  EXPECT_FALSE(client.closed());
}

TEST_F(FakeServerProbeTest, TtmSilentModeSendsAHeartbeatEveryIntervalWhateverTheClientSends) {
  FakeServerOptions options;
  options.heartbeat_interval = 150ms;
  const std::uint16_t port = Start(ServiceMode::kTtmSilent, options);
  const auto connected = std::chrono::steady_clock::now();
  Client client(port);
  client.Send(core::Probe());
  const std::string first = client.Read(core::kHeaderSize, 5s);
  EXPECT_GE(std::chrono::steady_clock::now() - connected, 150ms);
  ASSERT_EQ(first.size(), core::kHeaderSize);
  EXPECT_EQ(HeaderOf(first).type, static_cast<std::uint8_t>(core::MessageType::kHeartbeat));
  // Input does not postpone the next one: the daemon does not understand it.
  client.Send(core::Probe());
  const std::string second = client.Read(core::kHeaderSize, 5s);
  ASSERT_EQ(second.size(), core::kHeaderSize);
  EXPECT_EQ(HeaderOf(second).type, static_cast<std::uint8_t>(core::MessageType::kHeartbeat));
  EXPECT_EQ(HeaderOf(second).request_id, HeaderOf(first).request_id + 1);
}

TEST_F(FakeServerProbeTest, TlsModeAnswersTheProbeWithAnUnexpectedMessageAlertAndCloses) {
  Client client(Start(ServiceMode::kTls));
  client.Send(core::Probe());
  EXPECT_EQ(client.Read(64, 2s), kTlsAlertUnexpectedMessage);
  EXPECT_TRUE(client.closed());
}

TEST_F(FakeServerProbeTest, TlsModeAnswersAClientHelloRecordWithAHandshakeFailureAlert) {
  Client client(Start(ServiceMode::kTls));
  client.Send(std::string("\x16\x03\x01\x00\x05\x01\x00\x00\x01\x00", 10));
  EXPECT_EQ(client.Read(64, 2s), kTlsAlertHandshakeFailure);
  EXPECT_TRUE(client.closed());
}

// Fields in the order of the table's columns; padding does not matter in a test table.
struct ModeCase {  // NOLINT(clang-analyzer-optin.performance.Padding)
  const char* name;
  ServiceMode mode;
  std::chrono::milliseconds heartbeat;
  std::string_view reply_class;  // core::ReplyClass::Name() of the first bytes
  core::ProbeTier tier;
};

class FakeServerModeClassTest : public FakeServerProbeTest,
                                public ::testing::WithParamInterface<ModeCase> {};

// As a plugin sees it: the probe, then the first bytes within a timeout; a port that sent
// nothing and kept the connection open stayed silent until the timeout.
TEST_P(FakeServerModeClassTest, ClassifiesTheAnswerToTheProbe) {
  const ModeCase& c = GetParam();
  FakeServerOptions options;
  options.heartbeat_interval = c.heartbeat;
  Client client(Start(c.mode, options));
  client.Send(core::Probe());
  const std::string reply = client.Read(1, 600ms);
  const core::ReplyClass reply_class = core::ClassifyReply(reply);
  EXPECT_EQ(reply_class.Name(), c.reply_class);
  EXPECT_EQ(core::TierOf(reply_class, reply.empty() && !client.closed()), c.tier);
}

const ModeCase kModeCases[] = {
    {"Ttm", ServiceMode::kTtm, 20s, "confirmed", core::ProbeTier::kConfirmed},
    {"TtmSilent", ServiceMode::kTtmSilent, 20s, "none", core::ProbeTier::kUnconfirmed},
    {"TtmSilentHeartbeat", ServiceMode::kTtmSilent, 100ms, "ttm-frame",
     core::ProbeTier::kUnconfirmed},
    {"Http", ServiceMode::kHttp, 20s, "http", core::ProbeTier::kNotTtm},
    {"Ssh", ServiceMode::kSsh, 20s, "ssh", core::ProbeTier::kNotTtm},
    {"Smtp", ServiceMode::kSmtp, 20s, "smtp-ftp", core::ProbeTier::kNotTtm},
    {"Tls", ServiceMode::kTls, 20s, "tls", core::ProbeTier::kNotTtm},
    {"Echo", ServiceMode::kEcho, 20s, "echo", core::ProbeTier::kNotTtm},
    {"Silent", ServiceMode::kSilent, 20s, "none", core::ProbeTier::kUnconfirmed},
    {"Close", ServiceMode::kClose, 20s, "none", core::ProbeTier::kNotTtm},
};

std::string ModeCaseName(const ::testing::TestParamInfo<ModeCase>& row) { return row.param.name; }

INSTANTIATE_TEST_SUITE_P(EveryMode, FakeServerModeClassTest, ::testing::ValuesIn(kModeCases),
                         ModeCaseName);

TEST(FakeServerModeClassTableTest, CoversEveryMode) {
  for (ServiceMode mode : core::AllValues<ServiceMode>()) {
    bool found = false;
    for (const ModeCase& c : kModeCases) found = found || c.mode == mode;
    EXPECT_TRUE(found) << core::ToText(mode);
  }
}

}  // namespace
}  // namespace ttmtrack::nasl::fake_server
