// `ttmtrack verify` in-process against real listeners on loopback (the fake ttm_cmd server's
// modes, a closed port, a port that drops SYNs), with exact assertions on what it stores in a
// real SQLite file and on how status and history show it (docs/verification.md,
// "Vantage-point checks").
#include <algorithm>
#include <chrono>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "cli/cli_app.hpp"
#include "db/sqlite/database.hpp"
#include "db/sqlite/statement.hpp"
#include "db/store.hpp"
#include "nasl/fake_server/fake_server.hpp"
#include "tests/evidence/loopback_ports.hpp"
#include "tests/support/database_dump.hpp"
#include "tests/support/temp_dir.hpp"

namespace ttmtrack::cli {
namespace {

using nasl::fake_server::FakeServer;
using nasl::fake_server::FakeServerOptions;
using nasl::fake_server::ServiceMode;
using nlohmann::json;

struct CliRun {
  int exit_code = 0;
  std::string out;
  std::string err;
};

FakeServerOptions Mode(ServiceMode mode) {
  FakeServerOptions options;
  options.mode = mode;
  options.heartbeat_interval = std::chrono::milliseconds(60000);  // never within a check
  return options;
}

class VerifyCommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db::Store store(db_);  // an empty database
    for (FakeServer* server : {&ttm_, &silent_, &http_}) server->Start();
  }

  CliRun Ttmtrack(std::vector<std::string> args) const {
    args.insert(args.begin(), {"--db", db_});
    std::ostringstream out;
    std::ostringstream err;
    const int code = RunMain(args, out, err, false);
    return {code, out.str(), err.str()};
  }

  std::string Target(int port) const { return "127.0.0.1:" + std::to_string(port); }

  // (port, vantage, untrusted, outcome) of every stored check, in port order.
  std::vector<std::string> StoredChecks() const {
    db::sqlite::Database db(db_);
    auto select = db.Prepare(
        "SELECT port, vantage, untrusted, outcome, length(sent), ip, protocol FROM "
        "vantage_checks ORDER BY port, id");
    std::vector<std::string> rows;
    while (select.Step()) {
      rows.push_back(std::to_string(select.Int(0)) + " " + select.Text(1) + " " +
                     std::to_string(select.Int(2)) + " " + select.Text(3) + " sent=" +
                     std::to_string(select.Int(4)) + " " + select.Text(5) + "/" + select.Text(6));
    }
    return rows;
  }

  test::TempDir dir_;
  std::string db_ = dir_.File("verify.db");
  FakeServer ttm_{Mode(ServiceMode::kTtm)};
  FakeServer silent_{Mode(ServiceMode::kTtmSilent)};
  FakeServer http_{Mode(ServiceMode::kHttp)};
  test::FullBacklogListener filtered_;
  int closed_ = test::ClosedPort();
};

