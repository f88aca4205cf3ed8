// Peak memory of the real `ttmtrack import` (docs/importer.md, "Memory"): a generated export of
// 100,000 results, plain and gzip, imported with the default page cache, measured by the
// kernel (wait4's ru_maxrss through tools/process). Two claims:
//  - flat: ten times the results raise the peak by less than kMaxGrowth (buffering results
//    would add their ~80 MB of XML);
//  - bounded: the peak stays under kCeiling. Measured on 2026-12-06 (GCC 12, RelWithDebInfo):
//    18 MiB for 100,000 results, plain or gzip, of which the page cache is at most 8 MiB; the
//    ceiling leaves twice that for changes to the importer.
// Under AddressSanitizer the allocator's own bookkeeping dwarfs these figures (115 MiB for any
// export size with the quarantine off), so there only the flatness is checked. Speed is not
// measured here: `ttmtrack-bench end-to-end` does that (docs/benchmark.md). Labelled slow.
#include <filesystem>
#include <string>

#include <gtest/gtest.h>

#include "tests/cli/two_scans.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/support/ttmtrack_cli.hpp"

namespace ttmtrack {
namespace {

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif

constexpr long kCeilingKib = 40L * 1024;
constexpr long kMaxGrowthKib = 8L * 1024;

class ImportPeakMemoryTest : public ::testing::TestWithParam<bool> {
 protected:
  // ttmtrack-gen's big mode: `hosts` hosts of 20 results each, every 50th with a detection.
  std::string Export(int hosts) {
    std::string name = "scan-" + std::to_string(hosts) + (GetParam() ? ".nessus.gz" : ".nessus");
    std::vector<std::string> args = {
        "nessus",         "--hosts", std::to_string(hosts), "--results-per-host", "20",
        "--detect-every", "50"};
    if (GetParam()) args.emplace_back("--gzip");
    test::GenerateExport(dir_.path() / name, args);
    return name;
  }

  // Peak resident memory of importing `file` into a new database, KiB.
  long PeakKib(const std::string& file) {
    const test::TtmtrackCli cli(dir_.path(), file + ".db");
    // The quarantine keeps freed memory for AddressSanitizer's checks; with it the peak would
    // measure the quarantine's size. Other builds ignore the variable.
    const process::ProcessResult r =
        cli.Run({"import", file}, {"ASAN_OPTIONS=quarantine_size_mb=0"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r.max_rss_kb;
  }

  test::TempDir dir_;
};

TEST_P(ImportPeakMemoryTest, PeakMemoryOfAHundredThousandResultsIsFlatAndUnderTheCeiling) {
  const std::string small = Export(500);  // 10,000 results
  const std::string big = Export(5000);   // 100,000 results
  ASSERT_FALSE(HasFailure());
  const long small_kib = PeakKib(small);
  const long big_kib = PeakKib(big);
  RecordProperty("peak_kib_10000_results", static_cast<int>(small_kib));
  RecordProperty("peak_kib_100000_results", static_cast<int>(big_kib));
  EXPECT_LT(big_kib - small_kib, kMaxGrowthKib) << "the peak grew from " << small_kib << " KiB to "
                                                << big_kib << " KiB with ten times the results";
  if (!kSanitized) {
    EXPECT_LT(big_kib, kCeilingKib) << "peak " << big_kib << " KiB for 100,000 results";
  }
}

INSTANTIATE_TEST_SUITE_P(PlainAndGzip, ImportPeakMemoryTest, ::testing::Bool(),
                         [](const ::testing::TestParamInfo<bool>& param) {
                           return param.param ? "Gzip" : "Plain";
                         });

}  // namespace
}  // namespace ttmtrack
