// End-to-end tests of the real `ttmtrack` binary (duckdb's shell tests): exit codes, what it
// prints, and what it leaves in a real SQLite file. Scan files come from ttmtrack-gen.
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/support/database_dump.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/support/ttmtrack_cli.hpp"
#include "tests/support/ttmtrack_gen.hpp"

namespace ttmtrack {
namespace {

using nlohmann::json;
using process::ProcessResult;
using test::DumpDatabase;

class CliEndToEndTest : public ::testing::Test {
 protected:
  ProcessResult Ttmtrack(const std::vector<std::string>& args) const { return cli_.Run(args); }

  // ttmtrack-gen with `args`, writing `name` in the test's directory; returns its path.
  std::string Generate(const std::string& name, std::vector<std::string> args) {
    return test::GenerateExport(dir_.File(name), std::move(args));
  }

  std::string JanuaryScan() {
    return Generate("jan.nessus",
                    {"nessus", "--time", "2026-01-05T10:00:00Z", "--host",
                     "10.0.0.5:detect=5010,fqdn=trd-01.example", "--host", "10.0.0.6"});
  }
  std::string FebruaryRescan() {
    return Generate("feb.nessus",
                    {"nessus", "--time", "2026-02-05T10:00:00Z", "--host", "10.0.0.5"});
  }
  std::string Write(const std::string& name, const std::string& content) {
    std::ofstream(dir_.File(name), std::ios::binary) << content;
    return dir_.File(name);
  }
  std::string Truncated(const std::string& source, const std::string& name) {
    const std::string bytes = test::ReadFileBytes(source);
    return Write(name, bytes.substr(0, bytes.size() * 2 / 3));
  }

  std::string Db() const { return cli_.DatabasePath(); }

  test::TempDir dir_;
  test::TtmtrackCli cli_{dir_.path()};
  // No --db: TTMTRACK_DB or the working directory's ttmtrack.db decide.
  test::TtmtrackCli cli_without_db_flag_{dir_.path(), ""};
};

TEST_F(CliEndToEndTest, ImportPrintsOneLinePerFileAndStatusShowsTheExposure) {
  const ProcessResult import = Ttmtrack({"import", JanuaryScan()});
  ASSERT_EQ(import.exit_code, 0) << import.err;
  EXPECT_NE(import.out.find("jan.nessus: imported as scan 1 (2 hosts"), std::string::npos)
      << import.out;
  // Plurals right, every count on every line (issue 15, item 16).
  EXPECT_NE(import.out.find("(2 hosts, "), std::string::npos) << import.out;
  EXPECT_NE(import.out.find(", 1 detection); exposures: 1 new, 0 still open, 0 verified fixed, "
                            "0 reopened, 0 not checked, 0 still fixed\n"),
            std::string::npos)
      << import.out;

  const ProcessResult status = Ttmtrack({"status", "--format", "json"});
  ASSERT_EQ(status.exit_code, 0) << status.err;
  const json rows = json::parse(status.out);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0]["detection_id"], "c564e5ab");
  EXPECT_EQ(rows[0]["ip"], "10.0.0.5");
  EXPECT_EQ(rows[0]["port"], 5010);
  EXPECT_EQ(rows[0]["protocol"], "tcp");
  EXPECT_EQ(rows[0]["state"], "open");
  EXPECT_EQ(rows[0]["hostname"], "trd-01.example");
  EXPECT_EQ(rows[0]["first_seen"], "2026-01-05T10:00:00Z");
  EXPECT_EQ(rows[0]["last_seen"], "2026-01-05T10:00:00Z");
  EXPECT_EQ(rows[0]["last_checked"], "2026-01-05T10:00:00Z");
  EXPECT_TRUE(rows[0]["verified_by"].is_null());
}

TEST_F(CliEndToEndTest, VerificationRescanFixesTheExposureAndNamesTheScan) {
  ASSERT_EQ(Ttmtrack({"import", JanuaryScan(), FebruaryRescan()}).exit_code, 0);
  const json rows = json::parse(Ttmtrack({"status", "--format", "json"}).out);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0]["state"], "fixed");
  // The file as it was given on the command line.
  EXPECT_EQ(rows[0]["verified_by"]["file"], dir_.File("feb.nessus"));
  EXPECT_EQ(rows[0]["verified_by"]["scan_time"], "2026-02-05T10:00:00Z");
  EXPECT_EQ(rows[0]["last_checked"], "2026-02-05T10:00:00Z");
}