TEST_F(VerifyCommandTest, StoresEveryOutcomeAndReachableOnesAreDetections) {
  const CliRun run = Ttmtrack({"verify", "--from", "dmz-jump", "--timeout", "1", "--format", "json",
                               Target(ttm_.port()), Target(silent_.port()), Target(http_.port()),
                               Target(closed_), Target(filtered_.port())});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const json rows = json::parse(run.out);
  ASSERT_EQ(rows.size(), 5u);
  const std::vector<std::pair<std::string, bool>> expected = {{"reachable-confirmed", true},
                                                              {"reachable-unconfirmed", true},
                                                              {"other-service", false},
                                                              {"refused", false},
                                                              {"filtered", false}};
  for (std::size_t i = 0; i < rows.size(); ++i) {
    EXPECT_EQ(rows[i]["outcome"], expected[i].first) << rows[i].dump();
    EXPECT_EQ(rows[i]["detection"], expected[i].second) << rows[i].dump();
    EXPECT_EQ(rows[i]["vantage"], "dmz-jump");
    EXPECT_EQ(rows[i]["trusted_vantage"], false);
  }
  EXPECT_EQ(rows[2]["service"], "http");
  EXPECT_FALSE(rows[0]["reply_hex"].get<std::string>().empty());

  std::vector<std::string> want = {
      std::to_string(ttm_.port()) + " dmz-jump 1 reachable-confirmed sent=",
      std::to_string(silent_.port()) + " dmz-jump 1 reachable-unconfirmed sent=",
      std::to_string(http_.port()) + " dmz-jump 1 other-service sent=",
      std::to_string(closed_) + " dmz-jump 1 refused sent=0 127.0.0.1/tcp",
      std::to_string(filtered_.port()) + " dmz-jump 1 filtered sent=0 127.0.0.1/tcp"};
  std::vector<std::string> stored = StoredChecks();
  ASSERT_EQ(stored.size(), 5u);
  std::sort(want.begin(), want.end(),
            [](const std::string& a, const std::string& b) { return std::stoi(a) < std::stoi(b); });
  for (std::size_t i = 0; i < stored.size(); ++i) {
    EXPECT_EQ(stored[i].rfind(want[i], 0), 0u) << stored[i] << " vs " << want[i];
  }

  // The two reachable listeners are open exposures, with the tier the check found.
  const json status = json::parse(Ttmtrack({"status", "--format", "json"}).out);
  ASSERT_EQ(status.size(), 2u);
  for (const json& row : status) {
    EXPECT_EQ(row["state"], "open");
    EXPECT_EQ(row["tier"], row["port"] == ttm_.port() ? "confirmed" : "unconfirmed");
  }
  const json history = json::parse(Ttmtrack({"history", "127.0.0.1", "--port",
                                             std::to_string(silent_.port()), "--format", "json"})
                                       .out);
  ASSERT_EQ(history.size(), 1u);
  EXPECT_EQ(history[0]["source"], "vantage-point");
  EXPECT_EQ(history[0]["scanner"], "vantage point");
  EXPECT_EQ(history[0]["scan_name"], "dmz-jump");
  EXPECT_EQ(history[0]["outcome"], "reachable-unconfirmed");
  EXPECT_EQ(history[0]["state_after"], "open");
  EXPECT_NE(history[0]["evidence"].get<std::string>().find("received nothing"), std::string::npos)
      << history[0].dump();
}

TEST_F(VerifyCommandTest, DefaultTargetsAreTheOpenExposuresAndUnreachableIsNoFix) {
  ASSERT_EQ(Ttmtrack({"verify", "--from", "dmz", "--timeout", "1", Target(ttm_.port())}).exit_code,
            0);
  ttm_.Stop();  // the listener goes away: now refused
  const CliRun again = Ttmtrack({"verify", "--from", "dmz", "--timeout", "1", "--format", "json"});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  const json rows = json::parse(again.out);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0]["port"], ttm_.port());
  EXPECT_EQ(rows[0]["outcome"], "refused");
  // An unreachable check is evidence, not a proof of a fix: the exposure stays open.
  const json status = json::parse(Ttmtrack({"status", "--format", "json"}).out);
  ASSERT_EQ(status.size(), 1u);
  EXPECT_EQ(status[0]["state"], "open");
  const json history = json::parse(Ttmtrack({"history", "127.0.0.1", "--format", "json"}).out);
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[1]["outcome"], "refused");
  EXPECT_EQ(history[1]["state_after"], "open");
}

TEST_F(VerifyCommandTest, ATrustedVantagePointStoresEvidenceButDetectsNothing) {
  const CliRun run = Ttmtrack({"verify", "--from", "admin-lan", "--trusted-vantage", "--timeout",
                               "1", "--format", "json", Target(ttm_.port())});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(json::parse(run.out)[0]["detection"], false);
  EXPECT_EQ(StoredChecks().size(), 1u);
  EXPECT_EQ(json::parse(Ttmtrack({"status", "--format", "json"}).out).size(), 0u);
}

TEST_F(VerifyCommandTest, BadTargetIsAUsageErrorThatStoresNothing) {
  const std::string before = test::DumpDatabase(db_);
  for (const std::string target : {"127.0.0.1", "127.0.0.1:0", "127.0.0.1:65536", "host:5010",
                                   "2001:db8::1:5010", "[2001:db8::1]5010"}) {
    const CliRun run = Ttmtrack({"verify", "--from", "dmz", target});
    EXPECT_EQ(run.exit_code, 64) << target;
    EXPECT_NE(run.err.find(target), std::string::npos) << run.err;
  }
  EXPECT_EQ(test::DumpDatabase(db_), before);
}

}  // namespace
}  // namespace ttmtrack::cli
