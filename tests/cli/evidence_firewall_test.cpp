// `ttmtrack evidence firewall` end to end, with the real binary on real SQLite files and the
// rulesets of tests/data/firewall (written by the real tools, answers worked out by hand in
// tests/evidence/firewall_evaluator_test.cpp): exit codes, the stored answers, history rows, the
// host page and JSON report, and a malformed file that leaves the database as it was
// (docs/verification.md, "Firewall-ruleset evidence").
#include <algorithm>
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

constexpr const char* kHost = "192.0.2.10";
constexpr const char* kCollected = "2026-03-01T09:00:00Z";

std::string Ruleset(const std::string& name) {
  return std::string(TTMTRACK_SOURCE_DIR) + "/tests/data/firewall/" + name;
}

class EvidenceFirewallTest : public ::testing::Test {
 protected:
  // One Nessus scan that detects ttm_cmd on 192.0.2.10, ports 5010 and 5011.
  void SetUp() override {
    const std::string scan = dir_.File("jan.nessus");
    ASSERT_NO_FATAL_FAILURE(
        test::GenerateExport(scan, {"nessus", "--time", "2026-01-05T10:00:00Z", "--host",
                                    std::string(kHost) + ":detect=5010+5011"}));
    const ProcessResult import = cli_.Run({"import", scan});
    ASSERT_EQ(import.exit_code, 0) << import.err;
  }

  // `evidence firewall kHost FILE` collected kCollected, trusted 10.20.0.0/16, as JSON rows.
  ProcessResult Evidence(const std::string& file, std::vector<std::string> extra = {}) const {
    std::vector<std::string> args{"evidence",       "firewall", kHost,      file,
                                  "--collected-at", kCollected, "--format", "json"};
    if (extra.empty()) extra = {"--trusted-net", "10.20.0.0/16"};
    args.insert(args.end(), extra.begin(), extra.end());
    return cli_.Run(args);
  }

  static json Row(const ProcessResult& result, int port) {
    for (const json& row : json::parse(result.out)) {
      if (row["port"] == port) return row;
    }
    ADD_FAILURE() << "no row for port " << port << " in " << result.out;
    return json::object();
  }

  std::string Write(const std::string& name, const std::string& content) {
    std::ofstream(dir_.File(name), std::ios::binary) << content;
    return dir_.File(name);
  }

  test::TempDir dir_;
  test::TtmtrackCli cli_{dir_.path()};
};

TEST_F(EvidenceFirewallTest, AdvisoryBeforeRulesAreAllowedAndAfterRulesBlocked) {
  const ProcessResult before = Evidence(Ruleset("advisory-before.iptables"));
  EXPECT_EQ(before.exit_code, 1) << before.err;  // the fix is missing
  const json allowed = Row(before, 5010);
  EXPECT_EQ(allowed["verdict"], "allowed");
  EXPECT_EQ(allowed["rule"], "the policy of chain INPUT");
  EXPECT_EQ(allowed["format"], "iptables-save");
  EXPECT_EQ(allowed["collected_at"], kCollected);
  EXPECT_EQ(allowed["trusted_networks"], "10.20.0.0/16");
  EXPECT_EQ(allowed["sha256"].get<std::string>().size(), 64U);

  const ProcessResult after = Evidence(Ruleset("advisory-after.iptables"));
  EXPECT_EQ(after.exit_code, 1) << after.err;  // 5011 is still open: the fix names 5010 only
  const json blocked = Row(after, 5010);
  EXPECT_EQ(blocked["verdict"], "blocked");
  EXPECT_EQ(blocked["rule"], "rule 2 of chain INPUT");
  EXPECT_EQ(blocked["rule_text"],
            "-p tcp -m tcp --dport 5010 -m comment --comment \"ttmtrack c564e5ab\" -j DROP");
  EXPECT_EQ(blocked["sentence"],
            "firewall ruleset collected 2026-03-01: port 5010/tcp blocked from untrusted sources "
            "by rule 2 of chain INPUT");
  EXPECT_EQ(Row(after, 5011)["verdict"], "allowed");
  EXPECT_NE(blocked["sha256"], allowed["sha256"]);

  // Evidence only: the exposure stays open (docs/verification.md).
  const auto status = cli_.Json({"status", "--format", "json"});
  ASSERT_TRUE(status);
  for (const json& row : *status) EXPECT_EQ(row["state"], "open");
}

