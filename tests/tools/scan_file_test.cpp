#include "tools/scangen/scan_file.hpp"

#include <gtest/gtest.h>

#include "core/error.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/tools/support/xml_probe.hpp"

namespace ttmtrack::scangen {
namespace {

std::string FormatName(const ::testing::TestParamInfo<ExportFormat>& param) {
  return param.param == ExportFormat::kNessus ? "Nessus" : "Gvm";
}

class ScanFileTest : public ::testing::TestWithParam<ExportFormat> {
 protected:
  ScanFileTest() {
    scan_.format = GetParam();
    HostSpec host;
    host.ip = "10.0.0.5";
    host.detections = {DetectionSpec{5010}};
    hosts_ = {host};
  }

  test::TempDir dir_;
  ScanSpec scan_;
  std::vector<HostSpec> hosts_;
};

TEST_P(ScanFileTest, GzipOutputInflatesToThePlainBytes) {
  const WriteStats plain = WriteScanFile(scan_, hosts_, dir_.File("plain"));
  scan_.gzip = true;
  const WriteStats gz = WriteScanFile(scan_, hosts_, dir_.File("compressed.gz"));
  const std::string compressed = test::ReadFileBytes(dir_.File("compressed.gz"));
  ASSERT_GE(compressed.size(), 2u);
  EXPECT_EQ(static_cast<unsigned char>(compressed[0]), 0x1F);
  EXPECT_EQ(static_cast<unsigned char>(compressed[1]), 0x8B);
  const std::string inflated = test::Gunzip(compressed);
  EXPECT_EQ(inflated, test::ReadFileBytes(dir_.File("plain")));
  EXPECT_EQ(gz.bytes, inflated.size());
  EXPECT_EQ(gz.results, plain.results);
  EXPECT_LT(compressed.size(), inflated.size());
  EXPECT_TRUE(test::ProbeXml(inflated).ok);
}

TEST_P(ScanFileTest, GzipOutputIsDeterministic) {
  scan_.gzip = true;
  WriteScanFile(scan_, hosts_, dir_.File("a.gz"));
  WriteScanFile(scan_, hosts_, dir_.File("b.gz"));
  EXPECT_EQ(test::ReadFileBytes(dir_.File("a.gz")), test::ReadFileBytes(dir_.File("b.gz")));
}

TEST_P(ScanFileTest, AnUnwritablePathIsAnIoError) {
  try {
    WriteScanFile(scan_, hosts_, dir_.File("no/such/dir/x"));
    ADD_FAILURE() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), Error::Kind::kIo);
    EXPECT_EQ(e.context().file, dir_.File("no/such/dir/x"));
  }
}

INSTANTIATE_TEST_SUITE_P(Formats, ScanFileTest,
                         ::testing::Values(ExportFormat::kNessus, ExportFormat::kGvm), FormatName);

}  // namespace
}  // namespace ttmtrack::scangen