TEST_F(CliEndToEndTest, StatusTableAndReportNameTheVerifyingScanAlike) {
  ASSERT_EQ(Ttmtrack({"import", JanuaryScan(), FebruaryRescan()}).exit_code, 0);
  const json verified_by =
      json::parse(Ttmtrack({"status", "--format", "json"}).out)[0]["verified_by"];
  ASSERT_FALSE(verified_by["scan_name"].get<std::string>().empty());
  // Name, scanner and file, as core::ScanLabel spells it (docs/cli.md, "status").
  const std::string label = "\u201C" + verified_by["scan_name"].get<std::string>() + "\u201D (" +
                            verified_by["scanner"].get<std::string>() + ", feb.nessus)";
  const ProcessResult table = Ttmtrack({"status"});
  ASSERT_EQ(table.exit_code, 0) << table.err;
  EXPECT_NE(table.out.find("VERIFIED BY"), std::string::npos) << table.out;
  EXPECT_NE(table.out.find(label), std::string::npos) << table.out;
  ASSERT_EQ(Ttmtrack({"report", "--out", "r", "--generated-at", "2026-03-01T00:00:00Z"}).exit_code,
            0);
  for (const char* page : {"r/index.html", "r/hosts/10.0.0.5.html"}) {
    EXPECT_NE(test::ReadFileBytes(dir_.File(page)).find(label + " on 2026-02-05 10:00 UTC"),
              std::string::npos)
        << page;
  }
}

// docs/json.md: one serializer writes an exposure and its verifying scan, so `status` and the
// report's JSON carry the same objects, with no import-order id.
TEST_F(CliEndToEndTest, StatusAndTheReportJsonWriteTheSameExposureObject) {
  ASSERT_EQ(Ttmtrack({"import", JanuaryScan(), FebruaryRescan()}).exit_code, 0);
  // Deadlines and staleness are judged at the report's time and at the store's clock.
  const json status =
      json::parse(
          cli_.Run({"status", "--format", "json"}, {"TTMTRACK_NOW=2026-03-01T00:00:00Z"}).out)
          .at(0);
  ASSERT_EQ(Ttmtrack({"report", "--out", "r", "--format", "json", "--generated-at",
                      "2026-03-01T00:00:00Z"})
                .exit_code,
            0);
  const json index = json::parse(test::ReadFileBytes(dir_.File("r/index.json")));
  EXPECT_EQ(index["hosts"].at(0)["exposures"].at(0), status);
  const json host = json::parse(test::ReadFileBytes(dir_.File("r/hosts/10.0.0.5.json")));
  const json& exposure = host["exposures"].at(0);
  for (const auto& [key, value] : status.items()) EXPECT_EQ(exposure[key], value) << key;
  EXPECT_FALSE(exposure["verified_by"].contains("id"));
  EXPECT_EQ(host["host"]["scans"].at(1), status["verified_by"]);
}

TEST_F(CliEndToEndTest, ReimportingTheSameBytesSaysSoAndChangesNothing) {
  const std::string scan = JanuaryScan();
  ASSERT_EQ(Ttmtrack({"import", scan}).exit_code, 0);
  const std::string before = DumpDatabase(Db());
  const ProcessResult again = Ttmtrack({"import", scan});
  EXPECT_EQ(again.exit_code, 0);
  EXPECT_NE(again.out.find("already imported as scan 1; nothing to do"), std::string::npos)
      << again.out;
  EXPECT_EQ(DumpDatabase(Db()), before);
}

TEST_F(CliEndToEndTest, TruncatedFileFailsWithLocationAndLeavesTheDatabaseAsItWas) {
  ASSERT_EQ(Ttmtrack({"import", JanuaryScan()}).exit_code, 0);
  const std::string before = DumpDatabase(Db());
  const std::string truncated = Truncated(FebruaryRescan(), "cut.nessus");
  const ProcessResult result = Ttmtrack({"import", truncated});
  EXPECT_EQ(result.exit_code, 65);
  // FILE:LINE:COL: message
  EXPECT_NE(result.err.find("cut.nessus:"), std::string::npos) << result.err;
  EXPECT_TRUE(result.out.empty()) << result.out;
  EXPECT_EQ(DumpDatabase(Db()), before);
}

