// End-to-end tests of what real exports contain and `ttmtrack import` must take (or refuse)
// exactly as docs/importer.md says: one scan in two files, host times that cannot be read, the
// Nessus zone setting changed after imports, scans dated in the future, and files that are not
// scans. Scan files come from ttmtrack-gen, changed where a case needs what it does not write.
#include <chrono>
#include <filesystem>
#include <fstream>
#include <regex>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "core/civil_time.hpp"
#include "tests/support/database_dump.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/support/ttmtrack_cli.hpp"
#include "tests/support/ttmtrack_gen.hpp"

namespace ttmtrack {
namespace {

using nlohmann::json;
using process::ProcessResult;
using test::DumpDatabase;

class ImportToleranceTest : public ::testing::Test {
 protected:
  // ttmtrack-gen nessus with `args`, writing `name` in the test's directory; returns its path.
  std::string Generate(const std::string& name, std::vector<std::string> args) {
    args.insert(args.begin(), "nessus");
    return test::GenerateExport(dir_.File(name), std::move(args));
  }
  std::string Write(const std::string& name, const std::string& content) {
    std::ofstream(dir_.File(name), std::ios::binary) << content;
    return dir_.File(name);
  }
  // The file with every match of `pattern` replaced.
  std::string Edit(const std::string& path, const std::string& pattern, const std::string& with) {
    return Write(std::filesystem::path(path).filename().string(),
                 std::regex_replace(test::ReadFileBytes(path), std::regex(pattern), with));
  }
  json Json(const std::vector<std::string>& args) { return json::parse(cli_.Run(args).out); }

  test::TempDir dir_;
  test::TtmtrackCli cli_{dir_.path()};
};

TEST_F(ImportToleranceTest, OneScanPlainGzipOrRenamedIsOneScanAndEveryRepeatSaysSo) {
  const std::vector<std::string> args = {"--time", "2026-01-05T10:00:00Z", "--host",
                                         "10.0.0.5:detect=5010"};
  const std::string plain = Generate("jan.nessus", args);
  std::vector<std::string> gzip_args = args;
  gzip_args.emplace_back("--gzip");
  const std::string gzip = Generate("jan.nessus.gz", gzip_args);
  std::filesystem::copy_file(plain, dir_.File("copy.nessus"));

  ProcessResult r = cli_.Run({"import", plain});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string before = DumpDatabase(cli_.DatabasePath());
  r = cli_.Run({"import", gzip, dir_.File("copy.nessus"), plain});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, gzip + ": already imported as scan 1 (the same XML, from " + plain +
                       "); nothing to do\n" + dir_.File("copy.nessus") +
                       ": already imported as scan 1 (the same XML, from " + plain +
                       "); nothing to do\n" + plain +
                       ": already imported as scan 1; nothing to do\n");
  EXPECT_EQ(DumpDatabase(cli_.DatabasePath()), before);

  const json scans = Json({"scans", "--format", "json"});
  ASSERT_EQ(scans.size(), 1u);
  // The identity is the XML's hash, the file's own is kept beside it: one and the same here.
  EXPECT_EQ(scans[0]["sha256"], scans[0]["file_sha256"]);
  const json repeat = Json({"import", "--format", "json", gzip});
  EXPECT_EQ(repeat[0]["status"], "already-imported");
  EXPECT_EQ(repeat[0]["stored_file"], plain);
}

TEST_F(ImportToleranceTest, UnreadableHostTimesImportWithOneWarningLineAndTheOutcomeSaysWhy) {
  ASSERT_EQ(cli_.Run({"import", Generate("jan.nessus", {"--time", "2026-01-05T10:00:00Z", "--host",
                                                        "10.0.0.5:detect=5010"})})
                .exit_code,
            0);
  // A clean re-scan that would verify the fix, but both hosts' ends are damaged.
  const std::string feb = Edit(Generate("feb.nessus", {"--time", "2026-02-05T10:00:00Z", "--host",
                                                       "10.0.0.5", "--host", "10.0.0.6"}),
                               R"(<tag name="HOST_END_TIMESTAMP">\d+</tag>)",
                               R"(<tag name="HOST_END_TIMESTAMP">soon</tag>)");
  const ProcessResult r = cli_.Run({"import", feb});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("feb.nessus: imported as scan 2"), std::string::npos) << r.out;
  const std::regex warning(
      R"(^.*feb\.nessus: warning: 2 hosts with a time that cannot be read \(first: host )"
      R"(10\.0\.0\.5: HOST_END_TIMESTAMP "soon" is not a time: not epoch seconds \(decimal )"
      R"(digits\) \(line \d+\)\); their times are unknown and this scan cannot prove them )"
      R"(scanned to completion\n$)");
  EXPECT_TRUE(std::regex_match(r.err, warning)) << r.err;

