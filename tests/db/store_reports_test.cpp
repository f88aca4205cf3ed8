#include <gtest/gtest.h>

#include "db/store.hpp"
#include "tests/db/fake_scan.hpp"
#include "tests/support/temp_dir.hpp"

namespace ttmtrack::db {
namespace {

using core::ExposureState;
using testing::FakeScan;
using testing::GvmScan;
using testing::NessusScan;

class StoreReportsTest : public ::testing::Test {
 protected:
  // Three weekly Nessus scans and one OpenVAS scan of a small network:
  //   192.0.2.10:5010  detected w1, clean w2 (fixed), detected w3 (reopened)
  //   192.0.2.9:5010   detected w1, missing in w2, clean w3 (fixed by w3)
  //   192.0.2.200      never exposed
  void SetUp() override {
    FakeScan w1 = NessusScan("w1", 1000);
    w1.Host("192.0.2.10").Host("192.0.2.9").Host("192.0.2.200");
    w1.hosts[0].fqdn = "old-name.example";
    w1.hosts[0].os = "Linux";
    w1.Detect("192.0.2.10").Detect("192.0.2.9");
    w1.results[0].output = "first evidence";
    FakeScan w2 = NessusScan("w2", 2000);
    w2.Host("192.0.2.10").Host("192.0.2.200");
    w2.hosts[0].fqdn = "new-name.example";
    w2.hosts[0].mac = "00:11:22:33:44:55";
    FakeScan w3 = NessusScan("w3", 3000);
    w3.Host("192.0.2.10").Host("192.0.2.9");
    w3.Detect("192.0.2.10");
    w3.results[0].output = "second evidence";
    FakeScan g1 = GvmScan("g1", 2500);
    g1.Host("192.0.2.200");
    for (const FakeScan* s : {&w1, &w2, &w3, &g1}) store_.ImportScan(s->Reader());
  }

