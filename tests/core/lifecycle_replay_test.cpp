// Table-driven tests of Replay and ApplyOutcome: each row is a named scenario, replayed in every
// import order (I7); the comment above a row cites the invariant of core/lifecycle.cpp it
// exercises.
#include <algorithm>
#include <string>

#include <gtest/gtest.h>

#include "core/lifecycle.hpp"
#include "tests/core/case_name.hpp"

namespace ttmtrack::core {
namespace {

struct Step {
  std::int64_t time;
  const char* sha;
  OutcomeKind kind;
};

// One letter each, so that a scenario's outcomes read as a row (D, A, N, D).
// NOLINTBEGIN(readability-identifier-naming)
constexpr auto D = OutcomeKind::kDetected;
constexpr auto A = OutcomeKind::kAbsent;
constexpr auto N = OutcomeKind::kNotCovered;
// NOLINTEND(readability-identifier-naming)

struct ReplayCase {
  const char* name;
  std::vector<Step> steps;  // in import order, which must not matter (I7)
  std::optional<ExposureState> state;
  std::optional<std::int64_t> first_seen;
  std::optional<std::int64_t> last_seen;
  std::optional<std::int64_t> last_checked;
  std::optional<const char*> verified_by;  // sha of the verifying scan
};

std::vector<Outcome> ToOutcomes(const std::vector<Step>& steps) {
  std::vector<Outcome> outcomes;
  for (const Step& s : steps) {
    Outcome o;
    o.scan.time = s.time;
    o.scan.sha256 = s.sha;
    o.kind = s.kind;
    if (s.kind == N) o.reason = NotCoveredReason::kHostNotInScan;
    outcomes.push_back(o);
  }
  return outcomes;
}

void ExpectReplay(const ReplayCase& c, const LifecycleResult& r, const std::string& order) {
  EXPECT_EQ(r.state, c.state) << order;
  EXPECT_EQ(r.first_seen, c.first_seen) << order;
  EXPECT_EQ(r.last_seen, c.last_seen) << order;
  EXPECT_EQ(r.last_checked, c.last_checked) << order;
  ASSERT_EQ(r.verified_by.has_value(), c.verified_by.has_value()) << order;
  if (c.verified_by) {
    EXPECT_EQ(r.verified_by->sha256, *c.verified_by) << order;
  }
  for (std::size_t i = 1; i < r.timeline.size(); ++i) {
    EXPECT_LE(r.timeline[i - 1].scan.time, r.timeline[i].scan.time) << order;
  }
}

class ReplayTest : public ::testing::TestWithParam<ReplayCase> {};

TEST_P(ReplayTest, GivesTheSameResultInEveryImportOrder) {
  const ReplayCase& c = GetParam();
  std::vector<std::size_t> order(c.steps.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  int permutations = 0;
  do {
    std::vector<Step> steps;
    std::string text;
    for (std::size_t i : order) {
      steps.push_back(c.steps[i]);
      text += c.steps[i].sha + std::string(" ");
    }
    ExpectReplay(c, Replay(ToOutcomes(steps)), "order: " + text);
    ++permutations;
  } while (std::next_permutation(order.begin(), order.end()) && permutations < 720);
}

const ReplayCase kReplayCases[] = {
    {"SingleDetectionIsOpen", {{100, "s1", D}}, ExposureState::kOpen, 100, 100, 100, std::nullopt},
    // I5, I9.
    {"DetectionThenCleanRescanIsFixed",
     {{100, "s1", D}, {200, "s2", A}},
     ExposureState::kFixed,
     100,
     100,
     200,
     "s2"},
    // I3, I4.
    {"HostMissingKeepsItOpen",
     {{100, "s1", D}, {200, "s2", N}},
     ExposureState::kOpen,
     100,
     100,
     100,
     std::nullopt},
    {"NotCoveredBetweenKeepsVerification",
     {{100, "s1", D}, {200, "s2", A}, {300, "s3", N}},
     ExposureState::kFixed,
     100,
     100,
     200,
     "s2"},
    // I10.
    {"FixedThenDetectedIsReopened",
     {{100, "s1", D}, {200, "s2", A}, {300, "s3", D}},
     ExposureState::kReopened,
     100,
     300,
     300,
     std::nullopt},
    {"ReopenedThenAbsentIsFixedAgain",
     {{100, "s1", D}, {200, "s2", A}, {300, "s3", D}, {400, "s4", A}},
     ExposureState::kFixed,
     100,
     300,
     400,
     "s4"},
    {"ReopenedStaysReopenedOnDetection",
     {{100, "s1", D}, {200, "s2", A}, {300, "s3", D}, {400, "s4", D}},
     ExposureState::kReopened,
     100,
     400,
     400,
     std::nullopt},
    // I9.
    {"RepeatedAbsentKeepsFirstVerification",
     {{100, "s1", D}, {200, "s2", A}, {300, "s3", A}},
     ExposureState::kFixed,
     100,
     100,
     300,
     "s2"},
    // I8.
    {"AbsentBeforeFirstDetectionChangesNothing",
     {{50, "s0", A}, {100, "s1", D}},
     ExposureState::kOpen,
     100,
     100,
     100,
     std::nullopt},
    {"OlderAbsentImportedLateDoesNotFixNewerDetection",
     {{300, "s3", D}, {100, "s1", D}, {200, "s2", A}},
     ExposureState::kReopened,
     100,
     300,
     300,
     std::nullopt},
    // I7: equal times are ordered by sha256.
    {"EqualTimesAreOrderedBySha",
     {{100, "bb", A}, {100, "aa", D}},
     ExposureState::kFixed,
     100,
     100,
     100,
     "bb"},
    {"EqualTimesOtherShaOrder",
     {{100, "aa", A}, {100, "bb", D}},
     ExposureState::kOpen,
     100,
     100,
     100,
     std::nullopt},
    {"OnlyNotCoveredLeavesNoState",
     {{100, "s1", N}},
     std::nullopt,
     std::nullopt,
     std::nullopt,
     std::nullopt,
     std::nullopt},
};

INSTANTIATE_TEST_SUITE_P(Replay, ReplayTest, ::testing::ValuesIn(kReplayCases),
                         testing::CaseName<ReplayCase>);

TEST(ReplayTimelineTest, KeepsEveryOutcomeInScanOrder) {
  const auto r = Replay(ToOutcomes({{300, "c", D}, {100, "a", N}, {200, "b", A}}));
  ASSERT_EQ(r.timeline.size(), 3u);
  EXPECT_EQ(r.timeline[0].scan.sha256, "a");
  EXPECT_EQ(r.timeline[1].scan.sha256, "b");
  EXPECT_EQ(r.timeline[2].scan.sha256, "c");
  EXPECT_EQ(r.timeline[0].reason, NotCoveredReason::kHostNotInScan);
}

TEST(ReplayTimelineTest, ApplyingOneMoreOutcomeEqualsReplayingAll) {
  const std::vector<Step> steps = {{100, "a", D}, {200, "b", A}, {300, "c", N}, {400, "d", D}};
  LifecycleResult folded = Replay(ToOutcomes({steps[0], steps[1], steps[2]}));
  ApplyOutcome(folded, ToOutcomes({steps[3]})[0]);
  const LifecycleResult all = Replay(ToOutcomes(steps));
  EXPECT_EQ(folded.state, all.state);
  EXPECT_EQ(folded.first_seen, all.first_seen);
  EXPECT_EQ(folded.last_seen, all.last_seen);
  EXPECT_EQ(folded.last_checked, all.last_checked);
  EXPECT_EQ(folded.verified_by.has_value(), all.verified_by.has_value());
  EXPECT_EQ(folded.changes.size(), all.changes.size());
}

TEST(ReplayTimelineTest, ListsEveryStateChange) {
  const auto r = Replay(
      ToOutcomes({{100, "a", D}, {150, "x", D}, {200, "b", A}, {250, "y", A}, {300, "c", D}}));
  ASSERT_EQ(r.changes.size(), 3u);
  EXPECT_EQ(r.changes[0].scan_time, 100);
  EXPECT_EQ(r.changes[0].state, ExposureState::kOpen);
  EXPECT_EQ(r.changes[1].scan_time, 200);
  EXPECT_EQ(r.changes[1].state, ExposureState::kFixed);
  EXPECT_EQ(r.changes[2].scan_time, 300);
  EXPECT_EQ(r.changes[2].state, ExposureState::kReopened);
}

}  // namespace
}  // namespace ttmtrack::core
