// Table-driven lifecycle scenarios (issue 3): each row writes a sequence of scan exports with
// ttmtrack-gen's library, imports them with the real ttmtrack binary into a fresh database,
// and checks `status --format json` and `history --format json`. Rows that any export can tell
// run once as Nessus v2 and once as GVM XML.
#include <gtest/gtest.h>

#include "tests/scenarios/scenario_table.hpp"

namespace ttmtrack::scenarios {
namespace {

struct Case {
  Scenario scenario;
  ExportFormat format = ExportFormat::kNessus;
  std::string suffix;  // "Nessus", "Gvm", or "" for rows whose steps name their formats
};

// Keeps GoogleTest from dumping the struct's bytes into every test's name.
void PrintTo(const Case& c, std::ostream* out) { *out << c.scenario.name << c.suffix; }

std::vector<Case> AllCases() {
  std::vector<Case> cases;
  std::vector<Scenario> rows = CoverageScenarios();
  for (auto more : {HistoryScenarios(), RuleAndPolicyScenarios()}) {
    rows.insert(rows.end(), more.begin(), more.end());
  }
  for (const Scenario& row : rows) {
    switch (row.formats) {
      case Formats::kBoth:
        cases.push_back({row, ExportFormat::kNessus, "Nessus"});
        cases.push_back({row, ExportFormat::kGvm, "Gvm"});
        break;
      case Formats::kNessusOnly: cases.push_back({row, ExportFormat::kNessus, "Nessus"}); break;
      case Formats::kAsWritten: cases.push_back({row, ExportFormat::kNessus, ""}); break;
    }
  }
  return cases;
}

std::string CaseName(const ::testing::TestParamInfo<Case>& info) {
  return info.param.scenario.name + info.param.suffix;
}

class LifecycleScenariosTest : public ::testing::TestWithParam<Case> {};

TEST_P(LifecycleScenariosTest, StatusAndHistoryMatchTheStory) {
  const Case& c = GetParam();
  test::TempDir dir;
  TtmtrackCli cli(dir.path());
  for (const std::vector<std::string>& command : c.scenario.commands) cli.Output(command);

  std::map<std::string, WrittenScan> scans;
  for (const Step& step : c.scenario.steps) {
    const WrittenScan scan = WriteStep(dir.path(), step, c.format);
    const test::ProcessResult r = cli.Run({"import", scan.file});
    ASSERT_EQ(r.exit_code, 0) << "import " << scan.file << "\nstdout: " << r.out
                              << "\nstderr: " << r.err;
    EXPECT_EQ(r.out.rfind(scan.file + ": imported as scan ", 0), 0u) << r.out;
    scans[step.name] = scan;
  }

  ScenarioChecker checker(cli, scans);
  {
    SCOPED_TRACE("status");
    checker.CheckStatus(c.scenario.status);
  }
  for (const ExpectHistory& history : c.scenario.history) {
    SCOPED_TRACE("history");
    checker.CheckHistory(history);
  }
  checker.CheckOneOutcomePerScan();
}

INSTANTIATE_TEST_SUITE_P(Table, LifecycleScenariosTest, ::testing::ValuesIn(AllCases()), CaseName);

}  // namespace
}  // namespace ttmtrack::scenarios