TEST_F(CliEndToEndTest, OtherFilesStillImportWhenOneFailsAndTheExitCodeIsTheFirstFailure) {
  const std::string good = JanuaryScan();
  const std::string truncated = Truncated(FebruaryRescan(), "cut.nessus");
  const std::string missing = dir_.File("does-not-exist.nessus");
  const ProcessResult result = Ttmtrack({"import", missing, truncated, good});
  EXPECT_EQ(result.exit_code, 66) << result.err;
  EXPECT_NE(result.err.find("does-not-exist.nessus"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("cut.nessus:"), std::string::npos) << result.err;
  EXPECT_NE(result.out.find("jan.nessus: imported as scan"), std::string::npos) << result.out;
  const json scans = json::parse(Ttmtrack({"scans", "--format", "json"}).out);
  ASSERT_EQ(scans.size(), 1u);
  EXPECT_EQ(scans[0]["file"], good);
}

TEST_F(CliEndToEndTest, ImportJsonReportsEveryFile) {
  const std::string good = JanuaryScan();
  const std::string bad = Write("not-xml.nessus", "this is not XML\n");
  const ProcessResult result = Ttmtrack({"import", "--format", "json", good, bad});
  EXPECT_EQ(result.exit_code, 65);
  const json files = json::parse(result.out);
  ASSERT_EQ(files.size(), 2u);
  EXPECT_EQ(files[0]["status"], "imported");
  EXPECT_EQ(files[0]["exposures"]["new"], 1);
  EXPECT_EQ(files[1]["status"], "failed");
  EXPECT_EQ(files[1]["line"], 1);
  EXPECT_NE(files[1]["error"].get<std::string>().find("not-xml.nessus:1"), std::string::npos);
}

TEST_F(CliEndToEndTest, HostileEntityFilesAreRejectedAndStoreNothing) {
  const std::string xxe =
      Write("xxe.nessus",
            "<?xml version=\"1.0\"?>\n"
            "<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
            "<NessusClientData_v2><Report name=\"&x;\"/></NessusClientData_v2>\n");
  std::string bomb = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\">";
  for (int i = 1; i < 10; ++i) {
    bomb += "<!ENTITY lol" + std::to_string(i) + " \"";
    for (int k = 0; k < 10; ++k)
      bomb += "&lol" + (i == 1 ? std::string() : std::to_string(i - 1)) + ";";
    bomb += "\">";
  }
  bomb += "]>\n<NessusClientData_v2><Report name=\"&lol9;\"/></NessusClientData_v2>\n";
  const std::string laughs = Write("laughs.nessus", bomb);
  const ProcessResult result = Ttmtrack({"import", xxe, laughs});
  EXPECT_EQ(result.exit_code, 65);
  EXPECT_NE(result.err.find("xxe.nessus:2"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("laughs.nessus:2"), std::string::npos) << result.err;
  EXPECT_EQ(result.err.find("root:"), std::string::npos) << "file contents leaked";
  EXPECT_EQ(json::parse(Ttmtrack({"scans", "--format", "json"}).out).size(), 0u);
}

TEST_F(CliEndToEndTest, ReadCommandsRefuseAMissingDatabase) {
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"status"}, {"scans"}, {"detections"}, {"history", "10.0.0.5"}, {"report"}}) {
    const ProcessResult result = Ttmtrack(args);
    EXPECT_EQ(result.exit_code, 66) << args[0];
    EXPECT_NE(result.err.find("import a scan first"), std::string::npos) << result.err;
  }
  EXPECT_FALSE(std::filesystem::exists(Db()));
}

TEST_F(CliEndToEndTest, EnvironmentVariableChoosesTheDatabase) {
  const ProcessResult import =
      cli_without_db_flag_.Run({"import", JanuaryScan()}, {"TTMTRACK_DB=" + Db()});
  ASSERT_EQ(import.exit_code, 0) << import.err;
  EXPECT_TRUE(std::filesystem::exists(Db()));
  EXPECT_FALSE(std::filesystem::exists(dir_.File("ttmtrack.db")));
}

TEST_F(CliEndToEndTest, SqlitePrefixNamesTheSameDatabaseFile) {
  const ProcessResult import =
      cli_without_db_flag_.Run({"--db", "sqlite:" + Db(), "import", JanuaryScan()});
  ASSERT_EQ(import.exit_code, 0) << import.err;
  ASSERT_TRUE(std::filesystem::exists(Db()));
  const ProcessResult scans = Ttmtrack({"scans"});  // the plain path
  ASSERT_EQ(scans.exit_code, 0) << scans.err;
  EXPECT_NE(scans.out.find("jan.nessus"), std::string::npos) << scans.out;
}

