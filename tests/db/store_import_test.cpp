#include <gtest/gtest.h>

#include "core/error.hpp"
#include "db/sqlite/database.hpp"
#include "db/sqlite/statement.hpp"
#include "db/sqlite/transaction.hpp"
#include "db/store.hpp"
#include "tests/db/fake_scan.hpp"
#include "tests/support/database_dump.hpp"
#include "tests/support/temp_dir.hpp"

namespace ttmtrack::db {
namespace {

using testing::FakeScan;
using testing::NessusScan;

class StoreImportTest : public ::testing::Test {
 protected:
  std::int64_t Count(const std::string& sql) {
    sqlite::Database db(path_);
    auto s = db.Prepare(sql);
    s.Step();
    return s.Int64(0);
  }

  test::TempDir dir_;
  std::string path_ = dir_.File("store.db");
  Store store_{path_, Store::Options{.now = [] { return std::int64_t{1'700'000'000}; }}};
};

TEST_F(StoreImportTest, StoresHostsResultsAndDetections) {
  FakeScan scan = NessusScan("s1", 1000);
  scan.Host("192.0.2.10").Host("192.0.2.11");
  scan.Detect("192.0.2.10").Result("192.0.2.10", 22, "10267").Result("192.0.2.11", 80, "10107");
  const ImportResult result = store_.ImportScan(scan.Reader());
  EXPECT_EQ(result.status, ImportStatus::kImported);
  EXPECT_EQ(result.hosts, 2);
  EXPECT_EQ(result.results, 3);
  EXPECT_EQ(result.detections, 1);
  EXPECT_EQ(result.lifecycle.new_exposures, 1);

  const auto scans = store_.ListScans();
  ASSERT_EQ(scans.size(), 1u);
  EXPECT_EQ(scans[0].id, result.scan_id);
  EXPECT_EQ(scans[0].hosts, 2);
  EXPECT_EQ(scans[0].results, 3);
  EXPECT_EQ(scans[0].detections, 1);
  EXPECT_EQ(scans[0].imported_at, 1'700'000'000);
  EXPECT_EQ(scans[0].enabled_plugin_count, 3);
  EXPECT_EQ(scans[0].port_range, "all");
  EXPECT_EQ(scans[0].plugin_enabled.value, core::Knowledge::kYes);
  EXPECT_EQ(Count("SELECT count(*) FROM scan_host_ports"), 3);
}

// The writer remembers the ports it has recorded (a bounded set, cleared when full) instead of
// inserting one row per result: every distinct port of every host is still stored, once.
TEST_F(StoreImportTest, EveryDistinctPortIsRecordedOnceWhateverTheOrderAndCount) {
  FakeScan scan = NessusScan("s1", 1000);
  constexpr int kHosts = 600;  // 600 hosts × 8 ports: more than the remembered set holds
  for (int h = 0; h < kHosts; ++h) {
    scan.Host("10.1." + std::to_string(h / 250) + "." + std::to_string(h % 250));
  }
  // Each port three times, in an order that comes back to earlier hosts (GVM lists results by
  // severity, not by host), and 5010 over udp as well as tcp.
  for (int round = 0; round < 3; ++round) {
    for (int h = 0; h < kHosts; ++h) {
      const std::string ip = "10.1." + std::to_string(h / 250) + "." + std::to_string(h % 250);
      for (std::uint16_t port = 5000; port < 5007; ++port) scan.Result(ip, port, "10107");
      scan.Result(ip, 5010, "10107", "Generic check", "udp");
    }
  }
  store_.ImportScan(scan.Reader());
  EXPECT_EQ(Count("SELECT count(*) FROM scan_host_ports"), kHosts * 8);
  EXPECT_EQ(Count("SELECT count(*) FROM scan_host_ports WHERE protocol = 'udp'"), kHosts);
  EXPECT_EQ(Count("SELECT count(DISTINCT scan_host_id) FROM scan_host_ports"), kHosts);
}

TEST_F(StoreImportTest, SameScanTwiceIsANoOpThatSaysSo) {
  FakeScan scan = NessusScan("s1", 1000);
  scan.Host("192.0.2.10").Detect("192.0.2.10");
  const ImportResult first = store_.ImportScan(scan.Reader());
  const std::string before = test::DumpDatabase(path_);
  // The identity arrives with EndScan, after the one read of the file: the second import is
  // written, found to be a repeat at the end, and rolled back whole.
  const ImportResult again = store_.ImportScan(scan.Reader());
  EXPECT_EQ(again.status, ImportStatus::kAlreadyImported);
  EXPECT_EQ(again.scan_id, first.scan_id);
  EXPECT_EQ(again.stored_file_name, "s1.nessus");
  EXPECT_EQ(again.detections, 1);
  EXPECT_EQ(test::DumpDatabase(path_), before);
  ASSERT_TRUE(store_.FindScanBySha256("s1"));
  EXPECT_FALSE(store_.FindScanBySha256("s2"));
}

TEST_F(StoreImportTest, EndScanWithoutTheScansSha256IsAProgrammerError) {
  FakeScan scan = NessusScan("", 1000);
  scan.Host("192.0.2.10");
  try {
    store_.ImportScan(scan.Reader());
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), Error::Kind::kInternal);
  }
  EXPECT_TRUE(store_.ListScans().empty());
}

TEST_F(StoreImportTest, ThrowMidImportLeavesTheDatabaseLogicallyUnchanged) {
  FakeScan first = NessusScan("s1", 1000);
  first.Host("192.0.2.10").Detect("192.0.2.10");
  store_.ImportScan(first.Reader());
  const std::string before = test::DumpDatabase(path_);

  FakeScan second = NessusScan("s2", 2000);
  second.Host("192.0.2.10").Host("192.0.2.20");
  second.Detect("192.0.2.20").Result("192.0.2.20", 1, "1", "Trading Technologies Messaging x");
  auto failing = [&](core::ScanSink& sink) {
    sink.BeginScan(second.info);
    for (const auto& h : second.hosts) sink.Host(h);
    for (const auto& r : second.results) sink.Result(r);
    throw Error(Error::Kind::kBadInput, "truncated", {.file = "s2.nessus", .line = 9});
  };
  try {
    store_.ImportScan(failing);
    FAIL() << "the importer's exception was swallowed";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), Error::Kind::kBadInput);  // propagated unchanged
    EXPECT_STREQ(e.what(), "s2.nessus:9: truncated");
  }
  EXPECT_EQ(test::DumpDatabase(path_), before);
  EXPECT_FALSE(store_.FindScanBySha256("s2"));
}

TEST_F(StoreImportTest, ReaderThatNeverEndsTheScanStoresNothing) {
  const std::string before = test::DumpDatabase(path_);
  FakeScan scan = NessusScan("s1", 1000);
  try {
    store_.ImportScan([&](core::ScanSink& sink) { sink.BeginScan(scan.info); });
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), Error::Kind::kInternal);
  }
  EXPECT_EQ(test::DumpDatabase(path_), before);
}

TEST_F(StoreImportTest, HostBeforeBeginScanIsAProgrammerError) {
  core::HostRecord host;
  host.ip = "192.0.2.1";
  EXPECT_THROW(store_.ImportScan([&](core::ScanSink& sink) { sink.Host(host); }), Error);
  EXPECT_TRUE(store_.ListScans().empty());
}

TEST_F(StoreImportTest, ResultWithoutAnyHostIsBadInputWithItsLine) {
  FakeScan scan = NessusScan("s1", 1000);
  scan.Result("", 80, "1");
  scan.results[0].host_name = "";
  scan.results[0].line = 42;
  try {
    store_.ImportScan(scan.Reader());
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), Error::Kind::kBadInput);
    EXPECT_EQ(e.context().line, 42);
  }
}

