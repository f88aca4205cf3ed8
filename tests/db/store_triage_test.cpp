// Triage decisions through the real store on real SQLite files: each interaction of
// docs/triage.md as a named scenario, and the guarantee that evidence never changes a decision.
#include <gtest/gtest.h>

#include "core/enum_text.hpp"
#include "core/error.hpp"
#include "db/sqlite/database.hpp"
#include "db/store.hpp"
#include "tests/db/fake_scan.hpp"
#include "tests/support/database_dump.hpp"
#include "tests/support/temp_dir.hpp"

namespace ttmtrack::db {
namespace {

using testing::FakeScan;
using testing::NessusScan;

constexpr std::int64_t kDay = core::kSecondsPerDay;
constexpr std::int64_t kStart = 1'800'000'000;  // day 0
constexpr const char* kIp = "192.0.2.10";

class StoreTriageTest : public ::testing::Test {
 protected:
  // A scan on day `day` that reports the host and, when `detect`, the listener on 5010.
  void Scan(const std::string& sha, std::int64_t day, bool detect, const char* ip = kIp) {
    FakeScan scan = NessusScan(sha, kStart + day * kDay);
    scan.Host(ip);
    if (detect) scan.Detect(ip);
    now_ = std::max(now_, kStart + day * kDay + kDay / 2);
    store_.ImportScan(scan.Reader());
  }

  core::DecisionRecord Decide(core::DecisionKind kind, const std::string& target,
                              std::optional<std::int64_t> until_day = std::nullopt,
                              bool survives_reopen = false) {
    core::DecisionRecord record;
    record.target = *core::TriageTarget::Parse(target);
    record.kind = kind;
    record.reason = "risk owner signed off";
    record.by = "alice";
    record.ticket = "RISK-7";
    if (until_day) record.until = kStart + *until_day * kDay;
    record.survives_reopen = survives_reopen;
    return store_.RecordDecision(record);
  }

  core::ExposureStatus StatusAt(std::int64_t day, const char* ip = kIp) {
    const auto statuses = store_.ListExposureStatuses({.ip = ip}, kStart + day * kDay);
    EXPECT_EQ(statuses.size(), 1u);
    return statuses.empty() ? core::ExposureStatus{} : statuses.front();
  }

  std::string DecisionStatusAt(std::int64_t day, const char* ip = kIp) {
    const core::ExposureStatus status = StatusAt(day, ip);
    return status.decision ? std::string(core::ToText(status.decision->status)) : "none";
  }

  void SetDay(std::int64_t day) { now_ = kStart + day * kDay; }