TEST_F(CliEndToEndTest, PostgresqlLocationIsAUsageErrorUntilItIsBuilt) {
  for (const std::string location : {"postgresql://ttm@127.0.0.1/ttm", "postgres://localhost/t"}) {
    for (const auto& command : std::vector<std::string>{"status", "import"}) {
      std::vector<std::string> args{"--db", location, command};
      if (command == "import") args.push_back(JanuaryScan());
      const ProcessResult result = cli_without_db_flag_.Run(args);
      EXPECT_EQ(result.exit_code, 64) << location << " " << command;
      EXPECT_NE(result.err.find("PostgreSQL support is not built yet"), std::string::npos)
          << result.err;
    }
  }
  EXPECT_FALSE(std::filesystem::exists(dir_.File("ttmtrack.db")));
}

TEST_F(CliEndToEndTest, DefaultDatabaseIsInTheWorkingDirectory) {
  ASSERT_EQ(cli_without_db_flag_.Run({"import", JanuaryScan()}).exit_code, 0);
  EXPECT_TRUE(std::filesystem::exists(dir_.File("ttmtrack.db")));
}

TEST_F(CliEndToEndTest, HistoryExplainsEachOutcomeAndUnknownHostsExit66) {
  const std::string jan = JanuaryScan();
  const std::string missing_host = Generate(
      "feb-other.nessus", {"nessus", "--time", "2026-02-01T10:00:00Z", "--host", "10.0.0.9"});
  ASSERT_EQ(Ttmtrack({"import", jan, missing_host}).exit_code, 0);
  const ProcessResult history = Ttmtrack({"history", "10.0.0.5", "--format", "json"});
  ASSERT_EQ(history.exit_code, 0) << history.err;
  const json rows = json::parse(history.out);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0]["outcome"], "detected");
  EXPECT_EQ(rows[0]["state_after"], "open");
  EXPECT_TRUE(rows[0]["reason"].is_null());
  EXPECT_EQ(rows[1]["outcome"], "not-covered");
  EXPECT_EQ(rows[1]["reason"], "host-not-in-scan");
  EXPECT_EQ(rows[1]["state_after"], "open");
  EXPECT_EQ(rows[1]["file"], missing_host);

  const ProcessResult unknown = Ttmtrack({"history", "10.9.9.9"});
  EXPECT_EQ(unknown.exit_code, 66);
  EXPECT_NE(unknown.err.find("10.9.9.9"), std::string::npos);
}

TEST_F(CliEndToEndTest, UserRuleTurnsAForeignPluginIntoADetection) {
  const std::string vendor =
      Generate("vendor.nessus", {"nessus", "--time", "2026-01-05T10:00:00Z", "--detect-id",
                                 "777001", "--detect-name", "Vendor middleware listener",
                                 "--detect-svc", "unknown", "--host", "10.0.0.7:detect=5010"});
  ASSERT_EQ(Ttmtrack({"rules", "add", "--nessus-id", "777001", "--note", "vendor"}).exit_code, 0);
  const json rules = json::parse(Ttmtrack({"rules", "list", "--format", "json"}).out);
  bool found = false;
  for (const json& rule : rules) {
    found = found || (rule["value"] == "777001" && rule["origin"] == "user");
  }
  EXPECT_TRUE(found) << rules.dump();
  ASSERT_EQ(Ttmtrack({"import", vendor}).exit_code, 0);
  const json detections = json::parse(Ttmtrack({"detections", "--format", "json"}).out);
  ASSERT_EQ(detections.size(), 1u);
  EXPECT_EQ(detections[0]["plugin_id"], "777001");
  EXPECT_EQ(detections[0]["ip"], "10.0.0.7");
}

