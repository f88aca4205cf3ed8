// Table-driven lifecycle scenarios (docs/verification.md, "Cases"): each row writes a sequence of
// scan exports with ttmtrack-gen's library, imports them with the real ttmtrack binary into a fresh
// database, and checks `status --format json` and `history --format json`. Rows that any export can
// tell run once as Nessus v2 and once as GVM XML.
#include <gtest/gtest.h>

#include "tests/scenarios/scenario_table.hpp"
#include "tests/support/temp_dir.hpp"

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

  // One import command with every file, in the row's order: each file is still its own
  // import (and transaction); one process instead of one per file keeps the suite fast.
  std::map<std::string, WrittenScan> scans;
  std::vector<std::string> import = {"import"};
  for (const Step& step : c.scenario.steps) {
    scans[step.name] = WriteStep(dir.path(), step, c.format);
    import.push_back(scans[step.name].file);
  }
  const process::ProcessResult r = cli.Run(import);
  ASSERT_EQ(r.exit_code, 0) << "stdout: " << r.out << "\nstderr: " << r.err;
  std::size_t line_start = 0;
  for (std::size_t i = 1; i < import.size(); ++i) {
    const std::string prefix = import[i] + ": imported as scan " + std::to_string(i) + " (";
    EXPECT_EQ(r.out.compare(line_start, prefix.size(), prefix), 0) << prefix << "\n" << r.out;
    line_start = r.out.find('\n', line_start) + 1;
  }

  ScenarioChecker checker(cli, scans);
  {
    SCOPED_TRACE("status");
    checker.CheckStatus(c.scenario.status);
  }
  SCOPED_TRACE("history");
  checker.CheckHostHistories(c.scenario.history);
}

INSTANTIATE_TEST_SUITE_P(Table, LifecycleScenariosTest, ::testing::ValuesIn(AllCases()), CaseName);

}  // namespace
}  // namespace ttmtrack::scenarios