  test::TempDir dir_;
  std::int64_t now_ = kStart;
  Store store_{dir_.File("triage.db"), Store::Options{.now = [this] { return now_; }}};
};

TEST_F(StoreTriageTest, AcceptanceThenFix) {
  Scan("d1", 1, true);
  SetDay(2);
  Decide(core::DecisionKind::kAccept, "192.0.2.10:5010");
  EXPECT_EQ(DecisionStatusAt(3), "active");
  Scan("d5", 5, false);
  const core::ExposureStatus status = StatusAt(6);
  EXPECT_EQ(status.exposure.state, core::ExposureState::kFixed);
  EXPECT_EQ(DecisionStatusAt(6), "closed");
  EXPECT_EQ(status.decision->ended_at, kStart + 5 * kDay);
  EXPECT_EQ(store_.ListDecisions().size(), 1u);  // kept in history
}

TEST_F(StoreTriageTest, AcceptanceThenExpiry) {
  Scan("d1", 1, true);
  SetDay(2);
  Decide(core::DecisionKind::kAccept, "192.0.2.10:5010", 20);
  EXPECT_EQ(DecisionStatusAt(19), "active");
  EXPECT_FALSE(StatusAt(19).overdue);
  EXPECT_EQ(DecisionStatusAt(20), "lapsed");
  EXPECT_EQ(StatusAt(40).decision->ended_at, kStart + 20 * kDay);
  EXPECT_TRUE(StatusAt(40).overdue);  // day 1 + 30 days, and no active acceptance
}

TEST_F(StoreTriageTest, AcceptanceThenReopen) {
  Scan("d1", 1, true);
  SetDay(2);
  Decide(core::DecisionKind::kAccept, "192.0.2.10:5010");
  Scan("d5", 5, false);
  Scan("d8", 8, true);
  const core::ExposureStatus status = StatusAt(9);
  EXPECT_EQ(status.exposure.state, core::ExposureState::kReopened);
  EXPECT_EQ(DecisionStatusAt(9), "closed");  // not inherited
  EXPECT_EQ(status.episode_start, kStart + 8 * kDay);
  EXPECT_EQ(status.due, kStart + 38 * kDay);
}

TEST_F(StoreTriageTest, AcceptanceThatSurvivesReopenIsInherited) {
  Scan("d1", 1, true);
  SetDay(2);
  Decide(core::DecisionKind::kAccept, "192.0.2.10:5010", std::nullopt, true);
  Scan("d5", 5, false);
  EXPECT_EQ(DecisionStatusAt(6), "closed");
  Scan("d8", 8, true);
  EXPECT_EQ(DecisionStatusAt(9), "active");
}

TEST_F(StoreTriageTest, FalsePositiveThenDetection) {
  Scan("d1", 1, true);
  SetDay(2);
  Decide(core::DecisionKind::kFalsePositive, "192.0.2.10:5010");
  EXPECT_FALSE(StatusAt(3).decision->detected_again_at);
  Scan("d6", 6, true);
  const core::ExposureStatus status = StatusAt(7);
  EXPECT_EQ(core::ToText(status.decision->record.kind), "false-positive");
  EXPECT_EQ(DecisionStatusAt(7), "active");
  EXPECT_EQ(status.decision->detected_again_at, kStart + 6 * kDay);
  EXPECT_EQ(status.exposure.state, core::ExposureState::kOpen);  // evidence still says so
}

TEST_F(StoreTriageTest, Revoke) {
  Scan("d1", 1, true);
  SetDay(2);
  Decide(core::DecisionKind::kAccept, "192.0.2.10:5010");
  SetDay(3);
  Decide(core::DecisionKind::kRevoke, "192.0.2.10:5010");
  EXPECT_EQ(DecisionStatusAt(4), "none");
  const auto records = store_.ListDecisions();
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(core::ToText(records[0].kind), "accept");
  EXPECT_EQ(core::ToText(records[1].kind), "revoke");
  EXPECT_THROW(Decide(core::DecisionKind::kRevoke, "192.0.2.10:5010"), Error);  // nothing left
  EXPECT_THROW(Decide(core::DecisionKind::kRevoke, "192.0.2.0/24"), Error);
}

TEST_F(StoreTriageTest, DecisionOnACidrCoversAHostFirstDetectedLater) {
  Scan("d1", 1, true);
  SetDay(2);
  Decide(core::DecisionKind::kCompensatingControl, "192.0.2.0/24");
  Scan("d3", 3, true, "192.0.2.77");
  EXPECT_EQ(DecisionStatusAt(4, "192.0.2.77"), "active");
  EXPECT_EQ(StatusAt(4, "192.0.2.77").decision->record.target.ToString(), "192.0.2.0/24");
}

TEST_F(StoreTriageTest, OverdueCrossingTheDeadline) {
  store_.SetSetting("sla.days", "10");
  Scan("d1", 1, true);
  EXPECT_EQ(StatusAt(11).due, kStart + 11 * kDay);
  EXPECT_FALSE(StatusAt(11).overdue);
  EXPECT_TRUE(StatusAt(12).overdue);
  store_.SetSetting("sla.network-days", "192.0.2.0/24=20");
  EXPECT_FALSE(StatusAt(12).overdue);
}

TEST_F(StoreTriageTest, StaleCrossingItsThreshold) {
  Scan("d1", 1, true);
  EXPECT_FALSE(StatusAt(15).stale);
  EXPECT_TRUE(StatusAt(16).stale);
  EXPECT_EQ(StatusAt(16).days_since_checked, 15);
  // A scan that did not cover it (the host is missing) does not make it fresh.
  Scan("other", 16, false, "192.0.2.99");
  EXPECT_TRUE(StatusAt(17).stale);
  Scan("d17", 17, true);
  EXPECT_FALSE(StatusAt(18).stale);
}

TEST_F(StoreTriageTest, ReimportAndRecomputationLeaveEveryDecisionByteIdentical) {
  Scan("d1", 1, true);
  SetDay(2);
  Decide(core::DecisionKind::kAccept, "192.0.2.10:5010", 30);
  Decide(core::DecisionKind::kFalsePositive, "192.0.2.0/24");
  SetDay(3);
  Decide(core::DecisionKind::kRevoke, "192.0.2.0/24");
  const std::string before = test::DumpDatabase(dir_.File("triage.db"));
  const auto decisions_before = store_.ListDecisions();
  FakeScan again = NessusScan("d1", kStart + kDay);
  again.Host(kIp).Detect(kIp);
  EXPECT_EQ(store_.ImportScan(again.Reader()).status, ImportStatus::kAlreadyImported);
  store_.RecomputeLifecycle();
  store_.SetSetting("coverage.host-unknown", "strict");
  store_.SetSetting("coverage.host-unknown", "assume");
  store_.AddRule(core::RuleKind::kNessusId, "424242", "");
  const std::string after = test::DumpDatabase(dir_.File("triage.db"));
  const auto table = [](const std::string& dump) {
    std::string rows;
    std::size_t at = 0;
    while ((at = dump.find("triage_decisions", at)) != std::string::npos) {
      rows += dump.substr(at, dump.find('\n', at) - at) + "\n";
      ++at;
    }
    return rows;
  };
  EXPECT_FALSE(table(before).empty());
  EXPECT_EQ(table(after), table(before));
  ASSERT_EQ(store_.ListDecisions().size(), decisions_before.size());
}

TEST_F(StoreTriageTest, ADecisionNeedsAReasonAndAName) {
  Scan("d1", 1, true);
  core::DecisionRecord record;
  record.target = *core::TriageTarget::Parse(kIp);
  record.by = "alice";
  record.reason = "  ";
  EXPECT_THROW(store_.RecordDecision(record), Error);
  record.reason = "ok";
  record.by = "";
  EXPECT_THROW(store_.RecordDecision(record), Error);
  record.by = "alice";
  record.until = now_ - 1;
  EXPECT_THROW(store_.RecordDecision(record), Error);
  EXPECT_TRUE(store_.ListDecisions().empty());
}

}  // namespace
}  // namespace ttmtrack::db
