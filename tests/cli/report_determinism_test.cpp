// docs/reports.md, "Determinism": the same database and --generated-at give byte-identical
// files however many threads render the host pages (issue 16). The estate spans several of the
// store's read windows (db/host_report_reader.hpp), has open, fixed and reopened exposures,
// IPv4 and IPv6 hosts and hostile text; reports written with --jobs 1 (no thread), 2 and 5 are
// compared file by file, byte for byte, in both formats.
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "tests/support/temp_dir.hpp"
#include "tests/support/ttmtrack_cli.hpp"
#include "tests/support/ttmtrack_gen.hpp"

namespace ttmtrack {
namespace {

namespace fs = std::filesystem;
using process::ProcessResult;

class ReportDeterminismTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // 70 hosts, every one exposed; a re-scan of the same hosts fixes two in three; a third scan
    // detects some again (reopened), beside hostile IPv4 and IPv6 hosts.
    Import({"nessus", "--hosts", "70", "--results-per-host", "4", "--detect-every", "1", "--seed",
            "1", "--time", "2026-01-05T10:00:00Z"});
    Import({"nessus", "--hosts", "70", "--results-per-host", "4", "--detect-every", "3", "--seed",
            "1", "--time", "2026-02-05T10:00:00Z"});
    Import({"nessus", "--hosts", "70", "--results-per-host", "4", "--detect-every", "2", "--seed",
            "1", "--time", "2026-03-05T10:00:00Z"});
    Import({"nessus", "--hostile", "--time", "2026-03-06T10:00:00Z", "--host",
            "10.9.0.5,detect=5010", "--host", "2001:db8::7,detect=10200"});
  }

  void Import(std::vector<std::string> args) {
    const std::string file = dir_.File("scan-" + std::to_string(++scans_) + ".nessus");
    ASSERT_NO_FATAL_FAILURE(test::GenerateExport(file, std::move(args)));
    const ProcessResult imported = cli_.Run({"import", file});
    ASSERT_EQ(imported.exit_code, 0) << imported.err;
  }

  // Every file of the report written with `jobs` threads, by path relative to its folder.
  std::map<std::string, std::string> Report(const std::string& format, const std::string& jobs) {
    const std::string out = dir_.File("report-" + format + "-" + jobs);
    const ProcessResult report = cli_.Run({"report", "--out", out, "--format", format, "--jobs",
                                           jobs, "--generated-at", "2026-03-10T13:53:00Z"});
    EXPECT_EQ(report.exit_code, 0) << report.err;
    std::map<std::string, std::string> files;
    for (const auto& entry : fs::recursive_directory_iterator(out)) {
      if (entry.is_regular_file()) {
        files[fs::relative(entry.path(), out).string()] = test::ReadFileBytes(entry.path());
      }
    }
    return files;
  }

  test::TempDir dir_;
  test::TtmtrackCli cli_{dir_.path()};
  int scans_ = 0;
};

TEST_F(ReportDeterminismTest, EveryFileIsTheSameWhateverTheNumberOfThreads) {
  for (const std::string format : {"html", "json"}) {
    const std::map<std::string, std::string> serial = Report(format, "1");
    // The summary and one page per exposed host: 70 + the two hostile hosts.
    ASSERT_EQ(serial.size(), 73U) << format;
    for (const std::string jobs : {"2", "5"}) {
      const std::map<std::string, std::string> parallel = Report(format, jobs);
      ASSERT_EQ(parallel.size(), serial.size()) << format << " --jobs " << jobs;
      for (const auto& [path, bytes] : serial) {
        const auto it = parallel.find(path);
        ASSERT_NE(it, parallel.end()) << path << " missing with --jobs " << jobs;
        EXPECT_TRUE(it->second == bytes) << path << " differs with --jobs " << jobs;
      }
    }
  }
}

}  // namespace
}  // namespace ttmtrack