TEST_F(CliEndToEndTest, StatusHistoryAndReportShowTheTierWithItsEvidence) {
  const std::string silent = Generate(
      "silent.nessus",
      {"nessus", "--time", "2026-01-05T10:00:00Z", "--detect-id", "9564502", "--detect-name",
       "Trading Technologies Messaging (TTM) Possible ttm_cmd Listener (Unconfirmed)",
       "--detect-svc", "unknown", "--host", "10.0.0.5:detect=5010"});
  const std::string answered =
      Generate("answered.nessus",
               {"nessus", "--time", "2026-02-05T10:00:00Z", "--host", "10.0.0.5:detect=5010"});
  ASSERT_EQ(Ttmtrack({"import", silent}).exit_code, 0);
  json status = json::parse(Ttmtrack({"status", "--format", "json"}).out);
  ASSERT_EQ(status.size(), 1u);
  EXPECT_EQ(status[0]["state"], "open");
  EXPECT_EQ(status[0]["tier"], "unconfirmed");
  const json detections = json::parse(Ttmtrack({"detections", "--format", "json"}).out);
  ASSERT_EQ(detections.size(), 1u);
  EXPECT_EQ(detections[0]["tier"], "unconfirmed");
  EXPECT_EQ(detections[0]["rule"]["tier"], "unconfirmed");
  EXPECT_EQ(detections[0]["rule"]["value"], "9564502");
  const ProcessResult table = Ttmtrack({"status"});
  EXPECT_NE(table.out.find("TIER"), std::string::npos) << table.out;
  EXPECT_NE(table.out.find("unconfirmed"), std::string::npos) << table.out;

  // A later confirmed detection makes the exposure confirmed; history keeps each scan's tier.
  ASSERT_EQ(Ttmtrack({"import", answered}).exit_code, 0);
  status = json::parse(Ttmtrack({"status", "--format", "json"}).out);
  EXPECT_EQ(status[0]["tier"], "confirmed");
  const json history = json::parse(Ttmtrack({"history", "10.0.0.5", "--format", "json"}).out);
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[0]["tier"], "unconfirmed");
  EXPECT_EQ(history[0]["evidence"], detections[0]["output"]);
  EXPECT_EQ(history[1]["tier"], "confirmed");
  EXPECT_TRUE(history[1]["evidence"].is_string());

  ASSERT_EQ(Ttmtrack({"report", "--out", dir_.File("report"), "--format", "json"}).exit_code, 0);
  std::ifstream host_file(dir_.File("report/hosts/10.0.0.5.json"));
  ASSERT_TRUE(host_file) << "no host JSON";
  const json host = json::parse(host_file);
  ASSERT_EQ(host["exposures"].size(), 1u);
  EXPECT_EQ(host["exposures"][0]["tier"], "confirmed");
  ASSERT_EQ(host["exposures"][0]["evidence"].size(), 2u);
  EXPECT_EQ(host["exposures"][0]["evidence"][0]["tier"], "unconfirmed");
  EXPECT_EQ(host["exposures"][0]["evidence"][1]["tier"], "confirmed");
}

TEST_F(CliEndToEndTest, HostileStringsStayInertInTablesAndCsv) {
  // A formula for spreadsheets that open the CSV, and a C1 control (U+009B, CSI) that XML may
  // carry: ESC itself cannot appear in well-formed XML 1.0.
  const std::string formula =
      "=cmd|' /C calc'!A0\xc2\x9b"
      "2J\nnext line";
  const std::string hostile = Generate(
      "hostile.nessus", {"nessus", "--host", "10.0.0.5:detect=5010", "--detect-output", formula});
  ASSERT_EQ(Ttmtrack({"import", hostile}).exit_code, 0);
  const ProcessResult table = Ttmtrack({"detections"});
  EXPECT_EQ(table.exit_code, 0);
  EXPECT_EQ(table.out.find("\xc2\x9b"), std::string::npos) << table.out;
  // The table shows the output's first line, its control characters as escapes.
  EXPECT_NE(table.out.find("\\x9b2J ..."), std::string::npos) << table.out;
  const ProcessResult csv = Ttmtrack({"detections", "--format", "csv"});
  EXPECT_NE(csv.out.find("\"'=cmd|"), std::string::npos) << csv.out;
  // JSON carries the evidence verbatim.
  const json rows = json::parse(Ttmtrack({"detections", "--format", "json"}).out);
  EXPECT_EQ(rows[0]["output"], formula);
}

TEST_F(CliEndToEndTest, ReportWritesTheSummaryAndHostPages) {
  ASSERT_EQ(Ttmtrack({"import", JanuaryScan(), FebruaryRescan()}).exit_code, 0);
  const std::string out = dir_.File("report");
  const ProcessResult report = Ttmtrack({"report", "--out", out, "--trusted-net", "10.20.0.0/16",
                                         "--generated-at", "2026-03-01T09:00:00Z"});
  ASSERT_EQ(report.exit_code, 0) << report.err;
  EXPECT_EQ(report.out, "wrote " + out + "/index.html and 1 host page in " + out + "/hosts\n");
  // The summary lists the one exposed host, with its state, linking to its page.
  const std::string summary = test::ReadFileBytes(out + "/index.html");
  for (const char* fact :
       {"<h1>ttm_cmd exposure report</h1>", "href=\"hosts/10.0.0.5.html\"",
        "href=\"hosts/10.0.0.5.html#exposure-5010-tcp\"", ">fixed<", "trd-01.example"}) {
    EXPECT_NE(summary.find(fact), std::string::npos) << fact;
  }
  // One page per host that ever had an exposure: 10.0.0.6 never had one.
  std::vector<std::string> pages;
  for (const auto& entry : std::filesystem::directory_iterator(out + "/hosts")) {
    pages.push_back(entry.path().filename().string());
  }
  EXPECT_EQ(pages, std::vector<std::string>{"10.0.0.5.html"});
  // The host page: identity, the proof of the state, and firewall rules for the real port and
  // the trusted network.
  const std::string page = test::ReadFileBytes(out + "/hosts/10.0.0.5.html");
  for (const char* fact :
       {"<h1>10.0.0.5</h1>", "trd-01.example", "Fixed: verified by scan",
        "on 2026-02-05 10:00 UTC, which scanned the host completely",
        "-s 10.20.0.0/16 -p tcp -m tcp --dport 5010", "--dport 5010 -m comment"}) {
    EXPECT_NE(page.find(fact), std::string::npos) << fact;
  }
  // Same database, same --generated-at: byte-identical files.
  const std::string again = dir_.File("report2");
  ASSERT_EQ(Ttmtrack({"report", "--out", again, "--trusted-net", "10.20.0.0/16", "--generated-at",
                      "2026-03-01T09:00:00Z"})
                .exit_code,
            0);
  EXPECT_EQ(test::ReadFileBytes(again + "/index.html"), test::ReadFileBytes(out + "/index.html"));
  EXPECT_EQ(test::ReadFileBytes(again + "/hosts/10.0.0.5.html"), page);
}

