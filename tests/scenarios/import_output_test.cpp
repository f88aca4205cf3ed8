// End-to-end checks of `ttmtrack import`: the per-file line of the CLI contract, its counts of
// exposures by what happened to them, re-imports, and failures that must not stop other files
// nor leave anything behind.
#include <filesystem>
#include <fstream>
#include <regex>

#include <gtest/gtest.h>

#include "tests/scenarios/scenario_table.hpp"

namespace ttmtrack::scenarios {
namespace {

std::string ImportedLine(const WrittenScan& scan, int scan_id, int fresh, int still_open, int fixed,
                         int reopened, int not_checked) {
  return scan.file + ": imported as scan " + std::to_string(scan_id) + " (" +
         std::to_string(scan.hosts) + " hosts, " + std::to_string(scan.results) + " results, " +
         std::to_string(scan.detections) + " detections); exposures: " + std::to_string(fresh) +
         " new, " + std::to_string(still_open) + " still open, " + std::to_string(fixed) +
         " verified fixed, " + std::to_string(reopened) + " reopened, " +
         std::to_string(not_checked) + " not checked\n";
}

// Cuts a file in the middle of its `nth` occurrence of `marker`, as a failed download would.
void Truncate(const std::string& path, const std::string& marker, int nth) {
  const std::string bytes = test::ReadFileBytes(path);
  std::size_t at = 0;
  for (int i = 0; i < nth; ++i) at = bytes.find(marker, i == 0 ? 0 : at + 1);
  ASSERT_NE(at, std::string::npos);
  std::ofstream(path, std::ios::binary | std::ios::trunc)
      .write(bytes.data(), static_cast<long>(at + 7));
}

class ImportOutputTest : public ::testing::TestWithParam<ExportFormat> {
 protected:
  WrittenScan Write(const Step& step) { return WriteStep(dir_.path(), step, GetParam()); }

  test::TempDir dir_;
  TtmtrackCli cli_{dir_.path()};
};

TEST_P(ImportOutputTest, EachImportReportsWhatHappenedToEveryExposure) {
  const WrittenScan jan =
      Write({"jan", kJan, {Detecting(kX, {5010, 10200}), Detecting(kY, {5010})}});
  const WrittenScan feb = Write({"feb", kFeb, {Detecting(kX, {10200}), Clean(kZ)}});
  const WrittenScan mar = Write({"mar", kMar, {Clean(kX), Detecting(kY, {5010}), Clean(kZ)}});
  const WrittenScan apr = Write({"apr", kApr, {Detecting(kX, {5010}), Clean(kY)}});
  test::ProcessResult r = cli_.Run({"import", jan.file});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, ImportedLine(jan, 1, 3, 0, 0, 0, 0));
  // X:5010 absent, X:10200 detected again, Y missing.
  r = cli_.Run({"import", feb.file});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, ImportedLine(feb, 2, 0, 1, 1, 0, 1));
  // X:10200 absent, Y detected again (still open), X:5010 absent again (already fixed).
  r = cli_.Run({"import", mar.file});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, ImportedLine(mar, 3, 0, 1, 1, 0, 0));
  // X:5010 back (reopened), Y absent (fixed), X:10200 absent again.
  r = cli_.Run({"import", apr.file});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, ImportedLine(apr, 4, 0, 0, 1, 1, 0));
}

TEST_P(ImportOutputTest, ReimportingTheSameBytesIsANoOpThatSaysSo) {
  const WrittenScan jan = Write({"jan", kJan, {Detecting(kX, {5010})}});
  ASSERT_EQ(cli_.Run({"import", jan.file}).exit_code, 0);
  const std::string status = cli_.Output({"status", "--format", "json"});
  std::filesystem::copy_file(dir_.File(jan.file), dir_.File("copy-" + jan.file));
  const test::ProcessResult again = cli_.Run({"import", jan.file, "copy-" + jan.file});
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(again.out, jan.file + ": already imported as scan 1; nothing to do\n" + "copy-" +
                           jan.file + ": already imported as scan 1; nothing to do\n");
  EXPECT_EQ(cli_.Output({"status", "--format", "json"}), status);
  const std::optional<nlohmann::json> history = cli_.Json({"history", kX, "--format", "json"});
  ASSERT_TRUE(history.has_value());
  EXPECT_EQ(history->size(), 1u);
}

