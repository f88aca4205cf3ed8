// core/triage.hpp and core/exposure_status.hpp: the decision overlay's invariants (T1..T6) and
// the deadline and staleness of an exposure, each a named scenario.
#include "core/triage.hpp"

#include <gtest/gtest.h>

#include "core/enum_text.hpp"
#include "core/exposure_status.hpp"
#include "tests/core/case_name.hpp"

namespace ttmtrack::core {
namespace {

constexpr std::int64_t kDay = kSecondsPerDay;

TriageTarget Target(std::string_view text) {
  std::string problem;
  const std::optional<TriageTarget> target = TriageTarget::Parse(text, &problem);
  EXPECT_TRUE(target) << text << ": " << problem;
  return target.value_or(TriageTarget{});
}

DecisionRecord Record(std::int64_t id, std::string_view target, DecisionKind kind,
                      std::int64_t made_at) {
  DecisionRecord record;
  record.id = id;
  record.target = Target(target);
  record.kind = kind;
  record.reason = "reason " + std::to_string(id);
  record.by = "auditor";
  record.made_at = made_at;
  return record;
}

Exposure OpenExposure(std::int64_t first_seen) {
  Exposure exposure;
  exposure.ip = "192.0.2.10";
  exposure.port = 5010;
  exposure.protocol = "tcp";
  exposure.state = ExposureState::kOpen;
  exposure.first_seen = first_seen;
  exposure.last_seen = first_seen;
  exposure.last_checked = first_seen;
  return exposure;
}

TEST(TriageTargetTest, ParsesEachFormIntoItsCanonicalText) {
  EXPECT_EQ(Target("192.0.2.10:5010").ToString(), "192.0.2.10:5010/tcp");
  EXPECT_EQ(Target("192.0.2.10:5010/UDP").ToString(), "192.0.2.10:5010/udp");
  EXPECT_EQ(Target("[2001:DB8::5]:5010/tcp").ToString(), "[2001:db8::5]:5010/tcp");
  EXPECT_EQ(Target("192.0.2.10").ToString(), "192.0.2.10");
  EXPECT_EQ(Target("2001:db8::5").ToString(), "2001:db8::5");
  EXPECT_EQ(Target("192.0.2.0/24").ToString(), "192.0.2.0/24");
  EXPECT_TRUE(Target("192.0.2.10:5010").names_exposure());
  EXPECT_FALSE(Target("192.0.2.0/24").names_exposure());
}

TEST(TriageTargetTest, RefusesWhatIsNoTarget) {
  for (std::string_view text :
       {"", "host.example", "192.0.2.10:0", "192.0.2.10:70000", "192.0.2.10:5010/sctp",
        "192.0.2.10/8", "[2001:db8::5]", "192.0.2.10:abc"}) {
    std::string problem;
    EXPECT_FALSE(TriageTarget::Parse(text, &problem)) << text;
    EXPECT_FALSE(problem.empty()) << text;
  }
}

TEST(TriageTargetTest, CoversTheExposureTheHostOrTheNetwork) {
  EXPECT_TRUE(Target("192.0.2.10:5010").Covers("192.0.2.10", 5010, "tcp"));
  EXPECT_FALSE(Target("192.0.2.10:5010").Covers("192.0.2.10", 5010, "udp"));
  EXPECT_FALSE(Target("192.0.2.10:5010").Covers("192.0.2.10", 10200, "tcp"));
  EXPECT_TRUE(Target("192.0.2.10").Covers("192.0.2.10", 10200, "udp"));
  EXPECT_TRUE(Target("192.0.2.0/24").Covers("192.0.2.99", 5010, "tcp"));
  EXPECT_FALSE(Target("192.0.2.0/24").Covers("198.51.100.1", 5010, "tcp"));
  EXPECT_FALSE(Target("0.0.0.0/0").Covers("host-without-address", 5010, "tcp"));
}

// One scenario: an exposure's state changes, the decision records, the time asked about, and
// what the decision's status is then.
struct DecisionScenario {
  std::string name;
  std::vector<StateChange> changes;  // beyond the first detection at day 1
  std::vector<DecisionRecord> records;
  std::int64_t now = 0;
  std::optional<DecisionStatus> status;  // nullopt: no decision applies
  std::optional<std::int64_t> ended_at;
  std::optional<std::int64_t> detected_again_at;
  std::int64_t decided_by_record = 0;  // the id of the record that applies
};

ExposureState StateAfter(const std::vector<StateChange>& changes) {
  return changes.empty() ? ExposureState::kOpen : changes.back().state;
}

DecisionRecord Accept(std::int64_t id, std::string_view target, std::int64_t at) {
  return Record(id, target, DecisionKind::kAccept, at);
}

// Accepted on day 2 until day 10.
DecisionRecord AcceptedUntilDay10() {
  DecisionRecord until = Accept(1, "192.0.2.10:5010", 2 * kDay);
  until.until = 10 * kDay;
  return until;
}

const StateChange kFixedDay5{5 * kDay, ExposureState::kFixed};
const StateChange kReopenedDay8{8 * kDay, ExposureState::kReopened};

// Acceptances alone: active, lapsed at their expiry.
std::vector<DecisionScenario> AcceptanceScenarios() {
  return {
      {"AcceptanceIsActive",
       {},
       {Accept(1, "192.0.2.10:5010", 2 * kDay)},
       3 * kDay,
       DecisionStatus::kActive,
       std::nullopt,
       std::nullopt,
       1},
      {"AcceptanceThenExpiry",
       {},
       {AcceptedUntilDay10()},
       11 * kDay,
       DecisionStatus::kLapsed,
       10 * kDay,
       std::nullopt,
       1},
      {"AcceptanceBeforeItsExpiry",
       {},
       {AcceptedUntilDay10()},
       9 * kDay,
       DecisionStatus::kActive,
       std::nullopt,
       std::nullopt,
       1},
  };
}

// A fix closes a decision made before it; a reopening revives only one made to survive it.
std::vector<DecisionScenario> FixScenarios() {
  DecisionRecord survives = Accept(1, "192.0.2.10:5010", 2 * kDay);
  survives.survives_reopen = true;
  return {
      {"AcceptanceThenFix",
       {kFixedDay5},
       {Accept(1, "192.0.2.10:5010", 2 * kDay)},
       6 * kDay,
       DecisionStatus::kClosed,
       5 * kDay,
       std::nullopt,
       1},
      {"AcceptanceThenFixThenReopen",
       {kFixedDay5, kReopenedDay8},
       {Accept(1, "192.0.2.10:5010", 2 * kDay)},
       9 * kDay,
       DecisionStatus::kClosed,
       5 * kDay,
       std::nullopt,
       1},
      {"AcceptanceThatSurvivesReopen",
       {kFixedDay5, kReopenedDay8},
       {survives},
       9 * kDay,
       DecisionStatus::kActive,
       std::nullopt,
       std::nullopt,
       1},
      {"FixBeforeTheDecisionClosesNothing",
       {kFixedDay5, kReopenedDay8},
       {Accept(1, "192.0.2.10:5010", 8 * kDay + 1)},
       9 * kDay,
       DecisionStatus::kActive,
       std::nullopt,
       std::nullopt,
       1},
  };
}

// False positives outlive fixes and detections; a revoke ends only its own target's decision.
std::vector<DecisionScenario> FalsePositiveAndRevokeScenarios() {
  const auto fp = Record(1, "192.0.2.10:5010", DecisionKind::kFalsePositive, 2 * kDay);
  const auto revoke = Record(2, "192.0.2.10:5010", DecisionKind::kRevoke, 3 * kDay);
  return {
      {"FalsePositiveThenDetection",
       {},
       {fp},
       9 * kDay,
       DecisionStatus::kActive,
       std::nullopt,
       7 * kDay,
       1},
      {"FalsePositiveSurvivesAFix",
       {kFixedDay5, kReopenedDay8},
       {fp},
       9 * kDay,
       DecisionStatus::kActive,
       std::nullopt,
       7 * kDay,
       1},
      {"RevokeLeavesNoDecision",
       {},
       {Accept(1, "192.0.2.10:5010", 2 * kDay), revoke},
       4 * kDay,
       std::nullopt,
       std::nullopt,
       std::nullopt,
       0},
      {"RevokeOfTheExposureLeavesTheNetworkDecision",
       {},
       {Accept(3, "192.0.2.0/24", 1 * kDay), Accept(1, "192.0.2.10:5010", 2 * kDay), revoke},
       4 * kDay,
       DecisionStatus::kActive,
       std::nullopt,
       std::nullopt,
       3},
  };
}

// Which of several records applies: the narrowest target, the latest record, none made later than
// now.
std::vector<DecisionScenario> PrecedenceScenarios() {
  return {
      {"TheExposureDecisionWinsOverTheNetworks",
       {},
       {Accept(1, "192.0.2.10:5010", 1 * kDay), Accept(2, "192.0.2.0/24", 2 * kDay),
        Accept(3, "192.0.2.10", 3 * kDay)},
       4 * kDay,
       DecisionStatus::kActive,
       std::nullopt,
       std::nullopt,
       1},
      {"ALaterRecordForTheTargetSupersedes",
       {},
       {Accept(1, "192.0.2.10:5010", 1 * kDay),
        Record(2, "192.0.2.10:5010", DecisionKind::kCompensatingControl, 2 * kDay)},
       4 * kDay,
       DecisionStatus::kActive,
       std::nullopt,
       std::nullopt,
       2},
      {"ARecordMadeLaterThanNowIsIgnored",
       {},
       {Accept(1, "192.0.2.10:5010", 5 * kDay)},
       4 * kDay,
       std::nullopt,
       std::nullopt,
       std::nullopt,
       0},
      {"DecisionOnANetworkCoversAHostFirstDetectedLater",
       {},
       {Accept(1, "192.0.2.0/24", -30 * kDay)},
       2 * kDay,
       DecisionStatus::kActive,
       std::nullopt,
       std::nullopt,
       1},
  };
}

std::vector<DecisionScenario> Scenarios() {
  std::vector<DecisionScenario> all;
  for (auto group :
       {AcceptanceScenarios, FixScenarios, FalsePositiveAndRevokeScenarios, PrecedenceScenarios}) {
    for (DecisionScenario& scenario : group()) all.push_back(std::move(scenario));
  }
  return all;
}

class DecisionScenarioTest : public ::testing::TestWithParam<DecisionScenario> {};

TEST_P(DecisionScenarioTest, ResolvesAsTheInvariantsSay) {
  const DecisionScenario& s = GetParam();
  Exposure exposure = OpenExposure(1 * kDay);
  exposure.state = StateAfter(s.changes);
  if (s.name.find("Detection") != std::string::npos ||
      s.name.find("Survives") != std::string::npos) {
    exposure.last_seen = 7 * kDay;
  }
  std::vector<StateChange> changes{{1 * kDay, ExposureState::kOpen}};
  changes.insert(changes.end(), s.changes.begin(), s.changes.end());
  const std::optional<ExposureDecision> decision =
      ResolveDecision(s.records, exposure, changes, s.now);
  ASSERT_EQ(decision.has_value(), s.status.has_value());
  if (!decision) return;
  EXPECT_EQ(ToText(decision->status), ToText(*s.status));
  EXPECT_EQ(decision->ended_at, s.ended_at);
  EXPECT_EQ(decision->detected_again_at, s.detected_again_at);
  EXPECT_EQ(decision->record.id, s.decided_by_record);
}

INSTANTIATE_TEST_SUITE_P(Scenarios, DecisionScenarioTest, ::testing::ValuesIn(Scenarios()),
                         testing::CaseName<DecisionScenario>);

TEST(ExposureStatusTest, OverdueCrossingTheDeadline) {
  DeadlinePolicy policy;  // 30 days
  const Exposure exposure = OpenExposure(10 * kDay);
  const std::vector<StateChange> changes{{10 * kDay, ExposureState::kOpen}};
  const ExposureStatus before = AssessExposure(exposure, changes, {}, policy, 40 * kDay);
  EXPECT_EQ(before.due, 40 * kDay);
  EXPECT_FALSE(before.overdue);
  EXPECT_TRUE(AssessExposure(exposure, changes, {}, policy, 40 * kDay + 1).overdue);
}

TEST(ExposureStatusTest, TheDeadlineRunsFromTheReopening) {
  DeadlinePolicy policy;
  Exposure exposure = OpenExposure(1 * kDay);
  exposure.state = ExposureState::kReopened;
  const std::vector<StateChange> changes{{1 * kDay, ExposureState::kOpen},
                                         {5 * kDay, ExposureState::kFixed},
                                         {50 * kDay, ExposureState::kReopened}};
  const ExposureStatus status = AssessExposure(exposure, changes, {}, policy, 60 * kDay);
  EXPECT_EQ(status.episode_start, 50 * kDay);
  EXPECT_EQ(status.due, 80 * kDay);
  EXPECT_FALSE(status.overdue);
}

TEST(ExposureStatusTest, AnActiveAcceptanceIsNotOverdueALapsedOneIs) {
  DeadlinePolicy policy;
  const Exposure exposure = OpenExposure(1 * kDay);
  const std::vector<StateChange> changes{{1 * kDay, ExposureState::kOpen}};
  DecisionRecord accept = Record(1, "192.0.2.10", DecisionKind::kAccept, 2 * kDay);
  accept.until = 60 * kDay;
  const std::vector<DecisionRecord> records{accept};
  EXPECT_FALSE(AssessExposure(exposure, changes, records, policy, 50 * kDay).overdue);
  EXPECT_TRUE(AssessExposure(exposure, changes, records, policy, 61 * kDay).overdue);
}

TEST(ExposureStatusTest, FixedExposuresHaveNoDeadline) {
  Exposure exposure = OpenExposure(1 * kDay);
  exposure.state = ExposureState::kFixed;
  const std::vector<StateChange> changes{{1 * kDay, ExposureState::kOpen},
                                         {2 * kDay, ExposureState::kFixed}};
  const ExposureStatus status = AssessExposure(exposure, changes, {}, {}, 100 * kDay);
  EXPECT_FALSE(status.due);
  EXPECT_FALSE(status.overdue);
}

TEST(ExposureStatusTest, PerNetworkDeadlinesTakeTheLongestPrefix) {
  DeadlinePolicy policy;
  policy.network_days = {{*IpNetwork::Parse("192.0.2.0/24"), 7},
                         {*IpNetwork::Parse("192.0.2.0/28"), 3}};
  EXPECT_EQ(policy.SlaDaysFor("192.0.2.10"), 3);
  EXPECT_EQ(policy.SlaDaysFor("192.0.2.100"), 7);
  EXPECT_EQ(policy.SlaDaysFor("198.51.100.1"), 30);
}

TEST(ExposureStatusTest, StaleCrossingItsThreshold) {
  DeadlinePolicy policy;  // 14 days
  Exposure exposure = OpenExposure(1 * kDay);
  const std::vector<StateChange> changes{{1 * kDay, ExposureState::kOpen}};
  const ExposureStatus fresh = AssessExposure(exposure, changes, {}, policy, 15 * kDay);
  EXPECT_FALSE(fresh.stale);
  EXPECT_EQ(fresh.days_since_checked, 14);
  const ExposureStatus stale = AssessExposure(exposure, changes, {}, policy, 15 * kDay + 1);
  EXPECT_TRUE(stale.stale);
}

}  // namespace
}  // namespace ttmtrack::core
