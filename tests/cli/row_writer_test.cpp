#include "cli/format/row_writer.hpp"

#include <sstream>

#include <gtest/gtest.h>

namespace ttmtrack::cli {
namespace {

using Json = nlohmann::ordered_json;

Json SampleRow(const std::string& name) {
  Json row;
  row["ip"] = "10.0.0.5";
  row["port"] = 5010;
  row["name"] = name;
  row["verified_by"] = Json{{"file", "rescan.nessus"}, {"scan_id", 3}};
  row["missing"] = nullptr;
  return row;
}

std::string Render(OutputFormat format, const std::vector<Json>& rows) {
  std::ostringstream out;
  auto writer = MakeRowWriter(
      format, {{"ip", "IP"}, {"port", "PORT"}, {"name", "NAME"}, {"verified_by.file", "VERIFIED"}},
      out);
  for (const Json& row : rows) writer->Row(row);
  writer->Finish();
  return out.str();
}

TEST(RowWriterTest, TableAlignsColumnsAndReadsNestedFields) {
  EXPECT_EQ(Render(OutputFormat::kTable, {SampleRow("trd-01"), SampleRow("a")}),
            "IP        PORT  NAME    VERIFIED\n"
            "10.0.0.5  5010  trd-01  rescan.nessus\n"
            "10.0.0.5  5010  a       rescan.nessus\n");
}

TEST(RowWriterTest, EmptyListingsSaySo) {
  EXPECT_EQ(Render(OutputFormat::kTable, {}), "(none)\n");
  EXPECT_EQ(Render(OutputFormat::kJson, {}), "[]\n");
  EXPECT_EQ(Render(OutputFormat::kCsv, {}), "ip,port,name,verified_by.file\r\n");
}

TEST(RowWriterTest, JsonKeepsEveryFieldAndNesting) {
  const Json parsed = Json::parse(Render(OutputFormat::kJson, {SampleRow("x")}));
  ASSERT_EQ(parsed.size(), 1u);
  EXPECT_EQ(parsed[0]["verified_by"]["scan_id"], 3);
  EXPECT_TRUE(parsed[0]["missing"].is_null());
}

TEST(RowWriterTest, JsonReplacesInvalidUtf8InsteadOfFailing) {
  const Json parsed = Json::parse(Render(OutputFormat::kJson, {SampleRow("bad\xff")}));
  EXPECT_EQ(parsed[0]["name"], "bad\xef\xbf\xbd");
}

TEST(RowWriterTest, CsvQuotesSeparatorsAndGuardsFormulas) {
  const std::string csv =
      Render(OutputFormat::kCsv, {SampleRow("a,\"b\"\nc"), SampleRow("=HYPERLINK(\"x\")")});
  EXPECT_EQ(csv,
            "ip,port,name,verified_by.file\r\n"
            "10.0.0.5,5010,\"a,\"\"b\"\"\nc\",rescan.nessus\r\n"
            "10.0.0.5,5010,\"'=HYPERLINK(\"\"x\"\")\",rescan.nessus\r\n");
}

TEST(RowWriterTest, TableShowsHostileTextInertly) {
  const std::string table = Render(OutputFormat::kTable, {SampleRow("\x1b]0;pwned\x07")});
  EXPECT_EQ(table.find('\x1b'), std::string::npos);
  EXPECT_NE(table.find("\\x1b]0;pwned\\x07"), std::string::npos);
}

TEST(RowWriterTest, TableLabelsAScanReferenceAsTheReportsDoAndCsvKeepsTheField) {
  Json row;
  row["verified_by"] = Json{{"file", "scans/feb.nessus"},
                            {"scanner", "Nessus"},
                            {"scan_name", "weekly \x1b[31m"},
                            {"scan_time", "2026-02-05T10:00:00Z"},
                            {"sha256", "bb"}};
  Json open_row;
  open_row["verified_by"] = nullptr;
  const std::vector<Column> columns{
      {"verified_by.file", "VERIFIED BY", 0, ShowScanLabel("verified_by")},
      {"verified_by.file", "FILE", 0, ShowBaseName("verified_by.file")}};
  std::ostringstream table;
  auto writer = MakeRowWriter(OutputFormat::kTable, columns, table);
  writer->Row(row);
  writer->Row(open_row);
  writer->Finish();
  EXPECT_EQ(table.str(),
            "VERIFIED BY                             FILE\n"
            "\u201Cweekly \\x1b[31m\u201D (Nessus, feb.nessus)  feb.nessus\n"
            "-                                       -\n");
  std::ostringstream csv;
  writer = MakeRowWriter(OutputFormat::kCsv, columns, csv);
  writer->Row(row);
  writer->Finish();
  EXPECT_EQ(csv.str(),
            "verified_by.file,verified_by.file\r\nscans/feb.nessus,scans/feb.nessus\r\n");
}

}  // namespace
}  // namespace ttmtrack::cli
