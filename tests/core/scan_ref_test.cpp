#include "core/scan_ref.hpp"

#include <gtest/gtest.h>

namespace ttmtrack::core {
namespace {

TEST(ScanRefTest, LabelNamesTheScanItsScannerAndItsFile) {
  ScanRef scan;
  scan.scan_name = "weekly-dmz";
  scan.scanner = "Nessus";
  scan.file_name = "/var/spool/scans/feb.nessus";
  EXPECT_EQ(ScanLabel(scan), "\u201Cweekly-dmz\u201D (Nessus, feb.nessus)");
  scan.scanner.clear();
  EXPECT_EQ(ScanLabel(scan), "\u201Cweekly-dmz\u201D (feb.nessus)");
}

TEST(ScanRefTest, LabelFallsBackToTheFileThenTheHashNeverTheRowId) {
  ScanRef scan;
  scan.id = 9;
  scan.scanner = "OpenVAS";
  scan.file_name = "gvm.xml";
  scan.sha256 = "1b0d78e117b7ffffffffffffffffffffffffffffffffffffffffffffffffffff";
  EXPECT_EQ(ScanLabel(scan), "\u201Cgvm.xml\u201D (OpenVAS)");
  scan.file_name.clear();
  EXPECT_EQ(ScanLabel(scan), "SHA-256 1b0d78e117b7 (OpenVAS)");
}

TEST(ScanRefTest, FileBaseNameIsTheLastPathComponent) {
  EXPECT_EQ(FileBaseName("scans/feb.nessus"), "feb.nessus");
  EXPECT_EQ(FileBaseName("feb.nessus"), "feb.nessus");
  EXPECT_EQ(FileBaseName("dir/"), "");
  EXPECT_EQ(FileBaseName(""), "");
}

}  // namespace
}  // namespace ttmtrack::core
