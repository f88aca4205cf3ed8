#include <filesystem>
#include <string>

#include <gtest/gtest.h>

#include "tests/support/temp_dir.hpp"
#include "tests/tools/support/xml_probe.hpp"
#include "tools/process/child_process.hpp"
#include "tools/scangen/big_host_source.hpp"
#include "tools/scangen/report_items.hpp"
#include "tools/scangen/scan_file.hpp"

namespace ttmtrack::scangen {
namespace {

std::string FormatName(const ::testing::TestParamInfo<ExportFormat>& param) {
  return param.param == ExportFormat::kNessus ? "Nessus" : "Gvm";
}

class BigScanTest : public ::testing::TestWithParam<ExportFormat> {
 protected:
  BigScanTest() { scan_.format = GetParam(); }

  std::vector<std::string> GenArgs(std::size_t hosts, const std::string& out) const {
    return {TTMTRACK_GEN_PATH,
            GetParam() == ExportFormat::kNessus ? "nessus" : "gvm",
            "--hosts",
            std::to_string(hosts),
            "--results-per-host",
            "1",
            "--detect-every",
            "10",
            "--out",
            out};
  }

  test::TempDir dir_;
  ScanSpec scan_;
};

TEST_P(BigScanTest, EveryHostHasExactlyTheRequestedResultCount) {
  for (const std::size_t per_host : {1u, 2u, 7u, 20u, 40u}) {
    BigScanOptions options;
    options.hosts = 60;
    options.results_per_host = per_host;
    options.detect_every = 7;
    BigHostSource source(scan_, options);
    HostSpec host;
    std::size_t index = 0;
    while (source.Next(host)) {
      EXPECT_EQ(CountReportItems(scan_, host), per_host) << "host " << index;
      EXPECT_EQ(host.detections.size(), index % 7 == 0 ? 1u : 0u);
      ++index;
    }
    EXPECT_EQ(index, 60u);
  }
}

TEST_P(BigScanTest, FileCountsMatchTheOptions) {
  BigScanOptions options;
  options.hosts = 500;
  options.results_per_host = 20;
  options.detect_every = 50;
  BigHostSource source(scan_, options);
  const std::string path = dir_.File("big.xml");
  const WriteStats stats = WriteScanFile(scan_, source, path);
  EXPECT_EQ(stats.hosts, 500u);
  EXPECT_EQ(stats.results, 500u * 20u);
  EXPECT_EQ(stats.detections, 10u);
  const test::ElementCounts counts = test::CountElementsInFile(path);
  ASSERT_TRUE(counts.ok) << counts.error;
  if (GetParam() == ExportFormat::kNessus) {
    EXPECT_EQ(counts.by_name.at("ReportHost"), 500u);
    EXPECT_EQ(counts.by_name.at("ReportItem"), 10000u);
  } else {
    EXPECT_EQ(counts.by_name.at("result"), 10000u);
    EXPECT_EQ(counts.by_name.at("ip"), 500u);
  }
}

TEST_P(BigScanTest, SameSeedSameHostsAndTheSequenceRewinds) {
  BigScanOptions options;
  options.hosts = 3;
  BigHostSource a(scan_, options);
  BigHostSource b(scan_, options);
  HostSpec ha;
  HostSpec hb;
  ASSERT_TRUE(a.Next(ha));
  ASSERT_TRUE(a.Next(ha));
  a.Rewind();
  ASSERT_TRUE(a.Next(ha));
  ASSERT_TRUE(b.Next(hb));
  EXPECT_EQ(ha.ip, "10.0.0.1");
  EXPECT_EQ(ha.ip, hb.ip);
  EXPECT_EQ(ha.fqdn, hb.fqdn);
  EXPECT_EQ(ha.os, hb.os);
  EXPECT_EQ(ha.open_ports, hb.open_ports);
  EXPECT_EQ(a.TargetText(), "10.0.0.1-10.0.0.3");
}

// The generator must stream: 25 times the hosts (a 40 MB file) may not need more memory. Measured
// on the real executable in a child process, whose peak RSS the kernel reports.
TEST_P(BigScanTest, MemoryStaysFlatWhateverTheHostCount) {
  // ASan keeps freed blocks in a quarantine (256 MB by default) that fills up as the run goes
  // and would look like growth; the measurement turns it off for the child (use-after-free
  // checks of the generator run in the other tests). Outside ASan the variable is ignored.
  const std::vector<std::string> env = {
      "ASAN_OPTIONS=quarantine_size_mb=0:thread_local_quarantine_size_kb=0"};
  const process::ProcessResult small =
      process::RunProcess(GenArgs(1000, dir_.File("small")), {.env = env});
  ASSERT_EQ(small.exit_code, 0) << small.err;
  const process::ProcessResult big =
      process::RunProcess(GenArgs(25000, dir_.File("big")), {.env = env});
  ASSERT_EQ(big.exit_code, 0) << big.err;
  const auto small_size = std::filesystem::file_size(dir_.File("small"));
  const auto big_size = std::filesystem::file_size(dir_.File("big"));
  EXPECT_GT(big_size, 20 * small_size);
  EXPECT_NE(big.out.find("25000 hosts, 25000 results, 2500 detections"), std::string::npos)
      << big.out;
  // Allow a little slack for allocator noise; the file itself grew by tens of megabytes.
  EXPECT_LT(big.max_rss_kb, small.max_rss_kb + 4096)
      << "small run " << small.max_rss_kb << " kB, big run " << big.max_rss_kb << " kB, file "
      << big_size << " bytes";
  std::filesystem::remove(dir_.File("big"));
}

INSTANTIATE_TEST_SUITE_P(Formats, BigScanTest,
                         ::testing::Values(ExportFormat::kNessus, ExportFormat::kGvm), FormatName);

}  // namespace
}  // namespace ttmtrack::scangen