  test::TempDir dir_;
  Store store_{dir_.File("reports.db")};
};

TEST_F(StoreReportsTest, ExposedHostsAreOrderedNumerically) {
  EXPECT_EQ(store_.ExposedHostIps(), (std::vector<std::string>{"192.0.2.9", "192.0.2.10"}));
  const auto exposures = store_.ListExposures();
  ASSERT_EQ(exposures.size(), 2u);
  EXPECT_EQ(exposures[0].ip, "192.0.2.9");
}

// The store sorts hosts in C++ with core::HostKeyLess, never in SQL (docs/schema.md, "Order of
// hosts"): IPv4 and IPv6 numerically, then hosts an export named without an address.
TEST(StoreHostOrderTest, EveryListingOrdersHostsByTheCoreOrder) {
  test::TempDir dir;
  Store store(dir.File("order.db"));
  FakeScan scan = NessusScan("s1", 1000);
  const std::vector<std::string> stored = {"gw.example",  "2001:db8::10", "192.0.2.10",
                                           "2001:db8::a", "192.0.2.9",    "2001:db8::9"};
  for (const std::string& host : stored) {
    scan.Host(host).Detect(host);
    if (host == "gw.example") {
      scan.hosts.back().ip.clear();  // a name only: the key is the name
      scan.results.back().host_ip.clear();
    }
  }
  store.ImportScan(scan.Reader());
  const std::vector<std::string> expected = {"192.0.2.9",   "192.0.2.10",   "2001:db8::9",
                                             "2001:db8::a", "2001:db8::10", "gw.example"};
  EXPECT_EQ(store.ExposedHostIps(), expected);
  std::vector<std::string> listed;
  for (const core::Exposure& e : store.ListExposures()) listed.push_back(e.ip);
  EXPECT_EQ(listed, expected);
  listed.clear();
  for (const DetectionRow& d : store.ListDetections({})) listed.push_back(d.ip);
  EXPECT_EQ(listed, expected);
}

TEST_F(StoreReportsTest, AHostIsFoundByAnySpellingOfItsAddress) {
  for (const char* typed :
       {"192.0.2.10", "::ffff:192.0.2.10", "[192.0.2.10]", "::FFFF:C000:020A", " 192.0.2.10 "}) {
    EXPECT_EQ(store_.ListExposures({.ip = typed}).size(), 1u) << typed;
    EXPECT_EQ(store_.ListDetections({.ip = typed}).size(), 2u) << typed;
    EXPECT_EQ(store_.History(typed).size(), 1u) << typed;
    const std::optional<core::HostReport> report = store_.BuildHostReport(typed);
    ASSERT_TRUE(report.has_value()) << typed;
    EXPECT_EQ(report->identity.ip, "192.0.2.10");
  }
}

TEST_F(StoreReportsTest, HostReportHasIdentityScansEvidenceAndTimeline) {
  const auto report = store_.BuildHostReport("192.0.2.10");
  ASSERT_TRUE(report);
  EXPECT_EQ(report->identity.fqdn, "new-name.example");  // the latest known
  EXPECT_EQ(report->identity.os, "Linux");               // latest non-empty
  EXPECT_EQ(report->identity.mac, "00:11:22:33:44:55");
  ASSERT_EQ(report->identity.scans.size(), 3u);
  EXPECT_EQ(report->identity.scans[0].sha256, "w1");
  EXPECT_EQ(report->identity.scans[2].sha256, "w3");
  ASSERT_EQ(report->exposures.size(), 1u);
  const core::ExposureReport& e = report->exposures[0];
  EXPECT_EQ(e.exposure.state, ExposureState::kReopened);
  EXPECT_EQ(e.exposure.hostname, "new-name.example");
  EXPECT_EQ(e.exposure.first_seen, 1000);
  EXPECT_EQ(e.exposure.last_seen, 3000);
  EXPECT_EQ(e.exposure.last_checked, 3000);
  ASSERT_EQ(e.evidence.size(), 2u);
  EXPECT_EQ(e.evidence[0].output, "first evidence");
  EXPECT_EQ(e.evidence[0].scan.file_name, "w1.nessus");
  EXPECT_EQ(e.evidence[1].output, "second evidence");
  EXPECT_EQ(e.evidence[1].plugin_id, "9564501");
  ASSERT_EQ(e.timeline.size(), 4u);  // w1, w2, g1 (host not in it), w3
  EXPECT_EQ(e.timeline[2].scan.sha256, "g1");
  EXPECT_EQ(e.timeline[2].reason, core::NotCoveredReason::kHostNotInScan);
}

TEST_F(StoreReportsTest, HostReportOfAHostWithoutExposures) {
  const auto report = store_.BuildHostReport("192.0.2.200");
  ASSERT_TRUE(report);
  EXPECT_EQ(report->identity.scans.size(), 3u);
  EXPECT_TRUE(report->exposures.empty());
  EXPECT_FALSE(store_.BuildHostReport("198.51.100.1"));
}

TEST_F(StoreReportsTest, FixedExposureNamesItsVerification) {
  const auto fixed = store_.ListExposures({.state = ExposureState::kFixed});
  ASSERT_EQ(fixed.size(), 1u);
  EXPECT_EQ(fixed[0].ip, "192.0.2.9");
  ASSERT_TRUE(fixed[0].verified_by);
  EXPECT_EQ(fixed[0].verified_by->sha256, "w3");
  EXPECT_EQ(fixed[0].verified_by->file_name, "w3.nessus");
  EXPECT_EQ(fixed[0].verified_by->time, 3000);
  EXPECT_TRUE(store_.ListExposures({.state = ExposureState::kOpen}).empty());
  EXPECT_EQ(store_.ListExposures({.ip = "192.0.2.10"}).size(), 1u);
}

TEST_F(StoreReportsTest, SummaryCountsStatesAndCharts) {
  const core::SummaryReport s = store_.BuildSummary();
  EXPECT_EQ(s.open, 0);
  EXPECT_EQ(s.reopened, 1);
  EXPECT_EQ(s.fixed, 1);
  EXPECT_EQ(s.exposures.size(), 2u);
  // Latest scan per (scanner, scan name): w3 (Nessus weekly) and g1 (OpenVAS nightly).
  ASSERT_EQ(s.latest_scans.size(), 2u);
  EXPECT_EQ(s.latest_scans[0].sha256, "g1");
  EXPECT_EQ(s.latest_scans[1].sha256, "w3");
  EXPECT_EQ(s.hosts_in_latest_scans, 3);  // .10 and .9 from w3, .200 from g1
  // After w1: 2 open; w2: .10 fixed, .9 unchecked → 1; g1: 1; w3: .10 reopened, .9 fixed → 1.
  ASSERT_EQ(s.open_over_time.size(), 4u);
  const std::vector<std::pair<std::int64_t, int>> expected = {
      {1000, 2}, {2000, 1}, {2500, 1}, {3000, 1}};
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(s.open_over_time[i].scan_time, expected[i].first);
    EXPECT_EQ(s.open_over_time[i].open, expected[i].second) << "point " << i;
  }
}

TEST(StoreReportsEmptyTest, EmptyDatabaseGivesAnEmptySummary) {
  test::TempDir dir;
  Store store(dir.File("empty.db"));
  const core::SummaryReport s = store.BuildSummary();
  EXPECT_EQ(s.hosts_in_latest_scans, 0);
  EXPECT_TRUE(s.exposures.empty());
  EXPECT_TRUE(s.open_over_time.empty());
  EXPECT_TRUE(store.ExposedHostIps().empty());
  EXPECT_TRUE(store.History("192.0.2.1").empty());
}

}  // namespace
}  // namespace ttmtrack::db