TEST_F(StoreImportTest, DuplicateHostsAreMergedPerIp) {
  FakeScan scan = NessusScan("s1", 1000);
  scan.Host("192.0.2.10", core::HostCompletion::kIncomplete);
  scan.hosts.back().started_at = 900;
  scan.Host("192.0.2.10", core::HostCompletion::kCompleted);
  scan.hosts.back().fqdn = "a.example";
  scan.hosts.back().started_at = 800;
  scan.hosts.back().ended_at = 1200;
  scan.Host("192.0.2.10", core::HostCompletion::kUnknown);
  scan.hosts.back().fqdn = "b.example";
  scan.Detect("192.0.2.10");
  EXPECT_EQ(store_.ImportScan(scan.Reader()).hosts, 1);
  const auto report = store_.BuildHostReport("192.0.2.10");
  ASSERT_TRUE(report);
  EXPECT_EQ(report->identity.fqdn, "a.example");  // first non-empty value kept
  EXPECT_EQ(Count("SELECT started_at FROM scan_hosts"), 800);
  EXPECT_EQ(Count("SELECT ended_at FROM scan_hosts"), 1200);
  EXPECT_EQ(Count("SELECT count(*) FROM scan_hosts WHERE completion = 'completed'"), 1);
}

TEST_F(StoreImportTest, ResultsBeforeTheirHostAndForUnlistedHostsAreKept) {
  FakeScan scan = testing::GvmScan("g1", 1000);
  scan.Detect("192.0.2.10").Result("192.0.2.99", 443, "1.3.6.1.4.1.25623.1.0.1");
  scan.Host("192.0.2.10");
  scan.hosts.back().fqdn = "gvm.example";
  const ImportResult result = store_.ImportScan(scan.Reader());
  EXPECT_EQ(result.hosts, 2);  // 192.0.2.99 is in the scan through its result
  EXPECT_EQ(Count("SELECT count(*) FROM scan_hosts WHERE ip = '192.0.2.10' AND "
                  "fqdn = 'gvm.example' AND completion = 'completed'"),
            1);
  const auto exposures = store_.ListExposures();
  ASSERT_EQ(exposures.size(), 1u);
  EXPECT_EQ(exposures[0].hostname, "gvm.example");
}

