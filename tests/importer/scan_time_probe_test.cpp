// importer::ReadScanStartHint: the scan time from the head of an export, for drop-folder order.
#include "importer/scan_time_probe.hpp"

#include <fstream>

#include <gtest/gtest.h>

#include "core/error.hpp"

namespace ttmtrack::importer {
namespace {

constexpr const char* kNessusHead = R"(<?xml version="1.0" ?>
<NessusClientData_v2>
<Report name="weekly" xmlns:cm="http://www.nessus.org/cm">
<ReportHost name="10.0.0.1"><HostProperties>
<tag name="HOST_START_TIMESTAMP">1767607200</tag>
</HostProperties>
</ReportHost>
<ReportHost name="10.0.0.2"><HostProperties>
<tag name="HOST_START_TIMESTAMP">1767600000</tag>
</HostProperties>
</ReportHost>
)";

class ScanTimeProbeTest : public ::testing::Test {
 protected:
  std::string Write(const std::string& name, const std::string& content) {
    std::string path = ::testing::TempDir() + "probe-" + name;
    std::ofstream(path, std::ios::binary) << content;
    return path;
  }
};

TEST_F(ScanTimeProbeTest, NessusGivesTheFirstHostsStartAndReadsNoFurther) {
  // Truncated after the hosts: an import would refuse it, the hint needs only the head.
  const std::string path = Write("head.nessus", kNessusHead);
  EXPECT_EQ(ReadScanStartHint(path, {}), 1767607200);
}

TEST_F(ScanTimeProbeTest, GvmGivesTheReportsScanStart) {
  const std::string path = Write("head.xml", R"(<report id="r1">
<scan_run_status>Done</scan_run_status>
<scan_start>2026-01-05T10:00:00Z</scan_start>
<results start="1" max="10">
<result id="a"><name>Open port</name><host>10.0.0.1</host><port>22/tcp</port>
<nvt oid="1.3.6.1.4.1.25623.1.0.900239"><name>Open port</name></nvt>
<threat>Log</threat><severity>0.0</severity><description>x</description></result>
<result id="b">)");
  EXPECT_EQ(ReadScanStartHint(path, {}), 1767607200);
}

TEST_F(ScanTimeProbeTest, AnExportWithoutAnyTimeHasNone) {
  const std::string path = Write("empty.nessus", R"(<?xml version="1.0" ?>
<NessusClientData_v2><Report name="Nothing alive"></Report></NessusClientData_v2>
)");
  EXPECT_EQ(ReadScanStartHint(path, {}), std::nullopt);
}

TEST_F(ScanTimeProbeTest, AFileBrokenBeforeItsTimeThrowsLikeTheImport) {
  const std::string path = Write("broken.nessus", "<NessusClientData_v2><Report name=\"x\">\n<Rep");
  try {
    ReadScanStartHint(path, {});
    FAIL();
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), Error::Kind::kBadInput);
  }
  EXPECT_THROW(ReadScanStartHint(Write("none", "") + ".missing", {}), Error);
}

}  // namespace
}  // namespace ttmtrack::importer
