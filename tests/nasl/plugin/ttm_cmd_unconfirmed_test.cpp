// nasl/ttm_cmd_unconfirmed.nasl (the unconfirmed-listener tier) run by the project's NASL
// runner in the OpenVAS and the Nessus profile against ttm-fake-server on real loopback ports:
// what it reports on a TTM port left unidentified, and that it reports nothing for a service of
// another protocol, a service the scanner identified, a port that is not a TTM port, or when its
// preference turns it off. The scanner's order -- ttm_cmd_detect.nasl first, then this plugin on
// the knowledge base the first one left -- is played by running both in turn (KbAfter).
#include <string>
#include <tuple>
#include <vector>

#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <gtest/gtest.h>

#include "core/ttm_probe.hpp"
#include "one_shot_server.hpp"
#include "plugin_test_base.hpp"
#include "unconfirmed_report.hpp"

namespace ttmtrack::nasl::testing {
namespace {

using nlohmann::json;

// The tier raises ttm_cmd_detect.nasl's timeout to this (the tests run that one with 1 s).
constexpr int kSilence = core::kMinSilenceSeconds;

std::string ProfileName(const ::testing::TestParamInfo<std::string>& param) { return param.param; }

class UnconfirmedTestBase : public PluginTestBase {
 protected:
  // A request for ttm_cmd_unconfirmed.nasl on the knowledge base ttm_cmd_detect.nasl leaves
  // when it ran with its test settings and `ttm_ports` as TTM ports.
  PluginRunRequest UnconfirmedRequest(const std::vector<int>& ttm_ports) const {
    PluginRunRequest request;
    request.profile = profile();
    request.file = TTMTRACK_UNCONFIRMED_PLUGIN_FILE;
    for (int port : ttm_ports) request.kb.emplace_back("ttmtrack/ttm_ports", std::to_string(port));
    request.kb.emplace_back("ttmtrack/ttm_reply_timeout", "1");
    return request;
  }

