// `ttmtrack triage`, `status` with decisions, deadlines and staleness, `history` with decisions
// and `gaps`, end to end on the real binary and a real SQLite file (docs/triage.md). The store's
// clock is pinned with TTMTRACK_NOW (docs/cli.md, "Test hooks").
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
using process::RunProcess;

class TriageCommandTest : public ::testing::Test {
 protected:
  ProcessResult At(const std::string& now, const std::vector<std::string>& args) const {
    return cli_.Run(args, {"TTMTRACK_NOW=" + now});
  }
  json JsonAt(const std::string& now, const std::vector<std::string>& args) const {
    const ProcessResult result = At(now, args);
    EXPECT_EQ(result.exit_code, 0) << result.err;
    return result.exit_code == 0 ? json::parse(result.out) : json();
  }

  // ttmtrack-gen with `args`, writing `name` in the test's directory; returns its path.
  std::string Generate(const std::string& name, std::vector<std::string> args) {
    return test::GenerateExport(dir_.File(name), std::move(args));
  }
  void Import(const std::string& now, const std::string& file) {
    const ProcessResult result = At(now, {"import", file});
    ASSERT_EQ(result.exit_code, 0) << result.err;
  }
  void ImportJanuary() {
    Import("2026-01-06T00:00:00Z",
           Generate("jan.nessus", {"nessus", "--time", "2026-01-05T10:00:00Z", "--host",
                                   "10.0.0.5:detect=5010", "--host", "10.0.0.6"}));
  }

  test::TempDir dir_;
  test::TtmtrackCli cli_{dir_.path()};
};

TEST_F(TriageCommandTest, AcceptanceShowsInStatusAndHistoryAndLapsesAtItsDate) {
  ImportJanuary();
  const ProcessResult accept = At(
      "2026-01-07T00:00:00Z", {"triage", "accept", "10.0.0.5:5010", "--reason", "vendor appliance",
                               "--by", "alice", "--until", "2026-03-31", "--ticket", "RISK-7"});
  ASSERT_EQ(accept.exit_code, 0) << accept.err;
  EXPECT_EQ(accept.out,
            "recorded decision 1: accept 10.0.0.5:5010/tcp by alice until "
            "2026-04-01T00:00:00Z\n");
  const json active = JsonAt("2026-03-01T00:00:00Z", {"status", "--format", "json"});
  ASSERT_EQ(active.size(), 1u);
  EXPECT_EQ(active[0]["decision"], "accept");
  EXPECT_EQ(active[0]["decision_status"], "active");
  EXPECT_EQ(active[0]["decision_by"], "alice");
  EXPECT_EQ(active[0]["decision_until"], "2026-04-01T00:00:00Z");
  EXPECT_EQ(active[0]["decision_ticket"], "RISK-7");
  EXPECT_EQ(active[0]["due"], "2026-02-04T10:00:00Z");
  EXPECT_EQ(active[0]["overdue"], false);  // past due, but the risk is accepted
  const json lapsed = JsonAt("2026-04-02T00:00:00Z", {"status", "--format", "json"});
  EXPECT_EQ(lapsed[0]["decision_status"], "lapsed");
  EXPECT_EQ(lapsed[0]["overdue"], true);
  EXPECT_EQ(lapsed[0]["stale"], true);

  const std::string csv = At("2026-03-01T00:00:00Z", {"status", "--format", "csv"}).out;
  EXPECT_NE(csv.find("decision,decision_status,decision_by,decision_until,due,overdue,stale"),
            std::string::npos)
      << csv;
  EXPECT_NE(csv.find(",accept,active,alice,2026-04-01T00:00:00Z,"), std::string::npos) << csv;
  const std::string table = At("2026-03-01T00:00:00Z", {"status"}).out;
  EXPECT_NE(table.find("DECISION BY"), std::string::npos) << table;

  const json history = JsonAt("2026-03-01T00:00:00Z", {"history", "10.0.0.5", "--format", "json"});
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[0]["source"], "scan");
  EXPECT_EQ(history[1]["source"], "decision");
  EXPECT_EQ(history[1]["time"], "2026-01-07T00:00:00Z");
  EXPECT_EQ(history[1]["decision"]["by"], "alice");
  EXPECT_EQ(history[1]["decision"]["reason"], "vendor appliance");
}