// The writer merges a host whose results made its row with statements of its own (not the
// upsert): the same rules, whichever order the duplicates come in.
TEST_F(StoreImportTest, HostsAfterTheirResultsMergeLikeDuplicateHosts) {
  FakeScan scan = testing::GvmScan("g1", 1000);
  scan.Result("192.0.2.10", 443, "1.3.6.1.4.1.25623.1.0.1");
  scan.Host("192.0.2.10", core::HostCompletion::kCompleted);
  scan.hosts.back().started_at = 900;
  scan.hosts.back().os = "";
  scan.Host("192.0.2.10", core::HostCompletion::kIncomplete);
  scan.hosts.back().fqdn = "a.example";
  scan.hosts.back().os = "Linux";
  scan.hosts.back().started_at = 800;
  scan.hosts.back().ended_at = 1200;
  scan.Host("192.0.2.10", core::HostCompletion::kUnknown);
  scan.hosts.back().fqdn = "b.example";
  scan.hosts.back().ended_at = 1100;
  scan.Result("192.0.2.20", 22, "1.3.6.1.4.1.25623.1.0.2");
  scan.Host("192.0.2.20", core::HostCompletion::kIncomplete);
  scan.Host("192.0.2.20", core::HostCompletion::kUnknown);
  EXPECT_EQ(store_.ImportScan(scan.Reader()).hosts, 2);
  EXPECT_EQ(Count("SELECT count(*) FROM scan_hosts WHERE ip = '192.0.2.10' AND "
                  "fqdn = 'a.example' AND os = 'Linux' AND started_at = 800 AND ended_at = 1200 "
                  "AND completion = 'completed'"),
            1);
  EXPECT_EQ(Count("SELECT count(*) FROM scan_hosts WHERE ip = '192.0.2.20' AND "
                  "completion = 'incomplete'"),
            1);
}