TEST_F(EvidenceFirewallTest, EveryExposureBlockedExitsZeroAndATableNamesTheRule) {
  // A default-drop policy that accepts only the trusted network: both ports blocked.
  const std::string rules = Write("all-blocked.rules",
                                  "*filter\n"
                                  ":INPUT DROP [0:0]\n"
                                  "-A INPUT -s 10.20.0.0/16 -p tcp -j ACCEPT\n"
                                  "COMMIT\n");
  const ProcessResult table = cli_.Run({"evidence", "firewall", kHost, rules, "--collected-at",
                                        kCollected, "--trusted-net", "10.20.0.0/16"});
  EXPECT_EQ(table.exit_code, 0) << table.err;
  EXPECT_NE(table.out.find("VERDICT"), std::string::npos) << table.out;
  EXPECT_NE(table.out.find("port 5010/tcp blocked from untrusted sources by the policy of "
                           "chain INPUT"),
            std::string::npos)
      << table.out;
}

TEST_F(EvidenceFirewallTest, NftJsonAnswersWithTheNftRule) {
  const ProcessResult result = Evidence(Ruleset("advisory-after.json"));
  EXPECT_EQ(result.exit_code, 1) << result.err;
  const json row = Row(result, 5010);
  EXPECT_EQ(row["verdict"], "blocked");
  EXPECT_EQ(row["rule"], "rule 3 of chain inet filter input");
  EXPECT_EQ(row["format"], "nft -j list ruleset");
}

TEST_F(EvidenceFirewallTest, AnUnsupportedMatchThatDecidesIsUnknown) {
  const ProcessResult result = Evidence(Ruleset("unsupported.iptables"));
  EXPECT_EQ(result.exit_code, 2) << result.out << result.err;  // unknown, none allowed
  EXPECT_EQ(Row(result, 5010)["verdict"], "blocked");  // dropped whichever way -m recent goes
  const json unknown = Row(result, 5011);
  EXPECT_EQ(unknown["verdict"], "unknown");
  EXPECT_EQ(unknown["rule"], "rule 3 of chain INPUT");
  EXPECT_EQ(unknown["reason"], "match -m recent is not evaluated");
}

TEST_F(EvidenceFirewallTest, TrustedNetworksDefaultToTheConfiguredOnes) {
  // Without any trusted network every source is untrusted: the ACCEPT from 10.20.0.0/16 lets
  // some through.
  const ProcessResult untrusted =
      cli_.Run({"evidence", "firewall", kHost, Ruleset("advisory-after.iptables"), "--collected-at",
                kCollected, "--format", "json"});
  EXPECT_EQ(Row(untrusted, 5010)["verdict"], "allowed");
  EXPECT_EQ(Row(untrusted, 5010)["rule"], "rule 1 of chain INPUT");
  const ProcessResult configured =
      cli_.Run({"evidence", "firewall", kHost, Ruleset("advisory-after.iptables"), "--collected-at",
                kCollected, "--format", "json"},
               {"TTMTRACK_REPORT_TRUSTED_NETWORKS=10.20.0.0/16"});
  EXPECT_EQ(Row(configured, 5010)["verdict"], "blocked");
  EXPECT_EQ(Row(configured, 5010)["trusted_networks"], "10.20.0.0/16");
  const ProcessResult bad =
      Evidence(Ruleset("advisory-after.iptables"), {"--trusted-net", "10.20.0.1/16"});
  EXPECT_EQ(bad.exit_code, 64);
  EXPECT_NE(bad.err.find("--trusted-net '10.20.0.1/16'"), std::string::npos) << bad.err;
}

