#include <gtest/gtest.h>

#include "core/exposure_status.hpp"
#include "core/ip_address.hpp"
#include "core/triage.hpp"
#include "core/vantage_check.hpp"
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

// Store::ReadHostReports reads hosts a window at a time (db/host_report_reader.hpp, 8 hosts
// per window) with one query per kind of fact: each host's report must hold exactly its own
// facts, whichever window it falls in and wherever in it, and agree with History, which reads
// one exposure at a time, and with ListExposureStatuses, which judges every exposure from one
// pass over the stored outcomes where the reports judge each from its own window's timeline.
TEST(StoreHostReportWindowsTest, EveryHostOfEveryWindowGetsItsOwnFacts) {
  test::TempDir dir;
  Store store(dir.File("windows.db"));
  std::vector<std::string> ips;
  for (int i = 1; i <= 40; ++i) ips.push_back("192.0.2." + std::to_string(i));
  // w1 detects every host; w2 every even one (the odd ones are fixed); w3 every third, on a
  // second port too, beside a host never exposed.
  FakeScan w1 = NessusScan("w1", 1000);
  FakeScan w2 = NessusScan("w2", 2000);
  FakeScan w3 = NessusScan("w3", 3000);
  for (std::size_t i = 0; i < ips.size(); ++i) {
    w1.Host(ips[i]).Detect(ips[i]);
    w1.results.back().output = "w1 saw " + ips[i];
    w2.Host(ips[i]);
    if (i % 4 == 0) w2.hosts.back().fqdn = "host-" + std::to_string(i) + ".example";
    if (i % 2 == 1) w2.Detect(ips[i]);
    w3.Host(ips[i]);
    if (i % 3 == 0) w3.Detect(ips[i]).Detect(ips[i], 10200);
  }
  w3.Host("198.51.100.7");
  // w3 before w2: the outcomes' rows then come in import order, which is not timeline order.
  for (const FakeScan* s : {&w1, &w3, &w2}) store.ImportScan(s->Reader());
  // Refused checks: evidence for the reader, no detection for the lifecycle. Hosts 1, 10 and
  // 21 (two checks, recorded newest first), and a port of host 10 that is no exposure.
  auto check = [](const std::string& ip, int port, std::int64_t at) {
    core::VantageCheckRecord record;
    record.vantage = "outside-" + std::to_string(at);
    record.checked_at = at;
    record.check.address = *core::IpAddress::Parse(ip);
    record.check.port = port;
    record.check.outcome = core::VantageOutcome::kRefused;
    record.check.detail = "connection refused";
    return record;
  };
  store.RecordVantageChecks({check(ips[0], 5010, 4000), check(ips[9], 5010, 4000),
                             check(ips[9], 9999, 4000), check(ips[20], 5010, 4200),
                             check(ips[20], 5010, 4100)});
  // Decisions on one host, on a network of four and on one exposure.
  for (const char* target : {"192.0.2.3", "192.0.2.16/30", "192.0.2.31:5010/tcp"}) {
    core::DecisionRecord record;
    record.target = *core::TriageTarget::Parse(target);
    record.kind = core::DecisionKind::kAccept;
    record.reason = "risk owner signed off";
    record.by = "alice";
    store.RecordDecision(record);
  }
  const std::int64_t now = store.Now() + 40 * core::kSecondsPerDay;

  std::vector<std::string> wanted = store.ExposedHostIps();
  wanted.emplace_back("203.0.113.1");  // never reported: left out
  std::vector<core::HostReport> reports;
  int windows = 0;
  store.ReadHostReports(
      wanted,
      [&](std::vector<core::HostReport> window) {
        ++windows;
        for (core::HostReport& report : window) reports.push_back(std::move(report));
      },
      now);
  EXPECT_EQ(windows, 6);  // 41 hosts: 5 × 8 + 1
  ASSERT_EQ(reports.size(), 40u);
  int decided = 0;
  int overdue = 0;
  for (std::size_t i = 0; i < reports.size(); ++i) {
    const core::HostReport& report = reports[i];
    EXPECT_EQ(report.identity.ip, ips[i]);
    ASSERT_EQ(report.identity.scans.size(), 3u) << ips[i];
    EXPECT_EQ(report.identity.scans[2].sha256, "w3");
    const std::vector<core::ExposureReport> history = store.History(ips[i]);
    const std::vector<core::ExposureStatus> statuses =
        store.ListExposureStatuses({.ip = ips[i]}, now);
    ASSERT_EQ(statuses.size(), history.size()) << ips[i];
    ASSERT_EQ(report.exposures.size(), history.size()) << ips[i];
    ASSERT_EQ(report.exposures.size(), i % 3 == 0 ? 2u : 1u) << ips[i];
    for (std::size_t e = 0; e < history.size(); ++e) {
      const core::ExposureReport& got = report.exposures[e];
      const core::ExposureReport& want = history[e];
      EXPECT_EQ(got.exposure.ip, ips[i]);
      EXPECT_EQ(got.exposure.id, want.exposure.id);
      EXPECT_EQ(got.exposure.port, want.exposure.port);
      EXPECT_EQ(got.exposure.state, want.exposure.state) << ips[i];
      EXPECT_EQ(got.exposure.hostname, want.exposure.hostname) << ips[i];
      ASSERT_EQ(got.evidence.size(), want.evidence.size()) << ips[i];
      for (std::size_t k = 0; k < want.evidence.size(); ++k) {
        EXPECT_EQ(got.evidence[k].scan.sha256, want.evidence[k].scan.sha256);
        EXPECT_EQ(got.evidence[k].port, want.exposure.port);
        EXPECT_EQ(got.evidence[k].output, want.evidence[k].output);
      }
      ASSERT_EQ(got.timeline.size(), want.timeline.size()) << ips[i];
      for (std::size_t k = 0; k < want.timeline.size(); ++k) {
        EXPECT_EQ(got.timeline[k].exposure_id, want.exposure.id);
        EXPECT_EQ(got.timeline[k].scan.sha256, want.timeline[k].scan.sha256);
        EXPECT_EQ(got.timeline[k].kind, want.timeline[k].kind);
        EXPECT_EQ(got.timeline[k].basis, want.timeline[k].basis);
      }
      ASSERT_EQ(got.vantage_checks.size(), want.vantage_checks.size()) << ips[i];
      for (std::size_t k = 0; k < want.vantage_checks.size(); ++k) {
        EXPECT_EQ(got.vantage_checks[k].vantage, want.vantage_checks[k].vantage);
        EXPECT_EQ(got.vantage_checks[k].checked_at, want.vantage_checks[k].checked_at);
        EXPECT_EQ(got.vantage_checks[k].check.address, want.vantage_checks[k].check.address);
        EXPECT_EQ(got.vantage_checks[k].check.port, want.exposure.port);
        EXPECT_EQ(got.vantage_checks[k].check.detail, "connection refused");
      }
      const core::ExposureStatus& status = statuses[e];
      EXPECT_EQ(got.status.exposure.id, status.exposure.id) << ips[i];
      EXPECT_EQ(got.status.exposure.hostname, status.exposure.hostname) << ips[i];
      EXPECT_EQ(got.status.decision.has_value(), status.decision.has_value()) << ips[i];
      EXPECT_EQ(got.status.episode_start, status.episode_start) << ips[i];
      EXPECT_EQ(got.status.due, status.due) << ips[i];
      EXPECT_EQ(got.status.overdue, status.overdue) << ips[i];
      EXPECT_EQ(got.status.stale, status.stale) << ips[i];
      EXPECT_EQ(got.status.days_since_checked, status.days_since_checked) << ips[i];
      decided += got.status.decision ? 1 : 0;
      overdue += got.status.overdue ? 1 : 0;
    }
    const std::size_t checks = i == 0 || i == 9 ? 1 : i == 20 ? 2 : 0;
    EXPECT_EQ(report.exposures[0].vantage_checks.size(), checks) << ips[i];
    EXPECT_EQ(report.exposures[0].evidence.front().output, "w1 saw " + ips[i]);
    EXPECT_EQ(report.exposures[0].exposure.hostname,
              i % 4 == 0 ? "host-" + std::to_string(i) + ".example" : "");
  }
  EXPECT_EQ(reports[20].exposures[0].vantage_checks[0].checked_at, 4100);  // oldest first
  // 192.0.2.3's one exposure, the six of 192.0.2.16-19 (16 and 19 have two) and 192.0.2.31's
  // 5010 (not its 10200).
  EXPECT_EQ(decided, 1 + 6 + 1);
  EXPECT_GT(overdue, 0);
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