TEST_F(TriageCommandTest, StatusFiltersByDecisionOverdueAndStale) {
  ImportJanuary();
  Import("2026-01-13T00:00:00Z",
         Generate("jan2.nessus", {"nessus", "--time", "2026-01-12T10:00:00Z", "--host",
                                  "10.0.0.5:detect=5010", "--host", "10.0.0.6:detect=10200"}));
  ASSERT_EQ(At("2026-01-14T00:00:00Z", {"triage", "false-positive", "10.0.0.6", "--reason",
                                        "a load balancer health port", "--by", "bob"})
                .exit_code,
            0);
  const std::string now = "2026-02-20T00:00:00Z";
  const json fp = JsonAt(now, {"status", "--decision", "false-positive", "--format", "json"});
  ASSERT_EQ(fp.size(), 1u);
  EXPECT_EQ(fp[0]["ip"], "10.0.0.6");
  const json none = JsonAt(now, {"status", "--decision", "none", "--format", "json"});
  ASSERT_EQ(none.size(), 1u);
  EXPECT_EQ(none[0]["ip"], "10.0.0.5");
  const json overdue = JsonAt(now, {"status", "--overdue", "--format", "json"});
  ASSERT_EQ(overdue.size(), 1u);
  EXPECT_EQ(overdue[0]["ip"], "10.0.0.5");
  EXPECT_EQ(JsonAt(now, {"status", "--stale", "--format", "json"}).size(), 2u);
  EXPECT_EQ(At(now, {"status", "--decision", "revoke"}).exit_code, 64);
}

TEST_F(TriageCommandTest, RevokeAddsARecordAndListShowsEveryRecord) {
  ImportJanuary();
  ASSERT_EQ(
      At("2026-01-07T00:00:00Z", {"triage", "compensating-control", "10.0.0.0/24", "--reason",
                                  "ACL on the core switch", "--by", "carol", "--survives-reopen"})
          .exit_code,
      0);
  ASSERT_EQ(At("2026-01-08T00:00:00Z",
               {"triage", "revoke", "10.0.0.0/24", "--reason", "ACL removed", "--by", "carol"})
                .exit_code,
            0);
  const ProcessResult again = At("2026-01-09T00:00:00Z", {"triage", "revoke", "10.0.0.0/24",
                                                          "--reason", "twice", "--by", "carol"});
  EXPECT_EQ(again.exit_code, 64);
  EXPECT_NE(again.err.find("no decision on 10.0.0.0/24 to revoke"), std::string::npos) << again.err;
  const json list = JsonAt("2026-01-09T00:00:00Z", {"triage", "list", "--format", "json"});
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0]["record"], 1);
  EXPECT_EQ(list[0]["decision"], "compensating-control");
  EXPECT_EQ(list[0]["survives_reopen"], true);
  EXPECT_EQ(list[1]["decision"], "revoke");
  EXPECT_EQ(list[1]["reason"], "ACL removed");
  EXPECT_TRUE(
      JsonAt("2026-01-09T00:00:00Z", {"status", "--format", "json"})[0]["decision"].is_null());
}

TEST_F(TriageCommandTest, BadTargetsAndDatesAreUsageErrorsThatStoreNothing) {
  ImportJanuary();
  const std::string before = test::DumpDatabase(cli_.DatabasePath());
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"triage", "accept", "10.0.0.5:99999", "--reason", "r", "--by",
                                 "b"},
        std::vector<std::string>{"triage", "accept", "10.0.0.1/8", "--reason", "r", "--by", "b"},
        std::vector<std::string>{"triage", "accept", "10.0.0.5", "--reason", "r", "--by", "b",
                                 "--until", "next week"},
        std::vector<std::string>{"triage", "accept", "10.0.0.5", "--reason", "r", "--by", "b",
                                 "--until", "2026-01-01"},
        std::vector<std::string>{"triage", "accept", "10.0.0.5", "--by", "b"}}) {
    const ProcessResult result = At("2026-01-07T00:00:00Z", args);
    EXPECT_EQ(result.exit_code, 64) << args[2] << ": " << result.err;
  }
  EXPECT_EQ(test::DumpDatabase(cli_.DatabasePath()), before);
}

