// The coverage policy is a setting of the database: changing it must recompute the outcomes of
// scans already imported (core/coverage_policy.hpp), in both directions.
#include <gtest/gtest.h>

#include "tests/scenarios/scenario_table.hpp"
#include "tests/support/temp_dir.hpp"

namespace ttmtrack::scenarios {
namespace {

class CoveragePolicyTest : public ::testing::Test {
 protected:
  test::TempDir dir_;
  TtmtrackCli cli_{dir_.path()};
};

TEST_F(CoveragePolicyTest, SwitchingPolicyRecomputesImportedOutcomes) {
  const WrittenScan jan =
      WriteStep(dir_.path(), {"jan-detect", kJan, {Detecting(kX, {5010})}}, ExportFormat::kGvm);
  const WrittenScan feb =
      WriteStep(dir_.path(), {"feb-clean", kFeb, {Clean(kX)}}, ExportFormat::kGvm);
  ASSERT_EQ(cli_.Run({"import", jan.file, feb.file}).exit_code, 0);
  ScenarioChecker checker(cli_, {{"jan-detect", jan}, {"feb-clean", feb}});
  const ExpectExposure fixed = {kX,           5010,        "fixed",    "jan-detect",
                                "jan-detect", "feb-clean", "feb-clean"};
  const ExpectExposure open = {kX, 5010, "open", "jan-detect", "jan-detect", "jan-detect", ""};
  checker.CheckStatus({fixed});

  cli_.Output({"config", "set", "coverage.plugin-unknown", "strict"});
  checker.CheckStatus({open});
  checker.CheckHistory(
      {kX,
       5010,
       {Detected("jan-detect", "open"), NotCovered("feb-clean", "coverage-unknown", "open")}});

  cli_.Output({"config", "set", "coverage.plugin-unknown", "assume"});
  checker.CheckStatus({fixed});
  checker.CheckHistory(
      {kX, 5010, {Detected("jan-detect", "open"), Absent("feb-clean", "fixed", Assumed::kYes)}});
}

// Rules are data: adding an ID rule after the imports must re-judge whether earlier scans had
// a c564e5ab plugin enabled (docs/rules.md, "When rules change").
TEST_F(CoveragePolicyTest, AddingAPluginIdRuleRecomputesPluginEnabled) {
  const WrittenScan jan =
      WriteStep(dir_.path(), {"jan-detect", kJan, {Detecting(kX, {5010})}}, ExportFormat::kNessus);
  const WrittenScan feb = WriteStep(dir_.path(),
                                    {"feb-inhouse-only",
                                     kFeb,
                                     {Clean(kX)},
                                     [](ScanSpec& s) {
                                       s.plugin_set = scangen::PluginSet::kWithoutTtm;
                                       s.extra_plugin_ids = {"990002"};
                                     }},
                                    ExportFormat::kNessus);
  ASSERT_EQ(cli_.Run({"import", jan.file, feb.file}).exit_code, 0);
  ScenarioChecker checker(cli_, {{"jan-detect", jan}, {"feb-inhouse-only", feb}});
  checker.CheckStatus({{kX, 5010, "open", "jan-detect", "jan-detect", "jan-detect", ""}});
  checker.CheckHistory({kX,
                        5010,
                        {Detected("jan-detect", "open"),
                         NotCovered("feb-inhouse-only", "plugin-not-enabled", "open")}});

  cli_.Output({"rules", "add", "--nessus-id", "990002"});
  checker.CheckStatus(
      {{kX, 5010, "fixed", "jan-detect", "jan-detect", "feb-inhouse-only", "feb-inhouse-only"}});
  checker.CheckHistory(
      {kX, 5010, {Detected("jan-detect", "open"), Absent("feb-inhouse-only", "fixed")}});
}

TEST_F(CoveragePolicyTest, AnUnknownSettingOrValueIsAUsageError) {
  EXPECT_EQ(cli_.Run({"config", "set", "coverage.no-such-key", "strict"}).exit_code, 64);
  EXPECT_EQ(cli_.Run({"config", "set", "coverage.plugin-unknown", "sometimes"}).exit_code, 64);
}

}  // namespace
}  // namespace ttmtrack::scenarios
