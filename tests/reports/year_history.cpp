#include "tests/reports/year_history.hpp"

#include <cstdio>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "core/civil_time.hpp"
#include "tests/support/ttmtrack_cli.hpp"
#include "tools/process/child_process.hpp"

namespace ttmtrack::reports::testing {
namespace {

constexpr std::int64_t kFirstNight = 1735696800;  // 2025-01-01T02:00:00Z

std::string NightTime(int night) {
  return core::FormatIso8601Utc(kFirstNight + std::int64_t{night} * 86400).value_or("");
}

}  // namespace

YearHistory MakeYearHistory(const std::filesystem::path& work) {
  std::filesystem::create_directories(work / "scans");
  std::vector<std::string> import{"import"};
  for (int night = 0; night < kYearNights; ++night) {
    std::string host = kYearHost;
    if (night < 100 || night >= 200) host += ":detect=5010";
    if (night == 150) host += ":incomplete";
    char name[32];
    std::snprintf(name, sizeof name, "night-%03d.nessus", night);
    const std::string file = (work / "scans" / name).string();
    const process::ProcessResult gen =
        process::RunProcess({TTMTRACK_GEN_PATH, "nessus", "--scan-name", "nightly-trading",
                             "--time", NightTime(night), "--host", host, "--out", file});
    EXPECT_EQ(gen.exit_code, 0) << gen.err;
    import.push_back(file);
  }
  const test::TtmtrackCli cli(work);
  const process::ProcessResult imported = cli.Run(import);
  EXPECT_EQ(imported.exit_code, 0) << imported.err;
  YearHistory history{work / "report", work / "report-json"};
  for (const auto& [dir, format] : {std::pair{history.html, "html"}, {history.json, "json"}}) {
    const process::ProcessResult report =
        cli.Run({"report", "--out", dir.string(), "--format", format, "--generated-at",
                 "2027-01-01T00:00:00Z"});
    EXPECT_EQ(report.exit_code, 0) << report.err;
  }
  return history;
}

}  // namespace ttmtrack::reports::testing
