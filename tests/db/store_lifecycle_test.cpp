// Lifecycle scenarios through the real store: each row is a named sequence of synthetic scans
// with the expected states, verifications and timelines. Every row is also imported in
// reversed and shuffled orders, which must give identical exposures and histories (I7).
#include <algorithm>
#include <random>

#include <gtest/gtest.h>

#include "core/enum_text.hpp"
#include "db/store.hpp"
#include "tests/core/case_name.hpp"
#include "tests/db/fake_scan.hpp"
#include "tests/support/database_dump.hpp"
#include "tests/support/temp_dir.hpp"

namespace ttmtrack::db {
namespace {

using core::ExposureState;
using testing::FakeScan;
using testing::GvmScan;
using testing::NessusScan;

constexpr const char* kIp = "192.0.2.10";

struct Expected {
  const char* ip;
  std::uint16_t port;
  ExposureState state;
  const char* verified_by;  // sha of the verifying scan, "" for none
  // One entry per scan in time order: "sha:kind" or "sha:not-covered:reason".
  std::vector<std::string> timeline;
};

struct Scenario {
  const char* name;
  std::vector<FakeScan> scans;
  std::vector<Expected> expected;
  const char* policy = "assume";  // coverage.*-unknown for all three keys
};

FakeScan CleanNessus(const std::string& sha, std::int64_t time) {
  FakeScan s = NessusScan(sha, time);
  s.Host(kIp);
  return s;
}

FakeScan DetectingNessus(const std::string& sha, std::int64_t time) {
  FakeScan s = CleanNessus(sha, time);
  s.Detect(kIp);
  return s;
}

FakeScan CleanGvm(const std::string& sha, std::int64_t time) {
  FakeScan s = GvmScan(sha, time);
  s.Host(kIp).Result(kIp, 22, "1.3.6.1.4.1.25623.1.0.10330");
  return s;
}

FakeScan DetectingGvm(const std::string& sha, std::int64_t time) {
  FakeScan s = CleanGvm(sha, time);
  s.Detect(kIp);
  return s;
}

// The plugin selection of a .nessus Policy without plugin_set: "Service detection" enabled as a
// whole, port scanners picked one by one.
core::ScanCoverage WholeFamilyEnabled(core::ScanCoverage coverage) {
  coverage.enabled_plugin_ids.reset();
  coverage.enabled_families = {std::string(core::kOwnPluginFamily), "Settings"};
  coverage.mixed_families = {"Port scanners"};
  coverage.individual_plugins = std::vector<core::PluginSelectionItem>{
      {"11219", "Port scanners", true}, {"14274", "Port scanners", true}};
  return coverage;
}

// A scan whose only c564e5ab evidence is the SYN scanner's result on a port the scanner labelled
// ttm_cmd (the service rule matches it; no ttm_cmd plugin result).
FakeScan ServiceOnlyDetection(const std::string& sha, std::int64_t time) {
  FakeScan s = CleanNessus(sha, time);
  s.Result(kIp, 5010, "11219", "Nessus SYN scanner");
  s.results.back().service_name = "ttm_cmd";
  s.results.back().plugin_family = "Port scanners";
  return s;
}

// A GVM report as GSA exports it: "apply_overrides=0 min_qod=QOD levels=hml rows=100 first=1",
// every matched result in the file.
FakeScan Filtered(FakeScan scan, int min_qod) {
  core::ResultFilter f;
  f.term = "apply_overrides=0 min_qod=" + std::to_string(min_qod) + " levels=hml rows=100 first=1";
  f.min_qod = min_qod;
  f.levels = "hml";
  f.apply_overrides = false;
  f.first = 1;
  f.rows = 100;
  f.results_in_export = static_cast<std::int64_t>(scan.results.size());
  f.filtered_count = f.results_in_export;
  f.full_count = f.results_in_export + 3;
  scan.coverage.result_filter = f;
  return scan;
}

template <typename F>
FakeScan Change(FakeScan scan, F change) {
  change(scan);
  return scan;
}

// A table, one named row per scenario: its length is the number of scenarios, not complexity.
std::vector<Scenario> Scenarios() {  // NOLINT(readability-function-size)
  return {
      {"DetectionThenCleanCoveredRescanIsFixed",
       {DetectingNessus("s1", 1000), CleanNessus("s2", 2000)},
       {{kIp, 5010, ExposureState::kFixed, "s2", {"s1:detected", "s2:absent"}}}},
      {"RescanWithoutTheHostKeepsItOpen",
       {DetectingNessus("s1", 1000),
        Change(NessusScan("s2", 2000), [](FakeScan& s) { s.Host("192.0.2.99"); })},
       {{kIp, 5010, ExposureState::kOpen, "", {"s1:detected", "s2:not-covered:host-not-in-scan"}}}},
      {"InterruptedHostScanKeepsItOpen",
       {DetectingNessus("s1", 1000),
        Change(NessusScan("s2", 2000),
               [](FakeScan& s) { s.Host(kIp, core::HostCompletion::kIncomplete); })},
       {{kIp,
         5010,
         ExposureState::kOpen,
         "",
         {"s1:detected", "s2:not-covered:host-scan-incomplete"}}}},
      {"RescanWithThePluginDisabledKeepsItOpen",
       {DetectingNessus("s1", 1000),
        Change(CleanNessus("s2", 2000),
               [](FakeScan& s) {
                 s.coverage.enabled_plugin_ids = std::vector<std::string>{"10107", "11219"};
               })},
       {{kIp,
         5010,
         ExposureState::kOpen,
         "",
         {"s1:detected", "s2:not-covered:plugin-not-enabled"}}}},
      {"RescanOfOtherPortsKeepsItOpen",
       {DetectingNessus("s1", 1000),
        Change(CleanNessus("s2", 2000), [](FakeScan& s) { s.coverage.port_range = "1-1024"; })},
       {{kIp,
         5010,
         ExposureState::kOpen,
         "",
         {"s1:detected", "s2:not-covered:port-outside-range"}}}},
      {"FixedThenReopenedThenFixedAgain",
       {DetectingNessus("s1", 1000), CleanNessus("s2", 2000), DetectingNessus("s3", 3000),
        CleanNessus("s4", 4000)},
       {{kIp,
         5010,
         ExposureState::kFixed,
         "s4",
         {"s1:detected", "s2:absent", "s3:detected", "s4:absent"}}}},
      {"FixedThenDetectedAgainIsReopened",
       {DetectingNessus("s1", 1000), CleanNessus("s2", 2000), DetectingNessus("s3", 3000)},
       {{kIp, 5010, ExposureState::kReopened, "", {"s1:detected", "s2:absent", "s3:detected"}}}},
      {"TwoPortsOnOneHostAreTrackedApart",
       {Change(DetectingNessus("s1", 1000), [](FakeScan& s) { s.Detect(kIp, 5020); }),
        Change(CleanNessus("s2", 2000), [](FakeScan& s) { s.Detect(kIp, 5020); })},
       {{kIp, 5010, ExposureState::kFixed, "s2", {"s1:detected", "s2:absent"}},
        {kIp, 5020, ExposureState::kOpen, "", {"s1:detected", "s2:detected"}}}},
      {"NessusAndOpenVasInterleaved",
       {DetectingNessus("n1", 1000), CleanGvm("g1", 2000), DetectingGvm("g2", 3000),
        CleanNessus("n2", 4000)},
       {{kIp,
         5010,
         ExposureState::kFixed,
         "n2",
         {"n1:detected", "g1:absent", "g2:detected", "n2:absent"}}}},
      {"StrictPolicyDoesNotLetOpenVasVerify",
       {DetectingNessus("n1", 1000), CleanGvm("g1", 2000)},
       {{kIp, 5010, ExposureState::kOpen, "", {"n1:detected", "g1:not-covered:coverage-unknown"}}},
       "strict"},
      {"DefaultPortListVerifiesWhenThePortWasProbed",
       {DetectingNessus("s1", 1000), Change(CleanNessus("s2", 2000),
                                            [](FakeScan& s) {
                                              s.coverage.port_range = "default";
                                              s.Result(kIp, 5010, "11219", "Nessus SYN scanner");
                                            })},
       {{kIp, 5010, ExposureState::kFixed, "s2", {"s1:detected", "s2:absent"}}},
       "strict"},
      {"LearnedPluginIdCoversScansOfEitherOrder",
       {Change(CleanNessus("s1", 1000),
               [](FakeScan& s) {
                 s.Result(kIp, 5010, "155555", "Trading Technologies Messaging Listener");
                 s.coverage.enabled_plugin_ids = std::vector<std::string>{"155555"};
               }),
        Change(CleanNessus("s2", 2000),
               [](FakeScan& s) {
                 s.coverage.enabled_plugin_ids = std::vector<std::string>{"155555"};
               })},
       {{kIp, 5010, ExposureState::kFixed, "s2", {"s1:detected", "s2:absent"}}}},
      // A .nessus without plugin_set (nessus_forgedReport_ReportItem.nessus in the corpus): the
      // individual selection lists port scanners of a mixed family, the ttm_cmd plugin's family
      // is enabled as a whole.
      {"FamilySelectionWithoutPluginSetVerifies",
       {DetectingNessus("s1", 1000),
        Change(CleanNessus("s2", 2000),
               [](FakeScan& s) { s.coverage = WholeFamilyEnabled(s.coverage); })},
       {{kIp, 5010, ExposureState::kFixed, "s2", {"s1:detected", "s2:absent"}}}},
      {"MixedFamilyWithoutTheTtmPluginKeepsItOpen",
       {DetectingNessus("s1", 1000), Change(CleanNessus("s2", 2000),
                                            [](FakeScan& s) {
                                              s.coverage = WholeFamilyEnabled(s.coverage);
                                              s.coverage.enabled_families.clear();
                                              s.coverage.mixed_families.emplace_back(
                                                  core::kOwnPluginFamily);
                                            })},
       {{kIp,
         5010,
         ExposureState::kOpen,
         "",
         {"s1:detected", "s2:not-covered:plugin-not-enabled"}}}},
      // docs/rules.md, "Learned rules": a detection only through the ttm_cmd service name of the
      // SYN scanner's result teaches 11219 for coverage only. A later scan that enabled 11219
      // but not 9564501 verifies where the scanner reported nothing on the port...
      {"PortScannerLearnedFromTheServiceVerifiesWhereItSawThePortClosed",
       {ServiceOnlyDetection("s1", 1000),
        Change(CleanNessus("s2", 2000),
               [](FakeScan& s) {
                 s.coverage.enabled_plugin_ids = std::vector<std::string>{"10107", "11219"};
                 s.Result(kIp, 22, "11219", "Nessus SYN scanner").results.back().service_name =
                     "ssh";
               })},
       {{kIp, 5010, ExposureState::kFixed, "s2", {"s1:detected", "s2:absent"}}}},
      // ... and cannot where it saw the port open but nothing identified the service.
      {"PortScannerThatSawThePortOpenCannotVerify",
       {ServiceOnlyDetection("s1", 1000),
        Change(CleanNessus("s2", 2000),
               [](FakeScan& s) {
                 s.coverage.enabled_plugin_ids = std::vector<std::string>{"10107", "11219"};
                 s.Result(kIp, 5010, "11219", "Nessus SYN scanner").results.back().service_name =
                     "unknown";
               })},
       {{kIp,
         5010,
         ExposureState::kOpen,
         "",
         {"s1:detected", "s2:not-covered:plugin-not-enabled"}}}},
      // I13: a GVM report exported with Greenbone's default filter cannot show the ttm_cmd
      // plugin's QoD-50 detection, so its clean result proves nothing...
      {"GvmRescanExportedWithMinQod70LeavesItOpen",
       {DetectingNessus("n1", 1000), Filtered(CleanGvm("g1", 2000), 70)},
       {{kIp, 5010, ExposureState::kOpen, "", {"n1:detected", "g1:not-covered:export-filtered"}}}},
      // ... exported with min_qod=0, or stating no filter at all, it can.
      {"GvmRescanExportedWithMinQod0IsFixed",
       {DetectingNessus("n1", 1000), Filtered(CleanGvm("g1", 2000), 0)},
       {{kIp, 5010, ExposureState::kFixed, "g1", {"n1:detected", "g1:absent"}}}},
      {"GvmRescanStatingNoFilterIsFixed",
       {DetectingNessus("n1", 1000), CleanGvm("g1", 2000)},
       {{kIp, 5010, ExposureState::kFixed, "g1", {"n1:detected", "g1:absent"}}}},
      {"OnePageOfAGvmReportCannotVerify",
       {DetectingNessus("n1", 1000), Change(Filtered(CleanGvm("g1", 2000), 0),
                                            [](FakeScan& s) {
                                              s.coverage.result_filter->rows = 1;
                                              s.coverage.result_filter->filtered_count = 40;
                                            })},
       {{kIp, 5010, ExposureState::kOpen, "", {"n1:detected", "g1:not-covered:export-filtered"}}}},
      // Tier-aware (issue 13): min_qod=40 lets the confirmed plugin's QoD 50 through but hides
      // an unconfirmed listener (QoD 30), which is a detection too: the silence proves nothing.
      {"GvmRescanExportedWithMinQod40LeavesItOpen",
       {DetectingNessus("n1", 1000), Filtered(CleanGvm("g1", 2000), 40)},
       {{kIp, 5010, ExposureState::kOpen, "", {"n1:detected", "g1:not-covered:export-filtered"}}}},
      {"GvmRescanExportedWithMinQod30IsFixed",
       {DetectingNessus("n1", 1000), Filtered(CleanGvm("g1", 2000), 30)},
       {{kIp, 5010, ExposureState::kFixed, "g1", {"n1:detected", "g1:absent"}}}},
      // A confirmed c564e5ab result on another host settles only the confirmed tier's QoD: the
      // min_qod=70 filter still hides an unconfirmed listener.
      {"GvmExportShowingAConfirmedDetectionElsewhereStillCannotVerify",
       {DetectingNessus("n1", 1000), Change(Filtered(CleanGvm("g1", 2000), 70),
                                            [](FakeScan& s) {
                                              s.Host("192.0.2.20").Detect("192.0.2.20");
                                              s.results.back().qod = 95;
                                              s.coverage.result_filter->results_in_export += 1;
                                            })},
       {{kIp, 5010, ExposureState::kOpen, "", {"n1:detected", "g1:not-covered:export-filtered"}},
        {"192.0.2.20",
         5010,
         ExposureState::kOpen,
         "",
         {"n1:not-covered:host-not-in-scan", "g1:detected"}}}},
      // Results of both tiers elsewhere show the filter lets both through (plugins a site
      // re-numbered at higher QoDs).
      {"GvmExportShowingBothTiersElsewhereCanVerify",
       {DetectingNessus("n1", 1000), Change(Filtered(CleanGvm("g1", 2000), 70),
                                            [](FakeScan& s) {
                                              s.Host("192.0.2.20").Detect("192.0.2.20");
                                              s.results.back().qod = 95;
                                              s.DetectUnconfirmed("192.0.2.20", 10200);
                                              s.results.back().qod = 80;
                                              s.coverage.result_filter->results_in_export += 2;
                                            })},
       {{kIp, 5010, ExposureState::kFixed, "g1", {"n1:detected", "g1:absent"}},
        {"192.0.2.20",
         5010,
         ExposureState::kOpen,
         "",
         {"n1:not-covered:host-not-in-scan", "g1:detected"}},
        {"192.0.2.20",
         10200,
         ExposureState::kOpen,
         "",
         {"n1:not-covered:host-not-in-scan", "g1:detected"}}}},
      {"CleanScanBeforeTheFirstDetectionChangesNothing",
       {CleanNessus("s0", 500), DetectingNessus("s1", 1000)},
       {{kIp, 5010, ExposureState::kOpen, "", {"s0:absent", "s1:detected"}}}},
      {"ScansAtTheSameSecondAreOrderedBySha",
       {DetectingNessus("aa", 1000), CleanNessus("bb", 1000)},
       {{kIp, 5010, ExposureState::kFixed, "bb", {"aa:detected", "bb:absent"}}}},
  };
}

std::string TimelineEntry(const core::Outcome& o) {
  std::string entry = o.scan.sha256 + ":" + std::string(core::ToText(o.kind));
  if (o.kind == core::OutcomeKind::kNotCovered) entry += ":" + std::string(core::ToText(o.reason));
  return entry;
}

// Everything a user can see about the exposures, without row ids (which follow import order).
std::string Canonical(Store& store) {
  std::string out;
  auto time = [](const std::optional<std::int64_t>& t) {
    return t ? std::to_string(*t) : std::string("-");
  };
  for (const core::Exposure& e : store.ListExposures()) {
    out += e.ip + " " + std::to_string(e.port) + "/" + e.protocol + " " +
           std::string(core::ToText(e.state)) + " " + e.hostname + " " + time(e.first_seen) + " " +
           time(e.last_seen) + " " + time(e.last_checked) + " " +
           (e.verified_by ? e.verified_by->sha256 : "-") + "\n";
    for (const auto& report : store.History(e.ip, e.port)) {
      for (const auto& o : report.timeline) {
        out += "  " + TimelineEntry(o) + " [" + o.assumption + "] [" + o.basis + "]\n";
      }
      for (const auto& ev : report.evidence) {
        out += "  evidence " + ev.scan.sha256 + " " + ev.plugin_id + " " + ev.output + "\n";
      }
    }
  }
  return out;
}

class StoreLifecycleTest : public ::testing::TestWithParam<Scenario> {
 protected:
  std::string ImportInOrder(const std::vector<std::size_t>& order) {
    const Scenario& s = GetParam();
    test::TempDir dir;
    const std::string path = dir.File("order.db");
    Store store(path);
    for (const char* key :
         {"coverage.plugin-unknown", "coverage.port-unknown", "coverage.host-unknown"}) {
      store.SetSetting(key, s.policy);
    }
    for (std::size_t i : order) store.ImportScan(s.scans[i].Reader());
    if (order.size() == s.scans.size() && std::is_sorted(order.begin(), order.end())) {
      CheckExpectations(store);
    }
    // Imports recompute incrementally; a full recomputation must find nothing to change.
    const std::string incremental = test::DumpDatabase(path);
    store.RecomputeLifecycle();
    EXPECT_EQ(test::DumpDatabase(path), incremental) << "incremental != full recomputation";
    return Canonical(store);
  }