// Every listing orders hosts alike (core::HostKeyLess): IPv4 numerically, then IPv6
// numerically — text order would put 2001:db8::10 before 2001:db8::9. status once sorted IPv6
// as text while the report sorted it by number. An IPv4-mapped address is its IPv4 host.
TEST_F(CliEndToEndTest, StatusDetectionsAndReportListHostsInOneOrder) {
  const std::string scan = Generate(
      "mixed.nessus", {"nessus", "--time", "2026-01-05T10:00:00Z", "--host",
                       "2001:db8::10,detect=5010", "--host", "10.0.0.10:detect=5010", "--host",
                       "2001:db8::a,detect=5010", "--host", "::FFFF:10.0.0.8,detect=5010", "--host",
                       "2001:db8::9,detect=5010", "--host", "10.0.0.9:detect=5010"});
  ASSERT_EQ(Ttmtrack({"import", scan}).exit_code, 0);
  const std::vector<std::string> expected = {"10.0.0.8",    "10.0.0.9",    "10.0.0.10",
                                             "2001:db8::9", "2001:db8::a", "2001:db8::10"};
  auto ips = [](const json& rows) {
    std::vector<std::string> out;
    for (const json& row : rows) out.push_back(row["ip"]);
    return out;
  };
  EXPECT_EQ(ips(json::parse(Ttmtrack({"status", "--format", "json"}).out)), expected);
  EXPECT_EQ(ips(json::parse(Ttmtrack({"detections", "--format", "json"}).out)), expected);
  const std::string out = dir_.File("report");
  ASSERT_EQ(Ttmtrack({"report", "--out", out, "--format", "json"}).exit_code, 0);
  EXPECT_EQ(ips(json::parse(test::ReadFileBytes(out + "/index.json"))["hosts"]), expected);

  // Any spelling of the mapped host finds it.
  for (const char* typed : {"::ffff:10.0.0.8", "::FFFF:a00:8", "10.0.0.8"}) {
    const ProcessResult status = Ttmtrack({"status", "--host", typed, "--format", "json"});
    ASSERT_EQ(status.exit_code, 0) << status.err;
    const json rows = json::parse(status.out);
    EXPECT_EQ(ips(rows), std::vector<std::string>{"10.0.0.8"}) << typed;
    // The scanned name "::FFFF:10.0.0.8" is the address, not a host name.
    EXPECT_TRUE(rows[0]["hostname"].is_null()) << rows.dump();
    EXPECT_EQ(Ttmtrack({"history", typed}).exit_code, 0) << typed;
  }
}

TEST_F(CliEndToEndTest, BadTrustedNetworkIsAUsageErrorThatSuggestsTheNetwork) {
  ASSERT_EQ(Ttmtrack({"import", JanuaryScan()}).exit_code, 0);
  const ProcessResult report =
      Ttmtrack({"report", "--out", dir_.File("r"), "--trusted-net", "10.20.0.1/16"});
  EXPECT_EQ(report.exit_code, 64);
  EXPECT_NE(report.err.find("--trusted-net '10.20.0.1/16': host bits are set after /16; did you "
                            "mean 10.20.0.0/16? (expected a network in CIDR notation"),
            std::string::npos)
      << report.err;
  const ProcessResult name = Ttmtrack({"report", "--out", dir_.File("r"), "--trusted-net",
                                       "10.20.0.0/16", "--trusted-net", "example.net/24"});
  EXPECT_EQ(name.exit_code, 64);
  EXPECT_NE(name.err.find("--trusted-net 'example.net/24': 'example.net' is not an IP address"),
            std::string::npos)
      << name.err;
  EXPECT_FALSE(std::filesystem::exists(dir_.File("r")));
}

