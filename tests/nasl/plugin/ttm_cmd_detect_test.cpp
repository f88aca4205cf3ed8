// nasl/ttm_cmd_detect.nasl run by the project's NASL runner in the OpenVAS and the Nessus
// profile, against ttm-fake-server on real loopback ports. Every test asserts exactly what the
// plugin reports and writes to the knowledge base, and that the run had no errors (calling a
// function the profile does not define is an error).
#include <string>
#include <tuple>

#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <gtest/gtest.h>

#include "plugin_test_base.hpp"
#include "tests/support/prerequisite.hpp"

namespace ttmtrack::nasl::testing {
namespace {

using nlohmann::json;

std::string ProfileName(const ::testing::TestParamInfo<std::string>& param) { return param.param; }

// e.g. OpenvasHttp: GoogleTest names without underscores.
std::string DecoyCaseName(
    const ::testing::TestParamInfo<std::tuple<std::string, std::string>>& param) {
  return CamelCase(std::get<0>(param.param)) + CamelCase(std::get<1>(param.param));
}

class TtmCmdDetectTest : public PluginTestBase, public ::testing::WithParamInterface<std::string> {
 protected:
  std::string profile() const override { return GetParam(); }
};

TEST_P(TtmCmdDetectTest, DetectsTtmOnDefaultPort5010) {
  TTMTRACK_REQUIRE(TryServe("ttm", 5010),
                   "127.0.0.1:5010 is busy; the other tests cover detection");
  PluginRunRequest request = Request();
  request.kb.emplace_back("Ports/tcp/5010", "1");
  ExpectDetected(Run(request), {5010});
}

TEST_P(TtmCmdDetectTest, DetectsTtmOnDefaultPort10200) {
  TTMTRACK_REQUIRE(TryServe("ttm", 10200),
                   "127.0.0.1:10200 is busy; the other tests cover detection");
  PluginRunRequest request = Request();
  request.kb.emplace_back("Ports/tcp/10200", "1");
  ExpectDetected(Run(request), {10200});
}

TEST_P(TtmCmdDetectTest, DetectsTtmOnANonDefaultPortListedAsUnknownService) {
  const int port = Serve("ttm");
  ASSERT_GT(port, 0);
  PluginRunRequest request = Request();
  AddUnknownService(request, port);
  const json doc = Run(request);
  ExpectDetected(doc, {port});
  EXPECT_EQ(doc.value("runs", 0), 1);
}

TEST_P(TtmCmdDetectTest, DetectsTtmOnPortsFromTheExtraPortsPreference) {
  const int ttm_a = Serve("ttm");
  const int ttm_b = Serve("ttm");
  // The scheduler starts the plugin only when a required port is open or an unknown service
  // exists: an unknown service that closes at once schedules it and reports nothing.
  const int other = Serve("close");
  ASSERT_TRUE(ttm_a > 0 && ttm_b > 0 && other > 0);
  PluginRunRequest request = Request();
  AddUnknownService(request, other);
  request.kb.emplace_back("Ports/tcp/" + std::to_string(ttm_a), "1");
  request.kb.emplace_back("Ports/tcp/" + std::to_string(ttm_b), "1");
  // Separators the preference accepts, and entries it must ignore.
  request.prefs.emplace_back(
      kExtraPortsPref, std::to_string(ttm_a) + ";\t " + std::to_string(ttm_b) + ", x7, 70000,,");
  ExpectDetected(Run(request), {ttm_a, ttm_b});
}

TEST_P(TtmCmdDetectTest, ReportsAPortOnceWhenItIsBothAnExtraPortAndAnUnknownService) {
  const int port = Serve("ttm");
  ASSERT_GT(port, 0);
  PluginRunRequest request = Request();
  AddUnknownService(request, port);
  request.prefs.emplace_back(kExtraPortsPref, std::to_string(port));
  ExpectDetected(Run(request), {port});
}

TEST_P(TtmCmdDetectTest, ProbesEachUnknownServiceInItsOwnForkedRun) {
  const int http = Serve("http");
  const int ttm = Serve("ttm");
  ASSERT_TRUE(http > 0 && ttm > 0);
  PluginRunRequest request = Request();
  AddUnknownService(request, http);
  AddUnknownService(request, ttm);
  const json doc = Run(request);
  EXPECT_EQ(doc.value("runs", 0), 2);
  ExpectDetected(doc, {ttm});
  ExpectProbed(0);
}

TEST_P(TtmCmdDetectTest, SkipsPortsTheScannerDoesNotConsiderOpen) {
  const int ttm = Serve("ttm");
  const int other = Serve("close");
  ASSERT_TRUE(ttm > 0 && other > 0);
  PluginRunRequest request = Request();
  AddUnknownService(request, other);
  request.prefs.emplace_back(kExtraPortsPref, std::to_string(ttm));  // no Ports/tcp/<ttm>
  ExpectNothing(Run(request));
}

// For the unconfirmed tier (ttm_cmd_unconfirmed.nasl), which runs next: every TTM port once,
// defaults first, and the reply timeout.
TEST_P(TtmCmdDetectTest, PublishesItsTtmPortsAndReplyTimeoutForTheUnconfirmedTier) {
  const int other = Serve("close");
  ASSERT_GT(other, 0);
  PluginRunRequest request = Request();
  AddUnknownService(request, other);
  request.prefs.emplace_back(kExtraPortsPref, "7001, 10200,7002");
  const auto published = [](const std::string& name, int value, bool replace) {
    return json{{"name", name}, {"value", value}, {"replace", replace}};
  };
  EXPECT_EQ(Published(Run(request)), json::array({published("ttmtrack/ttm_reply_timeout", 1, true),
                                                  published("ttmtrack/ttm_ports", 5010, false),
                                                  published("ttmtrack/ttm_ports", 10200, false),
                                                  published("ttmtrack/ttm_ports", 7001, false),
                                                  published("ttmtrack/ttm_ports", 7002, false)}));
}

TEST_P(TtmCmdDetectTest, IsNotScheduledWhenNoRequiredPortIsOpen) {
  const json doc = Run(Request());
  EXPECT_FALSE(doc.value("scheduled", true));
  EXPECT_EQ(doc.value("runs", -1), 0);
  ExpectNothing(doc);
}

TEST_P(TtmCmdDetectTest, ReportsNothingForAClosedPort) {
  // Bound but not listening: connecting is refused, and no parallel test can take the port.
  Poco::Net::ServerSocket holder;
  holder.bind(Poco::Net::SocketAddress("127.0.0.1", 0), /*reuseAddress=*/false,
              /*reusePort=*/false);
  const int port = holder.address().port();
  PluginRunRequest request = Request();
  AddUnknownService(request, port);
  const json doc = Run(request);
  // It was scheduled and ran once, for that port (Services/unknown forks one run per value),
  // without error: nothing reported is the plugin's verdict, not a run that never happened.
  EXPECT_TRUE(doc.value("scheduled", false)) << doc.dump(2);
  EXPECT_EQ(doc.value("runs", 0), 1) << doc.dump(2);
  ExpectNothing(doc);
}

TEST_P(TtmCmdDetectTest, ReportsNothingForAnEchoServiceOnDefaultPort5010) {
  TTMTRACK_REQUIRE(TryServe("echo", 5010), "127.0.0.1:5010 is busy");
  PluginRunRequest request = Request();
  request.kb.emplace_back("Ports/tcp/5010", "1");
  ExpectNothing(Run(request));
  ExpectProbed(0);
}

INSTANTIATE_TEST_SUITE_P(BothScanners, TtmCmdDetectTest, ::testing::Values("openvas", "nessus"),
                         ProfileName);

// Each service that is not ttm_cmd, on an unknown-service port, in each profile.
class TtmCmdDetectDecoyTest
    : public PluginTestBase,
      public ::testing::WithParamInterface<std::tuple<std::string, std::string>> {
 protected:
  std::string profile() const override { return std::get<0>(GetParam()); }
  std::string mode() const { return std::get<1>(GetParam()); }
};

TEST_P(TtmCmdDetectDecoyTest, ReportsAndRegistersNothing) {
  const int port = Serve(mode());
  ASSERT_GT(port, 0);
  PluginRunRequest request = Request();
  AddUnknownService(request, port);
  const json doc = Run(request);
  EXPECT_TRUE(doc.value("scheduled", false));
  ExpectNothing(doc);
  ExpectProbed(0);
}

INSTANTIATE_TEST_SUITE_P(BothScanners, TtmCmdDetectDecoyTest,
                         ::testing::Combine(::testing::Values("openvas", "nessus"),
                                            ::testing::Values("http", "ssh", "smtp", "tls", "echo",
                                                              "silent", "close", "ttm-silent")),
                         DecoyCaseName);

}  // namespace
}  // namespace ttmtrack::nasl::testing