TEST_F(TriageCommandTest, GapsListsAHostDroppingOutOfAScanTask) {
  ImportJanuary();
  Import("2026-01-13T00:00:00Z",
         Generate("jan2.nessus",
                  {"nessus", "--time", "2026-01-12T10:00:00Z", "--host", "10.0.0.5:detect=5010"}));
  const json gaps = JsonAt("2026-01-13T00:00:00Z", {"gaps", "--format", "json"});
  ASSERT_EQ(gaps.size(), 1u);
  EXPECT_EQ(gaps[0]["ip"], "10.0.0.6");
  EXPECT_EQ(gaps[0]["last_seen_by"]["file"], dir_.File("jan.nessus"));
  EXPECT_EQ(gaps[0]["latest_scan"]["file"], dir_.File("jan2.nessus"));
  const std::string table = At("2026-01-13T00:00:00Z", {"gaps"}).out;
  EXPECT_NE(table.find("LAST SEEN BY"), std::string::npos) << table;
}

}  // namespace
}  // namespace ttmtrack

namespace ttmtrack {
namespace {

// `report --pack`: the evidence pack holds the report, its JSON form, the triage records and a
// manifest whose hashes match what is inside and the source exports; the same database and
// --generated-at give the same bytes (docs/reports.md, "Evidence pack").
TEST_F(TriageCommandTest, EvidencePackIsSelfVerifyingAndByteIdentical) {
  ImportJanuary();
  ASSERT_EQ(At("2026-01-07T00:00:00Z", {"triage", "accept", "10.0.0.5:5010", "--reason",
                                        "vendor appliance", "--by", "alice"})
                .exit_code,
            0);
  const std::vector<std::string> report{
      "report", "--out", "r", "--generated-at", "2026-02-01T00:00:00Z", "--pack", "pack.zip"};
  const ProcessResult first = At("2026-02-01T00:00:00Z", report);
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_NE(first.out.find("pack.zip"), std::string::npos) << first.out;
  const std::string bytes = test::ReadFileBytes(dir_.File("pack.zip"));
  ASSERT_EQ(At("2026-03-01T00:00:00Z", report).exit_code, 0);
  EXPECT_EQ(test::ReadFileBytes(dir_.File("pack.zip")), bytes);

  // Unpacked with the system's unzip and checked with the system's sha256sum, as an auditor
  // would.
  const ProcessResult unzip =
      RunProcess({"/usr/bin/unzip", "-q", dir_.File("pack.zip"), "-d", dir_.File("unpacked")});
  ASSERT_EQ(unzip.exit_code, 0) << unzip.err;
  const std::string manifest = test::ReadFileBytes(dir_.File("unpacked/MANIFEST.sha256"));
  for (const char* name :
       {"  report/index.html\n", "  report/hosts/10.0.0.5.html\n", "  json/index.json\n",
        "  json/hosts/10.0.0.5.json\n", "  triage/decisions.json\n"}) {
    EXPECT_NE(manifest.find(name), std::string::npos) << name << manifest;
  }
  const std::string source = dir_.File("jan.nessus");
  const std::string source_line = RunProcess({"/usr/bin/sha256sum", source}).out;  // "HASH  PATH\n"
  EXPECT_NE(manifest.find(source_line), std::string::npos) << manifest;
  const std::string inside = manifest.substr(0, manifest.find('#'));
  test::TempDir check;
  std::ofstream(check.File("inside.sha256")) << inside;
  const ProcessResult verified =
      RunProcess({"/bin/sh", "-c",
                  "cd '" + dir_.File("unpacked") + "' && sha256sum -c --quiet '" +
                      check.File("inside.sha256") + "'"});
  EXPECT_EQ(verified.exit_code, 0) << verified.out << verified.err;
  const json triage = json::parse(test::ReadFileBytes(dir_.File("unpacked/triage/decisions.json")));
  ASSERT_EQ(triage.size(), 1u);
  EXPECT_EQ(triage[0]["by"], "alice");
}

}  // namespace
}  // namespace ttmtrack