TEST_F(EvidenceFirewallTest, AMalformedFileIsAClearErrorAndStoresNothing) {
  const std::string before = test::DumpDatabase(cli_.DatabasePath());
  const std::string truncated = Write("truncated.rules",
                                      "*filter\n"
                                      ":INPUT ACCEPT [0:0]\n"
                                      "-A INPUT -p tcp --dport 5010 -j DROP\n");
  const ProcessResult result = Evidence(truncated);
  EXPECT_EQ(result.exit_code, 65) << result.err;
  EXPECT_NE(result.err.find("truncated.rules"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("COMMIT"), std::string::npos) << result.err;
  const std::string garbage = Write("garbage.rules", "*filter\n:INPUT ACCEPT\nnot a rule\n");
  const ProcessResult bad_line = Evidence(garbage);
  EXPECT_EQ(bad_line.exit_code, 65) << bad_line.err;
  EXPECT_NE(bad_line.err.find("garbage.rules:3"), std::string::npos) << bad_line.err;
  const ProcessResult bad_json = Evidence(Write("broken.json", R"({"nftables": [{"table": )"));
  EXPECT_EQ(bad_json.exit_code, 65) << bad_json.err;
  EXPECT_NE(bad_json.err.find("broken.json"), std::string::npos) << bad_json.err;
  EXPECT_EQ(test::DumpDatabase(cli_.DatabasePath()), before);
}

TEST_F(EvidenceFirewallTest, AHostWithoutExposuresOrAMissingFileStoresNothing) {
  const std::string before = test::DumpDatabase(cli_.DatabasePath());
  const ProcessResult other =
      cli_.Run({"evidence", "firewall", "192.0.2.99", Ruleset("advisory-after.iptables"),
                "--collected-at", kCollected});
  EXPECT_EQ(other.exit_code, 66) << other.err;
  EXPECT_NE(other.err.find("no exposure recorded for host 192.0.2.99"), std::string::npos)
      << other.err;
  const ProcessResult missing = Evidence(dir_.File("no-such.rules"));
  EXPECT_EQ(missing.exit_code, 66) << missing.err;
  const ProcessResult bad_time =
      cli_.Run({"evidence", "firewall", kHost, Ruleset("advisory-after.iptables"), "--collected-at",
                "yesterday"});
  EXPECT_EQ(bad_time.exit_code, 64) << bad_time.err;
  EXPECT_EQ(test::DumpDatabase(cli_.DatabasePath()), before);
}

TEST_F(EvidenceFirewallTest, HistoryShowsFirewallRowsBesideTheScans) {
  ASSERT_EQ(Evidence(Ruleset("advisory-before.iptables")).exit_code, 1);
  ASSERT_EQ(Evidence(Ruleset("advisory-after.iptables")).exit_code, 1);
  const auto history = cli_.Json({"history", kHost, "--port", "5010", "--format", "json"});
  ASSERT_TRUE(history);
  ASSERT_EQ(history->size(), 3U) << history->dump(1);
  EXPECT_EQ((*history)[0]["source"], "scan");
  for (const std::size_t i : {std::size_t{1}, std::size_t{2}}) {
    const json& row = (*history)[i];
    EXPECT_EQ(row["source"], "firewall-ruleset");
    EXPECT_EQ(row["scanner"], "firewall ruleset");
    EXPECT_EQ(row["time"], kCollected);
    EXPECT_EQ(row["state_after"], "open");  // never a detection, never a fix
  }
  EXPECT_EQ((*history)[1]["outcome"], "allowed");
  EXPECT_EQ((*history)[1]["scan_name"], "iptables-save");
  EXPECT_EQ((*history)[2]["outcome"], "blocked");
  EXPECT_EQ((*history)[2]["scan_name"], "iptables-save and ip6tables-save");
  EXPECT_EQ((*history)[2]["evidence"],
            "firewall ruleset collected 2026-03-01: port 5010/tcp blocked from untrusted "
            "sources by rule 2 of chain INPUT\n"
            "-p tcp -m tcp --dport 5010 -m comment --comment \"ttmtrack c564e5ab\" -j DROP");
  const ProcessResult table = cli_.Run({"history", kHost, "--port", "5010"});
  EXPECT_EQ(table.exit_code, 0) << table.err;
  EXPECT_NE(table.out.find("firewall ruleset"), std::string::npos) << table.out;
}

// Text from the admin's file is untrusted: a hostile rule comment is text on the page.
TEST_F(EvidenceFirewallTest, ReportShowsTheSentenceEscapedInHtmlAndJson) {
  const std::string hostile = Write(
      "hostile.rules",
      "*filter\n"
      ":INPUT ACCEPT [0:0]\n"
      "-A INPUT -s 10.20.0.0/16 -p tcp -m tcp --dport 5010 -j ACCEPT\n"
      "-A INPUT -p tcp -m tcp --dport 5010 -m comment --comment \"<script>alert(1)</script>\" "
      "-j DROP\n"
      "COMMIT\n");
  const ProcessResult stored = Evidence(hostile);
  ASSERT_EQ(stored.exit_code, 1) << stored.err;
  const std::string out = dir_.File("report");
  const ProcessResult html = cli_.Run(
      {"report", "--out", out, "--generated-at", kCollected, "--trusted-net", "10.20.0.0/16"});
  ASSERT_EQ(html.exit_code, 0) << html.err;
  std::string page;
  for (const auto& entry : std::filesystem::directory_iterator(out + "/hosts")) {
    page += test::ReadFileBytes(entry.path().string());
  }
  EXPECT_NE(page.find("firewall ruleset collected 2026-03-01: port 5010/tcp blocked from "
                      "untrusted sources by rule 2 of chain INPUT"),
            std::string::npos);
  EXPECT_NE(page.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_EQ(page.find("<script>alert"), std::string::npos);
  // The remediation section names the rule that proves the fix, and the one missing for 5011.
  EXPECT_NE(page.find("The rule that proves the fix is rule 2 of chain INPUT"), std::string::npos);
  EXPECT_NE(page.find("The fix is missing: the policy of chain INPUT"), std::string::npos);

  const std::string json_out = dir_.File("report-json");
  const ProcessResult as_json =
      cli_.Run({"report", "--out", json_out, "--format", "json", "--generated-at", kCollected});
  ASSERT_EQ(as_json.exit_code, 0) << as_json.err;
  json host;
  for (const auto& entry : std::filesystem::directory_iterator(json_out + "/hosts")) {
    host = json::parse(test::ReadFileBytes(entry.path().string()));
  }
  ASSERT_TRUE(host.contains("exposures")) << host.dump(1);
  const json& checks = host["exposures"][0]["firewall_checks"];
  ASSERT_EQ(checks.size(), 1U) << host.dump(1);
  EXPECT_EQ(checks[0]["verdict"], "blocked");
  EXPECT_EQ(checks[0]["sentence"],
            "firewall ruleset collected 2026-03-01: port 5010/tcp blocked from untrusted "
            "sources by rule 2 of chain INPUT");
  EXPECT_EQ(checks[0]["rule_text"],
            "-p tcp -m tcp --dport 5010 -m comment --comment \"<script>alert(1)</script>\" "
            "-j DROP");
}

TEST_F(EvidenceFirewallTest, HelpDocumentsTheExitCodes) {
  const ProcessResult result = cli_.Run({"evidence", "firewall", "--help"});
  EXPECT_EQ(result.exit_code, 0);
  // The help is wrapped to the terminal's width: compare it as one line.
  ProcessResult help = result;
  std::replace(help.out.begin(), help.out.end(), '\n', ' ');
  EXPECT_NE(help.out.find("--collected-at"), std::string::npos) << help.out;
  EXPECT_NE(help.out.find("--trusted-net"), std::string::npos) << help.out;
  EXPECT_NE(help.out.find("0 every exposure blocked; 1 at least one allowed (the fix is "
                          "missing); 2 none allowed, at least one unknown"),
            std::string::npos)
      << help.out;
}

}  // namespace
}  // namespace ttmtrack
