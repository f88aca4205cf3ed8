// End-to-end checks of `ttmtrack import`: the per-file line of the CLI contract, its counts of
// exposures by what happened to them, re-imports, and failures that must not stop other files
// nor leave anything behind.
#include <filesystem>
#include <fstream>
#include <optional>
#include <ostream>
#include <regex>

#include <gtest/gtest.h>

#include "tests/scenarios/scenario_table.hpp"
#include "tests/support/temp_dir.hpp"

namespace ttmtrack::scenarios {
namespace {

// What one import did, as the per-file line reports it.
struct ImportCounts {
  int scan_id = 0;
  std::size_t hosts = 0;
  std::size_t results = 0;
  std::size_t detections = 0;
  int fresh = 0;
  int still_open = 0;
  int fixed = 0;
  int reopened = 0;
  int not_checked = 0;
  int still_fixed = 0;
  bool operator==(const ImportCounts&) const = default;
};

std::ostream& operator<<(std::ostream& out, const ImportCounts& c) {
  return out << "scan " << c.scan_id << " (" << c.hosts << " hosts, " << c.results << " results, "
             << c.detections << " detections); " << c.fresh << " new, " << c.still_open
             << " still open, " << c.fixed << " verified fixed, " << c.reopened << " reopened, "
             << c.not_checked << " not checked, " << c.still_fixed << " still fixed";
}

ImportCounts Expect(const WrittenScan& scan, int scan_id, int fresh, int still_open, int fixed,
                    int reopened, int not_checked, int still_fixed = 0) {
  return {scan_id,    scan.hosts, scan.results, scan.detections, fresh,
          still_open, fixed,      reopened,     not_checked,     still_fixed};
}

// The line exactly as the CLI contract (team CLI-CONTRACT.md) and docs/cli.md spell it.
std::string ContractLine(const std::string& file, const ImportCounts& c) {
  // Every count on every line, nouns in the singular for one (issue 15, item 16).
  const auto count = [](std::size_t n, const std::string& noun) {
    return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
  };
  return file + ": imported as scan " + std::to_string(c.scan_id) + " (" + count(c.hosts, "host") +
         ", " + count(c.results, "result") + ", " + count(c.detections, "detection") +
         "); exposures: " + std::to_string(c.fresh) + " new, " + std::to_string(c.still_open) +
         " still open, " + std::to_string(c.fixed) + " verified fixed, " +
         std::to_string(c.reopened) + " reopened, " + std::to_string(c.not_checked) +
         " not checked, " + std::to_string(c.still_fixed) + " still fixed\n";
}

// Reads the numbers back whatever the wording details, so a count and a wording problem are
// reported apart.
std::optional<ImportCounts> ParseLine(const std::string& file, const std::string& line) {
  static const std::regex kLinePattern(
      R"re(^(.+): imported as scan (\d+) \((\d+) hosts?, (\d+) results?, (\d+) detections?\); )re"
      R"re(exposures: (\d+) new, (\d+) still open, (\d+) verified fixed, (\d+) reopened, )re"
      R"re((\d+) not checked, (\d+) still fixed(?:; .*)?\n$)re");
  std::smatch m;
  if (!std::regex_match(line, m, kLinePattern) || m[1] != file) return std::nullopt;
  const auto n = [&m](std::size_t i) { return m[i].matched ? std::stoi(m[i].str()) : 0; };
  return ImportCounts{n(2),
                      static_cast<std::size_t>(n(3)),
                      static_cast<std::size_t>(n(4)),
                      static_cast<std::size_t>(n(5)),
                      n(6),
                      n(7),
                      n(8),
                      n(9),
                      n(10),
                      n(11)};
}

// Checks the counts and, separately, the exact wording.
void ExpectImportLine(const std::string& out, const std::string& file,
                      const ImportCounts& expected) {
  const std::optional<ImportCounts> counts = ParseLine(file, out);
  ASSERT_TRUE(counts.has_value()) << "not an import line for " << file << ": " << out;
  EXPECT_EQ(*counts, expected) << out;
  EXPECT_EQ(out, ContractLine(file, expected)) << "wording differs from the CLI contract";
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
  process::ProcessResult r = cli_.Run({"import", jan.file});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  ExpectImportLine(r.out, jan.file, Expect(jan, 1, 3, 0, 0, 0, 0));
  // X:5010 absent, X:10200 detected again, Y missing.
  r = cli_.Run({"import", feb.file});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  ExpectImportLine(r.out, feb.file, Expect(feb, 2, 0, 1, 1, 0, 1));
  // X:10200 absent, Y detected again (still open), X:5010 absent again (still fixed).
  r = cli_.Run({"import", mar.file});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  ExpectImportLine(r.out, mar.file, Expect(mar, 3, 0, 1, 1, 0, 0, 1));
  // X:5010 back (reopened), Y absent (fixed), X:10200 absent again (still fixed).
  r = cli_.Run({"import", apr.file});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  ExpectImportLine(r.out, apr.file, Expect(apr, 4, 0, 0, 1, 1, 0, 1));
}

TEST_P(ImportOutputTest, ReimportingTheSameBytesIsANoOpThatSaysSo) {
  const WrittenScan jan = Write({"jan", kJan, {Detecting(kX, {5010})}});
  ASSERT_EQ(cli_.Run({"import", jan.file}).exit_code, 0);
  const std::string status = cli_.Output({"status", "--format", "json"});
  std::filesystem::copy_file(dir_.File(jan.file), dir_.File("copy-" + jan.file));
  const process::ProcessResult again = cli_.Run({"import", jan.file, "copy-" + jan.file});
  EXPECT_EQ(again.exit_code, 0) << again.err;
  // The copy is the same scan under another name; the line names the file it came from.
  EXPECT_EQ(again.out, jan.file + ": already imported as scan 1; nothing to do\n" + "copy-" +
                           jan.file + ": already imported as scan 1 (the same XML, from " +
                           jan.file + "); nothing to do\n");
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

  const process::ProcessResult r = cli_.Run({"import", broken.file, good.file});
  EXPECT_EQ(r.exit_code, 65) << r.out << r.err;
  EXPECT_TRUE(std::regex_search(r.err, std::regex("(^|\n)" + broken.file + ":[0-9]+:[0-9]+: ")))
      << r.err;
  EXPECT_EQ(r.out.find(broken.file + ": imported"), std::string::npos) << r.out;
  ExpectImportLine(r.out, good.file, Expect(good, 2, 0, 0, 1, 0, 1));

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
  const process::ProcessResult r = cli_.Run({"import", broken.file});
  EXPECT_EQ(r.exit_code, 65) << r.out << r.err;
  EXPECT_NE(r.err.find(broken.file + ":"), std::string::npos) << r.err;
  EXPECT_EQ(cli_.Output({"status", "--format", "json"}), status_before);
}

TEST_P(ImportOutputTest, AMissingFileExits66WhileTheOthersImport) {
  const WrittenScan jan = Write({"jan", kJan, {Detecting(kX, {5010})}});
  const process::ProcessResult r = cli_.Run({"import", "no-such-file.nessus", jan.file});
  EXPECT_EQ(r.exit_code, 66) << r.err;
  EXPECT_NE(r.err.find("no-such-file.nessus"), std::string::npos) << r.err;
  ExpectImportLine(r.out, jan.file, Expect(jan, 1, 1, 0, 0, 0, 0));
}

TEST_P(ImportOutputTest, JsonFormatReportsEveryFile) {
  const WrittenScan jan = Write({"jan", kJan, {Detecting(kX, {5010})}});
  const WrittenScan feb = Write({"feb", kFeb, {Clean(kX)}});
  ASSERT_EQ(cli_.Run({"import", jan.file}).exit_code, 0);
  const process::ProcessResult r = cli_.Run({"import", "--format", "json", jan.file, feb.file});
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
