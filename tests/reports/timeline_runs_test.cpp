#include "reports/timeline_runs.hpp"

#include <gtest/gtest.h>

namespace ttmtrack::reports {
namespace {

using core::ExposureState;
using core::OutcomeKind;

// 'D' detected, 'A' absent, 'I' not covered (host scan incomplete), 'N' not covered (host not
// in the scan), one scan a day.
std::vector<core::Outcome> Timeline(const std::string& letters) {
  std::vector<core::Outcome> timeline;
  for (std::size_t i = 0; i < letters.size(); ++i) {
    core::Outcome outcome;
    outcome.scan.id = static_cast<std::int64_t>(i + 1);
    outcome.scan.time = 1767225600 + static_cast<std::int64_t>(i) * 86400;
    outcome.kind = letters[i] == 'D'   ? OutcomeKind::kDetected
                   : letters[i] == 'A' ? OutcomeKind::kAbsent
                                       : OutcomeKind::kNotCovered;
    if (letters[i] == 'I') outcome.reason = core::NotCoveredReason::kHostScanIncomplete;
    if (letters[i] == 'N') outcome.reason = core::NotCoveredReason::kHostNotInScan;
    timeline.push_back(outcome);
  }
  return timeline;
}

// "first+count:change" per row, e.g. "0+1:first-detection 1+3: 4+1:verified-fix".
std::string Rows(const std::string& letters) {
  const std::vector<core::Outcome> timeline = Timeline(letters);
  std::string rows;
  for (const TimelineRun& run : CollapseTimeline(timeline, ReplayStates(timeline))) {
    if (!rows.empty()) rows += ' ';
    rows += std::to_string(run.first) + "+" + std::to_string(run.count) + ":" +
            StateChangeJsonName(run.change);
  }
  return rows;
}

TEST(TimelineRunsTest, EveryStateChangeIsItsOwnRowAndRunsBetweenCollapse) {
  EXPECT_EQ(Rows("DDDDAAAADDD"),
            "0+1:first-detection 1+3: 4+1:verified-fix 5+3: 8+1:reopened 9+2:");
}

TEST(TimelineRunsTest, ADifferentOutcomeOrReasonStartsANewRun) {
  EXPECT_EQ(Rows("DAAIINNAA"), "0+1:first-detection 1+1:verified-fix 2+1: 3+2: 5+2: 7+2:");
}

TEST(TimelineRunsTest, AbsentBeforeTheFirstDetectionChangesNothing) {
  EXPECT_EQ(Rows("AAD"), "0+2: 2+1:first-detection");
  const std::vector<core::Outcome> timeline = Timeline("AAD");
  const TimelineStates states = ReplayStates(timeline);
  EXPECT_FALSE(states.after[0].has_value());
  EXPECT_EQ(states.after[2], ExposureState::kOpen);
}

TEST(TimelineRunsTest, AYearOfNightlyScansIsSixRows) {
  const std::string year = std::string(100, 'D') + std::string(100, 'A') + std::string(165, 'D');
  EXPECT_EQ(Rows(year),
            "0+1:first-detection 1+99: 100+1:verified-fix 101+99: 200+1:reopened 201+164:");
}

TEST(TimelineRunsTest, DifferentFactsStayInOneRunAndAreFlagged) {
  std::vector<core::Outcome> timeline = Timeline("DAAA");
  timeline[2].basis = "port 5010/tcp is inside the scanned range 1-65535";
  timeline[3].basis = "port 5010/tcp is inside the scanned range 1-10000";
  const std::vector<TimelineRun> runs = CollapseTimeline(timeline, ReplayStates(timeline));
  ASSERT_EQ(runs.size(), 3u);
  EXPECT_EQ(runs[2].count, 2u);
  EXPECT_TRUE(runs[2].bases_differ);
}

TEST(TimelineRunsTest, AnAssumptionStartsANewRun) {
  std::vector<core::Outcome> timeline = Timeline("DAAA");
  timeline[3].assumption = "plugin assumed enabled: GVM reports carry no scan configuration";
  EXPECT_EQ(CollapseTimeline(timeline, ReplayStates(timeline)).size(), 4u);
}

TEST(TimelineRunsTest, EmptyTimelineHasNoRows) {
  EXPECT_TRUE(CollapseTimeline({}, ReplayStates({})).empty());
}

}  // namespace
}  // namespace ttmtrack::reports