  const json history = Json({"history", "10.0.0.5", "--format", "json"});
  ASSERT_EQ(history.size(), 2u) << history.dump();
  EXPECT_EQ(history[1]["outcome"], "not-covered");
  EXPECT_EQ(history[1]["reason"], "host-time-unreadable");
  EXPECT_EQ(Json({"status", "--format", "json"})[0]["state"], "open");
}

TEST_F(ImportToleranceTest, TheNessusZoneSettingAppliesToScansImportedBeforeIt) {
  // Without the epoch tags Nessus's HOST_START/HOST_END carry no zone.
  const std::string scan =
      Edit(Generate("jan.nessus", {"--time", "2026-01-05T10:00:00Z", "--host", "10.0.0.5"}),
           R"(<tag name="HOST_(START|END)_TIMESTAMP">\d+</tag>\n?)", "");
  ASSERT_EQ(cli_.Run({"import", scan}).exit_code, 0);
  EXPECT_EQ(Json({"scans", "--format", "json"})[0]["scan_time"], "2026-01-05T10:00:00Z");
  // The scanner's clock showed Central European Time: its 10:00 was 09:00 UTC.
  EXPECT_EQ(cli_.Output({"config", "set", "import.nessus-utc-offset", "+01:00"}),
            "import.nessus-utc-offset = +01:00\n");
  const json scans = Json({"scans", "--format", "json"});
  EXPECT_EQ(scans[0]["scan_time"], "2026-01-05T09:00:00Z");
  EXPECT_EQ(scans[0]["started_at"], "2026-01-05T09:00:00Z");
}

TEST_F(ImportToleranceTest, AScanFromTheFutureIsRefusedUnlessTheMarginAllowsIt) {
  const auto in_two_days = std::chrono::duration_cast<std::chrono::seconds>(
                               std::chrono::system_clock::now().time_since_epoch())
                               .count() +
                           std::int64_t{2} * 86400;
  const std::string scan = Generate(
      "ahead.nessus",
      {"--time", core::FormatIso8601Utc(in_two_days).value(), "--host", "10.0.0.5:detect=5010"});
  ProcessResult r = cli_.Run({"import", scan});
  EXPECT_EQ(r.exit_code, 65);
  EXPECT_NE(r.err.find("ahead.nessus: the scan is dated "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(", 2 days after this import ("), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("import.future-margin-hours (now 24)"), std::string::npos) << r.err;
  EXPECT_EQ(Json({"scans", "--format", "json"}).size(), 0u);

  ASSERT_EQ(cli_.Run({"config", "set", "import.future-margin-hours", "72"}).exit_code, 0);
  r = cli_.Run({"import", scan});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Json({"scans", "--format", "json"}).size(), 1u);
}

TEST_F(ImportToleranceTest, APolicyAndAResponseWithoutAReportAreNotScansAndStoreNothing) {
  const std::string policy =
      Write("policy.nessus",
            "<?xml version=\"1.0\" ?>\n<NessusClientData_v2>\n<Policy><policyName>Weekly"
            "</policyName></Policy>\n</NessusClientData_v2>\n");
  const std::string response =
      Write("response.xml", "<get_reports_response status=\"200\" status_text=\"OK\"/>\n");
  const ProcessResult r = cli_.Run({"import", policy, response});
  EXPECT_EQ(r.exit_code, 65);
  EXPECT_NE(r.err.find("policy.nessus:2: a Nessus scan policy, not a scan"), std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("response.xml:1: a GMP response without a report, not a scan"),
            std::string::npos)
      << r.err;
  EXPECT_TRUE(r.out.empty()) << r.out;
  EXPECT_EQ(Json({"scans", "--format", "json"}).size(), 0u);
}

}  // namespace
}  // namespace ttmtrack