TEST_P(ImportOutputTest, ATruncatedFileExits65StoresNothingAndTheOtherFilesImport) {
  const WrittenScan jan = Write({"jan", kJan, {Detecting(kX, {5010}), Detecting(kY, {5010})}});
  ASSERT_EQ(cli_.Run({"import", jan.file}).exit_code, 0);
  // The broken re-scan has X complete before the cut: a partial import would mark X fixed.
  const WrittenScan broken = Write({"feb-broken", kFeb, {Clean(kX), Clean(kZ), Clean(kY)}});
  const bool nessus = GetParam() == ExportFormat::kNessus;
  // Nessus: inside the third ReportHost; GVM (results first, hosts last): inside the second host.
  Truncate(dir_.File(broken.file), nessus ? "<ReportHost" : "<ip>", nessus ? 3 : 2);
  const WrittenScan good = Write({"feb-good", kFeb16, {Clean(kY)}});

  const test::ProcessResult r = cli_.Run({"import", broken.file, good.file});
  EXPECT_EQ(r.exit_code, 65) << r.out << r.err;
  EXPECT_TRUE(std::regex_search(r.err, std::regex("(^|\n)" + broken.file + ":[0-9]+:[0-9]+: ")))
      << r.err;
  EXPECT_EQ(r.out.find(broken.file + ": imported"), std::string::npos) << r.out;
  EXPECT_EQ(r.out, ImportedLine(good, 2, 0, 0, 1, 0, 1)) << r.out;

  ScenarioChecker checker(cli_, {{"jan", jan}, {"feb-good", good}});
  checker.CheckStatus({{kX, 5010, "open", "jan", "jan", "jan", ""},
                       {kY, 5010, "fixed", "jan", "jan", "feb-good", "feb-good"}});
  checker.CheckHostHistories({});
}

TEST_P(ImportOutputTest, ATruncatedGzipFileExits65AndLeavesStatusUnchanged) {
  const WrittenScan jan = Write({"jan", kJan, {Detecting(kX, {5010})}});
  ASSERT_EQ(cli_.Run({"import", jan.file}).exit_code, 0);
  const std::string status_before = cli_.Output({"status", "--format", "json"});
  const WrittenScan broken =
      Write({"feb-broken", kFeb, {Clean(kX), Clean(kY)}, [](ScanSpec& s) { s.gzip = true; }});
  const std::string bytes = test::ReadFileBytes(dir_.File(broken.file));
  std::ofstream(dir_.File(broken.file), std::ios::binary | std::ios::trunc)
      .write(bytes.data(), static_cast<long>(bytes.size() * 2 / 3));
  const test::ProcessResult r = cli_.Run({"import", broken.file});
  EXPECT_EQ(r.exit_code, 65) << r.out << r.err;
  EXPECT_NE(r.err.find(broken.file + ":"), std::string::npos) << r.err;
  EXPECT_EQ(cli_.Output({"status", "--format", "json"}), status_before);
}

TEST_P(ImportOutputTest, AMissingFileExits66WhileTheOthersImport) {
  const WrittenScan jan = Write({"jan", kJan, {Detecting(kX, {5010})}});
  const test::ProcessResult r = cli_.Run({"import", "no-such-file.nessus", jan.file});
  EXPECT_EQ(r.exit_code, 66) << r.err;
  EXPECT_NE(r.err.find("no-such-file.nessus"), std::string::npos) << r.err;
  EXPECT_EQ(r.out, ImportedLine(jan, 1, 1, 0, 0, 0, 0));
}

TEST_P(ImportOutputTest, JsonFormatReportsEveryFile) {
  const WrittenScan jan = Write({"jan", kJan, {Detecting(kX, {5010})}});
  const WrittenScan feb = Write({"feb", kFeb, {Clean(kX)}});
  ASSERT_EQ(cli_.Run({"import", jan.file}).exit_code, 0);
  const test::ProcessResult r = cli_.Run({"import", "--format", "json", jan.file, feb.file});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const nlohmann::json j = nlohmann::json::parse(r.out);
  ASSERT_TRUE(j.is_array());
  ASSERT_EQ(j.size(), 2u) << j.dump(2);
  EXPECT_EQ(j[0].value("file", ""), jan.file);
  EXPECT_EQ(j[0].value("status", ""), "already-imported");
  EXPECT_EQ(j[0].value("scan_id", 0), 1);
  EXPECT_EQ(j[1].value("file", ""), feb.file);
  EXPECT_EQ(j[1].value("status", ""), "imported");
  EXPECT_EQ(j[1].value("scan_id", 0), 2);
  EXPECT_EQ(j[1].value("hosts", 0u), feb.hosts);
  EXPECT_EQ(j[1].value("results", 0u), feb.results);
  EXPECT_EQ(j[1].value("detections", 99u), feb.detections);
  const nlohmann::json exposures = j[1].value("exposures", nlohmann::json());
  ASSERT_TRUE(exposures.is_object()) << j.dump(2);
  for (const auto& [key, count] : {std::pair{"new", 0},
                                   {"still_open", 0},
                                   {"verified_fixed", 1},
                                   {"reopened", 0},
                                   {"not_checked", 0}}) {
    EXPECT_EQ(exposures.value(key, -1), count) << key << " in " << exposures.dump();
  }
}

std::string FormatName(const ::testing::TestParamInfo<ExportFormat>& info) {
  return info.param == ExportFormat::kNessus ? "Nessus" : "Gvm";
}

INSTANTIATE_TEST_SUITE_P(Formats, ImportOutputTest,
                         ::testing::Values(ExportFormat::kNessus, ExportFormat::kGvm), FormatName);

}  // namespace
}  // namespace ttmtrack::scenarios