  // Exactly one report, on `port`, with `evidence`; the tier writes nothing to the KB.
  void ExpectUnconfirmed(const json& doc, int port, const std::string& evidence, int min_seconds,
                         int max_seconds) const {
    ASSERT_EQ(doc.value("reports", json::array()).size(), 1U) << doc.dump(2);
    const json& report = doc["reports"][0];
    EXPECT_EQ(report.value("function", ""), report_function());
    EXPECT_EQ(report.value("port", 0), port);
    EXPECT_EQ(report.value("proto", ""), "tcp");
    const std::string text = report.value(report_text_argument(), "");
    EXPECT_EQ(WithoutMeasuredSeconds(text), ExpectedUnconfirmedReport(port, evidence));
    const auto seconds = MeasuredSeconds(text);
    ASSERT_TRUE(seconds.has_value()) << text;
    EXPECT_GE(*seconds, min_seconds);
    EXPECT_LE(*seconds, max_seconds);
    EXPECT_EQ(doc.value("kb_writes", json(nullptr)), json::array());
  }
};

class TtmCmdUnconfirmedTest : public UnconfirmedTestBase,
                              public ::testing::WithParamInterface<std::string> {
 protected:
  std::string profile() const override { return GetParam(); }
};

TEST_P(TtmCmdUnconfirmedTest, ReportsADaemonThatStaysSilentOnATtmPort) {
  const int port = Serve("ttm-silent");
  ASSERT_GT(port, 0);
  PluginRunRequest request = UnconfirmedRequest({port});
  AddUnknownService(request, port);
  // unixtime() reads at least timeout - 1 for a wait of the whole timeout (kMinSilenceSeconds).
  ExpectUnconfirmed(Run(request), port, SilentEvidence(kSilence), kSilence - 1, kSilence + 2);
  ExpectProbed(0);
}

TEST_P(TtmCmdUnconfirmedTest, ReportsTheHeartbeatOfADaemonThatIgnoresTheProbeAsAFrameOfItsOwn) {
  // Heartbeats every 0.3 s: the first arrives well within the reply timeout.
  const int port = Serve("ttm-silent", 0, {"--heartbeat", "0.3"});
  ASSERT_GT(port, 0);
  PluginRunRequest request = UnconfirmedRequest({port});
  AddUnknownService(request, port);
  ExpectUnconfirmed(
      Run(request), port,
      ReplyEvidence("54544d43010200000000000100000000", "TTMC............", 16, FrameReading("02")),
      0, kSilence);
}

TEST_P(TtmCmdUnconfirmedTest, ReportsBytesOfNoKnownProtocol) {
  OneShotServer server("ERROR unknown request\n");
  const int port = server.port();
  PluginRunRequest request = UnconfirmedRequest({port});
  AddUnknownService(request, port);
  ExpectUnconfirmed(Run(request), port,
                    ReplyEvidence("4552524f5220756e6b6e6f776e20726571756573740a",
                                  "ERROR unknown request.", 22, UnrecognisedReading()),
                    0, kSilence);
  EXPECT_TRUE(server.connected());
}

TEST_P(TtmCmdUnconfirmedTest, ReportsAPortServiceDetectionCalledUnknown) {
  const int port = Serve("ttm-silent");
  ASSERT_GT(port, 0);
  PluginRunRequest request = UnconfirmedRequest({port});
  AddUnknownService(request, port);
  request.kb.emplace_back("Known/tcp/" + std::to_string(port), "unknown");
  ExpectUnconfirmed(Run(request), port, SilentEvidence(kSilence), kSilence - 1, kSilence + 2);
}

TEST_P(TtmCmdUnconfirmedTest, ProbesDefaultPort10200WhenTheConfirmedTierPublishedNothing) {
  if (!TryServe("ttm-silent", 10200)) GTEST_SKIP() << "127.0.0.1:10200 is busy";
  PluginRunRequest request;
  request.profile = profile();
  request.file = TTMTRACK_UNCONFIRMED_PLUGIN_FILE;
  request.kb.emplace_back("Ports/tcp/10200", "1");
  // Its own default timeout then: ttm_cmd_detect.nasl's 4 s.
  ExpectUnconfirmed(Run(request), 10200, SilentEvidence(core::kDefaultReplyTimeoutSeconds),
                    core::kDefaultReplyTimeoutSeconds - 1, core::kDefaultReplyTimeoutSeconds + 2);
}

TEST_P(TtmCmdUnconfirmedTest, ReportsNothingForAClosedTtmPort) {
  // Bound but not listening: connecting is refused, and no parallel test can take the port.
  Poco::Net::ServerSocket holder;
  holder.bind(Poco::Net::SocketAddress("127.0.0.1", 0), /*reuseAddress=*/false,
              /*reusePort=*/false);
  const int port = holder.address().port();
  PluginRunRequest request = UnconfirmedRequest({port});
  AddUnknownService(request, port);
  ExpectNothing(Run(request));
}

TEST_P(TtmCmdUnconfirmedTest, ReportsNothingForASilentServiceOnAPortThatIsNotATtmPort) {
  const int silent = Serve("silent");
  ASSERT_GT(silent, 0);
  // The published TTM ports are elsewhere (one that nothing listens on).
  PluginRunRequest request = UnconfirmedRequest({1});
  AddUnknownService(request, silent);
  const json doc = Run(request);
  EXPECT_TRUE(doc.value("scheduled", false));
  EXPECT_EQ(doc.value("reports", json(nullptr)), json::array()) << doc.dump(2);
  ExpectNotProbed(0);
}

TEST_P(TtmCmdUnconfirmedTest, ReportsNothingWhenThePreferenceTurnsTheTierOff) {
  const int port = Serve("ttm-silent");
  ASSERT_GT(port, 0);
  PluginRunRequest request = UnconfirmedRequest({port});
  AddUnknownService(request, port);
  request.prefs.emplace_back(kUnconfirmedTierPref, "no");
  const json doc = Run(request);
  EXPECT_TRUE(doc.value("scheduled", false));
  EXPECT_EQ(doc.value("reports", json(nullptr)), json::array()) << doc.dump(2);
  ExpectNotProbed(0);
}

TEST_P(TtmCmdUnconfirmedTest, IsNotScheduledWhenNoRequiredPortIsOpen) {
  const json doc = Run(UnconfirmedRequest({}));
  EXPECT_FALSE(doc.value("scheduled", true));
  EXPECT_EQ(doc.value("reports", json(nullptr)), json::array());
}

// The scanner's order: ttm_cmd_detect.nasl, then this tier on the KB it left.
TEST_P(TtmCmdUnconfirmedTest, LeavesAListenerTheConfirmedTierReportedToIt) {
  const int port = Serve("ttm");
  ASSERT_GT(port, 0);
  PluginRunRequest confirmed = Request();
  AddUnknownService(confirmed, port);
  confirmed.prefs.emplace_back(kExtraPortsPref, std::to_string(port));
  const json first = Run(confirmed);
  ExpectDetected(first, {port});
  PluginRunRequest unconfirmed = UnconfirmedRequest({});
  unconfirmed.kb = KbAfter(confirmed, first);
  ExpectNothing(Run(unconfirmed));
  // Known/tcp/<port> = ttm_cmd: the second plugin never connected.
  server(0).Terminate();
  const std::string log = server(0).stderr_text();
  EXPECT_EQ(log.find(": connected"), log.rfind(": connected")) << log;
}

TEST_P(TtmCmdUnconfirmedTest, TakesItsPortsAndTimeoutFromTheConfirmedTier) {
  const int port = Serve("ttm-silent");
  ASSERT_GT(port, 0);
  PluginRunRequest confirmed = Request();  // reply timeout 1 s
  AddUnknownService(confirmed, port);
  confirmed.prefs.emplace_back(kExtraPortsPref, std::to_string(port));
  const json first = Run(confirmed);
  ExpectNothing(first);
  PluginRunRequest unconfirmed = UnconfirmedRequest({});
  unconfirmed.kb = KbAfter(confirmed, first);
  // 1 s is too short to tell silence from a hang-up: the tier waits kMinSilenceSeconds.
  ExpectUnconfirmed(Run(unconfirmed), port, SilentEvidence(kSilence), kSilence - 1, kSilence + 2);
}

INSTANTIATE_TEST_SUITE_P(BothScanners, TtmCmdUnconfirmedTest,
                         ::testing::Values("openvas", "nessus"), ProfileName);

// A service of another protocol on a TTM port the scanner left unidentified: probed, nothing.
class TtmCmdUnconfirmedOtherProtocolTest
    : public UnconfirmedTestBase,
      public ::testing::WithParamInterface<std::tuple<std::string, std::string>> {
 protected:
  std::string profile() const override { return std::get<0>(GetParam()); }
};

TEST_P(TtmCmdUnconfirmedOtherProtocolTest, ReportsNothing) {
  const int port = Serve(std::get<1>(GetParam()));
  ASSERT_GT(port, 0);
  PluginRunRequest request = UnconfirmedRequest({port});
  AddUnknownService(request, port);
  const json doc = Run(request);
  EXPECT_TRUE(doc.value("scheduled", false));
  ExpectNothing(doc);
  EXPECT_EQ(doc.value("kb_writes", json(nullptr)), json::array());
  ExpectProbed(0);
}

std::string ModeCaseName(
    const ::testing::TestParamInfo<std::tuple<std::string, std::string>>& param) {
  return CamelCase(std::get<0>(param.param)) + CamelCase(std::get<1>(param.param));
}

INSTANTIATE_TEST_SUITE_P(BothScanners, TtmCmdUnconfirmedOtherProtocolTest,
                         ::testing::Combine(::testing::Values("openvas", "nessus"),
                                            // ttm: the confirmed tier's, never this one's.
                                            ::testing::Values("ttm", "http", "ssh", "smtp", "tls",
                                                              "echo", "close")),
                         ModeCaseName);

// A silent daemon on a TTM port that service detection DID identify: not even probed.
struct Identification {
  const char* name;
  const char* key;  // KB key, "%d" for the port
  const char* value;
};

class TtmCmdUnconfirmedIdentifiedTest
    : public UnconfirmedTestBase,
      public ::testing::WithParamInterface<std::tuple<std::string, Identification>> {
 protected:
  std::string profile() const override { return std::get<0>(GetParam()); }
};

TEST_P(TtmCmdUnconfirmedIdentifiedTest, ReportsNothingAndDoesNotProbe) {
  const Identification& id = std::get<1>(GetParam());
  const int port = Serve("ttm-silent");
  ASSERT_GT(port, 0);
  PluginRunRequest request = UnconfirmedRequest({port});
  request.kb.emplace_back("Ports/tcp/" + std::to_string(port), "1");
  std::string key = id.key;
  key.replace(key.find("%d"), 2, std::to_string(port));
  request.kb.emplace_back(key, id.value);
  request.kb.emplace_back("Services/unknown", "1");  // schedules the plugin; not a TTM port
  const json doc = Run(request);
  EXPECT_TRUE(doc.value("scheduled", false));
  EXPECT_EQ(doc.value("reports", json(nullptr)), json::array()) << doc.dump(2);
  ExpectNotProbed(0);
}

const Identification kIdentifications[] = {
    {"Http", "Known/tcp/%d", "www"},   {"Ssh", "Known/tcp/%d", "ssh"},
    {"Smtp", "Known/tcp/%d", "smtp"},  {"TtmCmd", "Known/tcp/%d", "ttm_cmd"},
    {"Tls", "Transports/TCP/%d", "2"},
};

std::string IdentifiedCaseName(
    const ::testing::TestParamInfo<std::tuple<std::string, Identification>>& param) {
  return CamelCase(std::get<0>(param.param)) + std::get<1>(param.param).name;
}

INSTANTIATE_TEST_SUITE_P(BothScanners, TtmCmdUnconfirmedIdentifiedTest,
                         ::testing::Combine(::testing::Values("openvas", "nessus"),
                                            ::testing::ValuesIn(kIdentifications)),
                         IdentifiedCaseName);

}  // namespace
}  // namespace ttmtrack::nasl::testing