TEST_F(CliEndToEndTest, UsageErrorsExit64AndHelpDocumentsExitCodes) {
  EXPECT_EQ(Ttmtrack({"frobnicate"}).exit_code, 64);
  EXPECT_EQ(Ttmtrack({"status", "--state", "closed"}).exit_code, 64);
  const ProcessResult help = Ttmtrack({"--help"});
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("Exit codes"), std::string::npos);
  const ProcessResult import_help = Ttmtrack({"import", "--help"});
  EXPECT_EQ(import_help.exit_code, 0);
  EXPECT_NE(import_help.out.find("gzip"), std::string::npos);
}

// The bundled samples (scripts/demo.sh imports them): what a newcomer sees first.
class CliSampleTest : public CliEndToEndTest {
 protected:
  void SetUp() override {
    std::vector<std::string> args{"import"};
    for (const char* name :
         {"2026-01-12-trading-nessus.nessus", "2026-01-26-trading-openvas.xml.gz",
          "2026-02-16-trading-verification.nessus", "2026-03-16-trading-nessus.nessus"}) {
      args.push_back(std::string(TTMTRACK_SOURCE_DIR) + "/samples/scans/" + name);
    }
    const ProcessResult import = Ttmtrack(args);
    ASSERT_EQ(import.exit_code, 0) << import.err;
  }
};

TEST_F(CliSampleTest, HistoryTableShowsTheWholeFileAndTheBasisOfEveryRow) {
  const ProcessResult history = Ttmtrack({"history", "10.40.8.13"});
  ASSERT_EQ(history.exit_code, 0) << history.err;
  EXPECT_NE(history.out.find("2026-02-16-trading-verification.nessus"), std::string::npos)
      << history.out;
  EXPECT_NE(history.out.find("BASIS"), std::string::npos) << history.out;
  // The absent row that fixed it says why the scan could have seen the listener.
  EXPECT_NE(history.out.find("absent       fixed"), std::string::npos) << history.out;
  EXPECT_NE(history.out.find("port 5010/tcp is inside the scanned range 1-65535"),
            std::string::npos)
      << history.out;
  // docs/json.md: "none" is null, never "".
  for (const json& row : json::parse(Ttmtrack({"history", "10.40.8.13", "--format", "json"}).out)) {
    for (const char* key : {"reason", "assumption", "basis"}) {
      EXPECT_TRUE(row[key].is_null() || !row[key].get<std::string>().empty()) << key << row;
    }
  }
}

TEST_F(CliSampleTest, HistoryOfTextThatIsNoAddressIsAUsageError) {
  const ProcessResult result = Ttmtrack({"history", "not-an-ip"});
  EXPECT_EQ(result.exit_code, 64);
  EXPECT_NE(result.err.find("'not-an-ip' is not a valid IP address"), std::string::npos)
      << result.err;
  const ProcessResult port = Ttmtrack({"history", "10.40.8.11", "--port", "99999"});
  EXPECT_EQ(port.exit_code, 64);
  EXPECT_NE(port.err.find("1 to 65535"), std::string::npos) << port.err;
  EXPECT_EQ(Ttmtrack({"history", "10.40.8.99"}).exit_code, 66);
}

TEST_F(CliSampleTest, DetectionsTableShowsTheOutputsFirstLineWithoutEscapes) {
  const ProcessResult table = Ttmtrack({"detections"});
  ASSERT_EQ(table.exit_code, 0) << table.err;
  EXPECT_EQ(table.out.find("\\n"), std::string::npos) << table.out;
  EXPECT_NE(table.out.find("  A Trading Technologies Messaging (TTM) ttm_cmd listener"),
            std::string::npos)
      << table.out;
  // The whole output, line breaks and all, stays in JSON.
  const json rows = json::parse(Ttmtrack({"detections", "--format", "json"}).out);
  ASSERT_FALSE(rows.empty());
  EXPECT_NE(rows[0]["output"].get<std::string>().find('\n'), std::string::npos);
}

