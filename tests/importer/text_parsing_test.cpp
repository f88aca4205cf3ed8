#include <string>

#include <gtest/gtest.h>

#include "importer/gvm/gvm_filter.hpp"
#include "importer/gvm/gvm_port.hpp"
#include "importer/nessus/scan_information.hpp"
#include "importer/xml/prolog_guard.hpp"

namespace ttmtrack::importer {
namespace {

// The small pure parsers the readers build on, table by table.
class TextParsingTest : public ::testing::Test {};

TEST_F(TextParsingTest, GvmPortForms) {
  struct Row {
    const char* text;
    int number;
    const char* protocol;
    const char* service;
  };
  const Row rows[] = {
      {"5010/tcp", 5010, "tcp", ""},
      {"general/tcp", 0, "tcp", "general"},
      {"general/CPE-T", 0, "cpe-t", "general"},
      {"package", 0, "", "package"},
      {"http (80/tcp)", 80, "tcp", "http"},
      {" 161/UDP ", 161, "udp", ""},
      {"", 0, "", ""},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE(row.text);
    const std::optional<gvm::GvmPort> port = gvm::ParseGvmPort(row.text);
    ASSERT_TRUE(port.has_value());
    EXPECT_EQ(port->number, row.number);
    EXPECT_EQ(port->protocol, row.protocol);
    EXPECT_EQ(port->service, row.service);
  }
  for (const char* bad : {"65536/tcp", "80", "80/", "/tcp", "a b/tcp", "http (80/tcp", "x (y)"}) {
    EXPECT_EQ(gvm::ParseGvmPort(bad), std::nullopt) << bad;
  }
}

TEST_F(TextParsingTest, GvmFilterTermKeepsTheKeywordsThatDecideWhatAnExportHolds) {
  const gvm::GvmFilterKeywords k = gvm::ParseGvmFilterTerm(
      "  apply_overrides=1 name~\"min_qod=99 rows=1\" min_qod=70 levels=HML first=1 rows=-1 "
      "min_qod=10 sort-reverse=severity");
  EXPECT_EQ(k.min_qod, 70);  // the first statement wins; the quoted phrase is one token
  EXPECT_EQ(k.levels, "hml");
  EXPECT_EQ(k.apply_overrides, true);
  EXPECT_EQ(k.first, 1);
  EXPECT_EQ(k.rows, -1);

  const gvm::GvmFilterKeywords empty =
      gvm::ParseGvmFilterTerm("min_qod= levels= rows=many first>2 =5 min_qod:80");
  EXPECT_FALSE(empty.min_qod.has_value());
  EXPECT_FALSE(empty.levels.has_value());
  EXPECT_FALSE(empty.rows.has_value());
  EXPECT_FALSE(empty.first.has_value());
  EXPECT_FALSE(gvm::ParseGvmFilterTerm("").min_qod.has_value());
  EXPECT_EQ(gvm::ParseGvmFilterTerm("min_qod=\"50\"").min_qod, 50);
  EXPECT_EQ(gvm::ParseGvmInteger("-1"), -1);
  EXPECT_FALSE(gvm::ParseGvmInteger("-").has_value());
  EXPECT_FALSE(gvm::ParseGvmInteger("1.5").has_value());
}

TEST_F(TextParsingTest, ScanInformationFindsVersionPortRangeAndPolicy) {
  const nessus::ScanInformation info = nessus::ParseScanInformation(
      "Information about this scan : \n\nNessus version : 5.2.4 (Nessus 5.2.5 is available - "
      "consider upgrading)\nScan policy used : pci\nPort range : 1-65535\r\n");
  EXPECT_EQ(info.nessus_version, "5.2.4");
  EXPECT_EQ(info.port_range, "1-65535");
  EXPECT_EQ(info.policy_name, "pci");
  EXPECT_FALSE(nessus::ParseScanInformation("nothing useful").port_range.has_value());
}

TEST_F(TextParsingTest, PrologGuardSpotsDoctypeAcrossChunkBoundaries) {
  const std::string doc = "\xEF\xBB\xBF<?xml version='1.0'?>\n<!-- x --><!DOCTYPE a>";
  xml::PrologGuard guard;
  xml::PrologGuard::Verdict verdict = xml::PrologGuard::Verdict::kWatching;
  for (char c : doc) verdict = guard.Feed(&c, 1);
  EXPECT_EQ(verdict, xml::PrologGuard::Verdict::kDoctype);
  EXPECT_EQ(guard.line(), 2);
  EXPECT_EQ(guard.column(), 11);

  xml::PrologGuard utf16;
  const char le[] = "\xFF\xFE<\0!\0D\0";
  EXPECT_EQ(utf16.Feed(le, sizeof le - 1), xml::PrologGuard::Verdict::kDoctype);

  xml::PrologGuard plain;
  EXPECT_EQ(plain.Feed("<?xml?><report><!DOCTYPE", 24), xml::PrologGuard::Verdict::kDone);
}

}  // namespace
}  // namespace ttmtrack::importer