// More hosts than the writer remembers (its cache holds 4,096): every host listed after its
// results still finds the row its results made, with their ports, and none is made twice.
TEST_F(StoreImportTest, ResultsFirstForMoreHostsThanTheWriterRemembers) {
  FakeScan scan = testing::GvmScan("g1", 1000);
  constexpr int kHosts = 5000;
  const auto ip = [](int i) {
    return "10.0." + std::to_string(i / 256) + "." + std::to_string(i % 256);
  };
  for (int i = 0; i < kHosts; ++i) scan.Result(ip(i), 443, "1.3.6.1.4.1.25623.1.0.1");
  for (int i = 0; i < kHosts; ++i) {
    scan.Host(ip(i));
    scan.hosts.back().fqdn = "h" + std::to_string(i) + ".example";
    scan.hosts.back().open_tcp_ports = {22, 443};
  }
  EXPECT_EQ(store_.ImportScan(scan.Reader()).hosts, kHosts);
  EXPECT_EQ(Count("SELECT count(*) FROM scan_hosts WHERE fqdn LIKE 'h%.example' AND "
                  "completion = 'completed'"),
            kHosts);
  EXPECT_EQ(Count("SELECT count(*) FROM scan_host_ports"), 2 * kHosts);
}

TEST_F(StoreImportTest, EvidenceIsStoredVerbatim) {
  FakeScan scan = NessusScan("s1", 1000);
  scan.Host("2001:db8::1").Detect("2001:db8::1");
  std::string output = "b\xC3\xA9gin <script>alert(1)</script>\n\x01\x02 \"quoted\" ";
  output += std::string(1, '\0') + "after-nul";
  scan.results.back().output = output;
  scan.results.back().plugin_name = "Détection TTM ☃";
  store_.ImportScan(scan.Reader());
  const auto detections = store_.ListDetections({});
  ASSERT_EQ(detections.size(), 1u);
  EXPECT_EQ(detections[0].output, output);
  EXPECT_EQ(detections[0].plugin_name, "Détection TTM ☃");
  EXPECT_EQ(detections[0].ip, "2001:db8::1");
  ASSERT_TRUE(detections[0].rule);
  EXPECT_EQ(detections[0].rule->kind, core::RuleKind::kNessusId);
}

TEST_F(StoreImportTest, IdenticalPluginSetsAreStoredOnce) {
  for (const char* sha : {"s1", "s2", "s3"}) {
    FakeScan scan = NessusScan(sha, 1000);
    scan.Host("192.0.2.10");
    // Same set, different order and a duplicate: still one row.
    if (std::string(sha) == "s2") {
      scan.coverage.enabled_plugin_ids = std::vector<std::string>{
          std::string(core::kOwnNessusPluginId), "11219", "10107", "11219"};
    }
    store_.ImportScan(scan.Reader());
  }
  EXPECT_EQ(Count("SELECT count(*) FROM plugin_sets"), 1);
  EXPECT_EQ(Count("SELECT count FROM plugin_sets"), 3);
  EXPECT_EQ(Count("SELECT count(DISTINCT plugin_set_id) FROM scans"), 1);
}

struct ScanTimeCase {
  const char* name;
  std::optional<std::int64_t> started_at;
  std::optional<std::int64_t> host_start;
  std::optional<std::int64_t> ended_at;
  std::int64_t expected;
};

class ScanTimeTest : public StoreImportTest, public ::testing::WithParamInterface<ScanTimeCase> {};