  void CheckExpectations(Store& store) {
    const auto exposures = store.ListExposures();
    ASSERT_EQ(exposures.size(), GetParam().expected.size());
    for (std::size_t i = 0; i < exposures.size(); ++i) {
      const Expected& want = GetParam().expected[i];
      const core::Exposure& got = exposures[i];
      EXPECT_EQ(got.ip, want.ip);
      EXPECT_EQ(got.port, want.port);
      EXPECT_EQ(core::ToText(got.state), core::ToText(want.state)) << got.port;
      EXPECT_EQ(got.verified_by ? got.verified_by->sha256 : "", want.verified_by) << got.port;
      std::vector<std::string> timeline;
      const auto history = store.History(got.ip, got.port);
      for (const auto& o : history.at(0).timeline) {
        timeline.push_back(TimelineEntry(o));
      }
      EXPECT_EQ(timeline, want.timeline) << got.port;
    }
  }
};

TEST_P(StoreLifecycleTest, GivesTheSameHistoryInEveryImportOrder) {
  const std::size_t n = GetParam().scans.size();
  std::vector<std::size_t> order(n);
  for (std::size_t i = 0; i < n; ++i) order[i] = i;
  const std::string forward = ImportInOrder(order);
  std::reverse(order.begin(), order.end());
  EXPECT_EQ(ImportInOrder(order), forward) << "reversed";
  std::mt19937 random(20240601);
  for (int round = 0; round < 2; ++round) {
    std::shuffle(order.begin(), order.end(), random);
    EXPECT_EQ(ImportInOrder(order), forward) << "shuffle " << round;
  }
}

INSTANTIATE_TEST_SUITE_P(Scenarios, StoreLifecycleTest, ::testing::ValuesIn(Scenarios()),
                         testing::CaseName<Scenario>);

TEST(StoreLifecycleAssumptionTest, OpenVasVerificationRecordsItsAssumptions) {
  test::TempDir dir;
  Store store(dir.File("a.db"));
  store.ImportScan(DetectingNessus("n1", 1000).Reader());
  store.ImportScan(CleanGvm("g1", 2000).Reader());
  const auto history = store.History(kIp);
  ASSERT_EQ(history.size(), 1u);
  ASSERT_EQ(history[0].timeline.size(), 2u);
  const core::Outcome& g1 = history[0].timeline[1];
  EXPECT_EQ(g1.kind, core::OutcomeKind::kAbsent);
  EXPECT_NE(g1.assumption.find("plugin assumed enabled: GVM reports carry no scan configuration"),
            std::string::npos)
      << g1.assumption;
  EXPECT_NE(g1.assumption.find("port assumed scanned"), std::string::npos) << g1.assumption;
  EXPECT_NE(g1.basis.find("the host's scan completed"), std::string::npos) << g1.basis;
}

TEST(StoreLifecycleAssumptionTest, ChangingThePolicyRecomputesAtOnce) {
  test::TempDir dir;
  Store store(dir.File("p.db"));
  store.ImportScan(DetectingNessus("n1", 1000).Reader());
  store.ImportScan(CleanGvm("g1", 2000).Reader());
  EXPECT_EQ(store.ListExposures().at(0).state, ExposureState::kFixed);
  store.SetSetting("coverage.plugin-unknown", "strict");
  EXPECT_EQ(store.ListExposures().at(0).state, ExposureState::kOpen);
  EXPECT_EQ(store.History(kIp).at(0).timeline.at(1).reason,
            core::NotCoveredReason::kCoverageUnknown);
  store.SetSetting("coverage.plugin-unknown", "assume");
  EXPECT_EQ(store.ListExposures().at(0).state, ExposureState::kFixed);
}

TEST(StoreLifecycleAssumptionTest, ExportFilterNamesTheFilterInTheOutcome) {
  test::TempDir dir;
  Store store(dir.File("f.db"));
  store.ImportScan(DetectingNessus("n1", 1000).Reader());
  store.ImportScan(Filtered(CleanGvm("g1", 2000), 70).Reader());
  const core::Outcome g1 =
      store.History(kIp).at(0).timeline.at(1);  // a copy: History is a temporary
  EXPECT_EQ(g1.reason, core::NotCoveredReason::kExportFiltered);
  EXPECT_NE(g1.basis.find("the export's filter min_qod=70 hides results below QoD 70; the "
                          "ttm_cmd plugin reports at QoD 50"),
            std::string::npos)
      << g1.basis;
  const ScanRow row = store.ListScans().back();
  ASSERT_TRUE(row.result_filter.has_value());
  EXPECT_EQ(row.result_filter->term, "apply_overrides=0 min_qod=70 levels=hml rows=100 first=1");
  EXPECT_EQ(row.result_filter->min_qod, 70);
  EXPECT_EQ(row.result_filter->levels, "hml");
  EXPECT_EQ(row.result_filter->apply_overrides, false);
  EXPECT_EQ(row.result_filter->rows, 100);
  EXPECT_EQ(row.result_filter->first, 1);
  EXPECT_EQ(row.result_filter->filtered_count, 1);
  EXPECT_EQ(row.result_filter->full_count, 4);
  EXPECT_EQ(row.result_filter->results_in_export, 1);
  EXPECT_EQ(row.export_filter.value, core::Knowledge::kNo);
  // Nessus states no filter.
  const ScanRow nessus = store.ListScans().front();
  EXPECT_FALSE(nessus.result_filter.has_value());
  EXPECT_EQ(nessus.export_filter.value, core::Knowledge::kUnknown);
  EXPECT_EQ(nessus.export_filter.basis, "");
}

TEST(StoreLifecycleAssumptionTest, TheQodOfTheExportsOwnDetectionsIsItsBasis) {
  test::TempDir dir;
  Store store(dir.File("q.db"));
  FakeScan g1 = Filtered(CleanGvm("g1", 2000), 70);
  g1.Host("192.0.2.20").Detect("192.0.2.20");
  g1.results.back().qod = 95;
  g1.DetectUnconfirmed("192.0.2.20", 10200);
  g1.results.back().qod = 80;
  store.ImportScan(g1.Reader());
  const ScanRow row = store.ListScans().at(0);
  EXPECT_EQ(row.export_filter.value, core::Knowledge::kYes);
  EXPECT_NE(row.export_filter.basis.find("the export shows c564e5ab results of tier confirmed "
                                         "(QoD 95) and unconfirmed (QoD 80), so its filter lets "
                                         "them through"),
            std::string::npos)
      << row.export_filter.basis;
}

TEST(StoreLifecycleAssumptionTest, AConfirmedDetectionDoesNotShowTheUnconfirmedTierPasses) {
  test::TempDir dir;
  Store store(dir.File("q.db"));
  FakeScan g1 = Filtered(CleanGvm("g1", 2000), 40);
  g1.Host("192.0.2.20").Detect("192.0.2.20");
  g1.results.back().qod = 50;
  store.ImportScan(g1.Reader());
  const ScanRow row = store.ListScans().at(0);
  EXPECT_EQ(row.export_filter.value, core::Knowledge::kNo);
  EXPECT_EQ(row.export_filter.basis,
            "the export's filter min_qod=40 hides results below QoD 40; the unconfirmed-listener "
            "plugin reports at QoD 30");
}

TEST(StoreLifecycleAssumptionTest, RecomputingAgainWritesNothing) {
  test::TempDir dir;
  const std::string path = dir.File("r.db");
  Store store(path);
  store.ImportScan(DetectingNessus("n1", 1000).Reader());
  store.ImportScan(CleanNessus("n2", 2000).Reader());
  const std::string before = test::DumpDatabase(path);
  store.RecomputeLifecycle();
  EXPECT_EQ(test::DumpDatabase(path), before);
}

// The recomputation reads exposures in batches of 4096 by (ip, port, protocol); 3000 hosts with
// three ports each put batch boundaries between two ports of one host.
TEST(StoreLifecycleScaleTest, ExposuresBeyondOneReadBatchAreAllDecided) {
  test::TempDir dir;
  const std::string path = dir.File("many.db");
  Store store(path);
  constexpr int kHosts = 3000;
  constexpr std::uint16_t kPorts[] = {5010, 10200, 15000};
  FakeScan first = NessusScan("many-1", 1000);
  FakeScan second = NessusScan("many-2", 2000);
  for (int i = 0; i < kHosts; ++i) {
    const std::string ip = "10.9." + std::to_string(i / 256) + "." + std::to_string(i % 256);
    first.Host(ip);
    second.Host(ip);
    for (const std::uint16_t port : kPorts) {
      first.Detect(ip, port);
      if (port == 10200) second.Detect(ip, port);  // the one listener left open everywhere
    }
  }
  store.ImportScan(first.Reader());
  store.ImportScan(second.Reader());

  const std::vector<core::Exposure> exposures = store.ListExposures();
  ASSERT_EQ(exposures.size(), 3u * kHosts);
  for (const core::Exposure& e : exposures) {
    EXPECT_EQ(e.state, e.port == 10200 ? ExposureState::kOpen : ExposureState::kFixed)
        << e.ip << ":" << e.port;
  }
  const std::string before = test::DumpDatabase(path);
  store.RecomputeLifecycle();
  EXPECT_EQ(test::DumpDatabase(path), before);
}

}  // namespace
}  // namespace ttmtrack::db