TEST_F(CliSampleTest, ScansMarkWhatASettingAssumed) {
  const auto line_of = [](const std::string& out, const std::string& file) {
    const std::size_t at = out.find(file);
    return at == std::string::npos ? std::string() : out.substr(at, out.find('\n', at) - at);
  };
  const ProcessResult scans = Ttmtrack({"scans"});
  ASSERT_EQ(scans.exit_code, 0) << scans.err;
  // OpenVAS states no port range; Nessus states no result filter.
  EXPECT_NE(line_of(scans.out, "2026-01-26-trading-openvas").find("all (assumed)"),
            std::string::npos)
      << scans.out;
  EXPECT_NE(line_of(scans.out, "2026-01-12-trading-nessus").find("yes (assumed)"),
            std::string::npos)
      << scans.out;
  ASSERT_EQ(Ttmtrack({"config", "set", "coverage.port-unknown", "strict"}).exit_code, 0);
  const std::string strict = Ttmtrack({"scans"}).out;
  EXPECT_EQ(line_of(strict, "2026-01-26-trading-openvas").find("all (assumed)"), std::string::npos)
      << strict;
  EXPECT_NE(line_of(strict, "2026-01-26-trading-openvas").find("unknown"), std::string::npos)
      << strict;
  EXPECT_NE(Ttmtrack({"scans", "--help"}).out.find("COMPLETE EXPORT"), std::string::npos);
}

TEST_F(CliSampleTest, ConfigDescribeSaysWhatAssumeAndStrictMean) {
  const ProcessResult describe = Ttmtrack({"config", "describe", "coverage.plugin-unknown"});
  ASSERT_EQ(describe.exit_code, 0) << describe.err;
  EXPECT_NE(describe.out.find("assume: the missing fact counts as covered"), std::string::npos)
      << describe.out;
  EXPECT_NE(describe.out.find("strict: the missing fact makes the scan not cover"),
            std::string::npos)
      << describe.out;
  EXPECT_EQ(Ttmtrack({"config", "describe", "coverage.nope"}).exit_code, 64);
  // config list shows every description whole (wrapped only on a terminal).
  const ProcessResult list = Ttmtrack({"config", "list"});
  EXPECT_EQ(list.out.find("..."), std::string::npos) << list.out;
}

TEST_F(CliEndToEndTest, ConfigDescribeNeedsNoDatabase) {
  const ProcessResult describe = Ttmtrack({"config", "describe"});
  ASSERT_EQ(describe.exit_code, 0) << describe.err;
  EXPECT_NE(describe.out.find("coverage.host-unknown = assume"), std::string::npos) << describe.out;
  EXPECT_FALSE(std::filesystem::exists(Db()));
}

TEST_F(CliEndToEndTest, UnknownCommandSuggestsTheNearestAndExits64) {
  const ProcessResult result = Ttmtrack({"stats"});
  EXPECT_EQ(result.exit_code, 64);
  EXPECT_NE(result.err.find("unknown command 'stats' (did you mean 'status'?)"), std::string::npos)
      << result.err;
  EXPECT_EQ(result.err.find("subcommand is required"), std::string::npos) << result.err;
}

TEST_F(CliEndToEndTest, ConfigSetChangesTheCoverageAssumption) {
  const std::string jan = JanuaryScan();
  const std::string gvm =
      Generate("feb.xml", {"gvm", "--time", "2026-02-05T10:00:00Z", "--host", "10.0.0.5"});
  ASSERT_EQ(Ttmtrack({"import", jan, gvm}).exit_code, 0);
  EXPECT_EQ(json::parse(Ttmtrack({"status", "--format", "json"}).out)[0]["state"], "fixed");
  const ProcessResult set = Ttmtrack({"config", "set", "coverage.plugin-unknown", "strict"});
  ASSERT_EQ(set.exit_code, 0) << set.err;
  EXPECT_EQ(json::parse(Ttmtrack({"status", "--format", "json"}).out)[0]["state"], "open");
  EXPECT_EQ(Ttmtrack({"config", "set", "coverage.plugin-unknown", "maybe"}).exit_code, 64);
  EXPECT_EQ(Ttmtrack({"config", "get", "coverage.plugin-unknown"}).out, "strict\n");
  const json settings = json::parse(Ttmtrack({"config", "list", "--format", "json"}).out);
  ASSERT_EQ(settings.size(), 8u);
  EXPECT_EQ(settings[0], (json{{"key", "coverage.plugin-unknown"},
                               {"value", "strict"},
                               {"default", "assume"},
                               {"allowed", "assume|strict"},
                               {"description", settings[0]["description"]}}));
  EXPECT_FALSE(settings[0]["description"].get<std::string>().empty());
}

}  // namespace
}  // namespace ttmtrack