TEST_P(ScanTimeTest, TakesTheFirstKnownTime) {
  const ScanTimeCase& c = GetParam();
  FakeScan scan = NessusScan("s1", 0);
  scan.info.started_at = c.started_at;
  scan.info.ended_at = c.ended_at;
  scan.Host("192.0.2.10").Host("192.0.2.11");
  scan.hosts[0].started_at = c.host_start;
  if (c.host_start) scan.hosts[1].started_at = *c.host_start + 50;
  store_.ImportScan(scan.Reader());
  EXPECT_EQ(store_.ListScans().at(0).scan_time, c.expected);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, ScanTimeTest,
    ::testing::Values(ScanTimeCase{"ScanStartWins", 100, 50, 900, 100},
                      ScanTimeCase{"EarliestHostStartWithoutScanStart", std::nullopt, 50, 900, 50},
                      ScanTimeCase{"ScanEndWithoutStarts", std::nullopt, std::nullopt, 900, 900},
                      ScanTimeCase{"ImportTimeAsLastResort", std::nullopt, std::nullopt,
                                   std::nullopt, 1'700'000'000}),
    [](const ::testing::TestParamInfo<ScanTimeCase>& row) { return row.param.name; });

TEST_F(StoreImportTest, ImportSummaryClassifiesEveryExposure) {
  FakeScan s1 = NessusScan("s1", 1000);
  s1.Host("192.0.2.1").Host("192.0.2.2").Host("192.0.2.3").Host("192.0.2.4");
  s1.Detect("192.0.2.1").Detect("192.0.2.2").Detect("192.0.2.3").Detect("192.0.2.4");
  store_.ImportScan(s1.Reader());

  FakeScan s2 = NessusScan("s2", 2000);  // .1 fixed; .2 still there; .3 missing; .4 fixed
  s2.Host("192.0.2.1").Host("192.0.2.2").Host("192.0.2.4");
  s2.Detect("192.0.2.2");
  store_.ImportScan(s2.Reader());

  FakeScan s3 = NessusScan("s3", 3000);  // .1 back; .4 clean again; .5 new
  s3.Host("192.0.2.1").Host("192.0.2.2").Host("192.0.2.4").Host("192.0.2.5");
  s3.Detect("192.0.2.1").Detect("192.0.2.2").Detect("192.0.2.5");
  const LifecycleCounts c = store_.ImportScan(s3.Reader()).lifecycle;
  EXPECT_EQ(c.new_exposures, 1);  // .5
  EXPECT_EQ(c.reopened, 1);       // .1
  EXPECT_EQ(c.still_open, 1);     // .2
  EXPECT_EQ(c.not_checked, 1);    // .3, not in s3
  EXPECT_EQ(c.still_fixed, 1);    // .4
  EXPECT_EQ(c.verified_fixed, 0);

  FakeScan s4 = NessusScan("s4", 4000);
  s4.Host("192.0.2.1");
  const LifecycleCounts d = store_.ImportScan(s4.Reader()).lifecycle;
  EXPECT_EQ(d.verified_fixed, 1);
  EXPECT_EQ(d.not_checked, 4);
}

TEST_F(StoreImportTest, NameMatchLearnsThePluginIdWithItsSourceScan) {
  FakeScan scan = NessusScan("s1", 1000);
  scan.Host("192.0.2.10");
  scan.Result("192.0.2.10", 5010, "155555", "Trading Technologies Messaging Listener");
  scan.Result("192.0.2.10", 5011, "155555", "Renamed later");  // matched by the learned rule
  const ImportResult result = store_.ImportScan(scan.Reader());
  EXPECT_EQ(result.learned_rules, 1);
  EXPECT_EQ(result.detections, 2);
  const auto rules = store_.ListRules();
  ASSERT_EQ(rules.size(), 7u);
  EXPECT_EQ(rules.back().origin, core::RuleOrigin::kLearned);
  EXPECT_EQ(rules.back().value, "155555");
  EXPECT_EQ(rules.back().learned_from_scan, result.scan_id);
  EXPECT_NE(rules.back().note.find("s1.nessus"), std::string::npos);
  // Recomputation re-matched the first detection too: the ID rule takes precedence.
  for (const DetectionRow& d : store_.ListDetections({})) {
    ASSERT_TRUE(d.rule);
    EXPECT_EQ(d.rule->value, "155555");
  }
}

}  // namespace
}  // namespace ttmtrack::db

namespace ttmtrack::db {
namespace {

using testing::FakeScan;
using testing::NessusScan;

// Labelled slow: it waits out the 5 s busy timeout.
TEST(StoreBusyTest, ImportIntoALockedDatabaseIsBusy) {
  test::TempDir dir;
  const std::string path = dir.File("locked.db");
  { Store create(path); }
  sqlite::Database holder(path);
  sqlite::Transaction lock(holder);  // BEGIN IMMEDIATE: another writer holds the lock
  Store store(path);
  FakeScan scan = NessusScan("s1", 1000);
  scan.Host("192.0.2.10");
  try {
    store.ImportScan(scan.Reader());
    FAIL() << "imported into a locked database";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), Error::Kind::kBusy) << e.what();
    EXPECT_EQ(e.ExitCode(), exit_code::kTempFail);
  }
}

}  // namespace
}  // namespace ttmtrack::db
