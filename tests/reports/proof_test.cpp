#include "reports/proof.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/reports/scenario.hpp"

namespace ttmtrack::reports {
namespace {

using ::testing::HasSubstr;

class ProofTest : public ::testing::Test {
 protected:
  testing::Scenario scenario_ = testing::MakeScenario();
  const core::ExposureReport& Exposure(std::size_t host, std::size_t index) {
    return scenario_.hosts[host].exposures[index];
  }
};

TEST_F(ProofTest, FixedNamesTheVerifyingScanAndWhatItCovered) {
  EXPECT_EQ(ProofStatement(Exposure(0, 0)),
            "Fixed: verified by scan \u201Cweekly-dmz\u201D (Nessus, weekly-dmz-0202.nessus) on "
            "2026-02-02 09:30 UTC, which scanned the host completely with the ttm_cmd plugin "
            "enabled and port 5010/tcp "
            "in range, and did not detect it.");
}

TEST_F(ProofTest, FixedStatesTheAssumptionItRestsOn) {
  EXPECT_THAT(ProofStatement(Exposure(1, 0)),
              HasSubstr("verified by scan \u201Cgvm-verify\u201D (OpenVAS, gvm-verify.xml) on "
                        "2026-03-02 22:15 UTC"));
  EXPECT_THAT(ProofStatement(Exposure(1, 0)),
              HasSubstr("This rests on an assumption: plugin assumed enabled: GVM reports carry "
                        "no scan configuration."));
}

TEST_F(ProofTest, OpenNamesTheDetectionAndCountsUncoveredScans) {
  EXPECT_EQ(ProofStatement(Exposure(0, 1)),
            "Open: detected by scan \u201Cbaseline-dmz\u201D (Nessus, baseline-dmz.nessus) on "
            "2026-01-05 10:00 UTC; no complete re-scan since has shown it absent. 2 later scans "
            "could not check it (see "
            "the timeline).");
}

TEST_F(ProofTest, ReopenedNamesTheFixAndTheNewDetection) {
  EXPECT_EQ(ProofStatement(Exposure(2, 0)),
            "Reopened: verified fixed by scan \u201Cweekly-dmz\u201D (Nessus, "
            "weekly-dmz-0202.nessus) on 2026-02-02 09:30 UTC, then detected again by scan "
            "\u201Cweekly-dmz\u201D (Nessus, weekly-dmz-0310.nessus) on 2026-03-10 06:00 UTC.");
}

TEST_F(ProofTest, FixedWithoutVerifyingScanSaysItIsUnproven) {
  core::ExposureReport report = Exposure(0, 0);
  report.exposure.verified_by.reset();
  EXPECT_THAT(ProofStatement(report), HasSubstr("unproven"));
}

TEST_F(ProofTest, TimelineIsOrderedByScanTimeWhateverTheInputOrder) {
  core::ExposureReport report = Exposure(2, 0);
  std::reverse(report.timeline.begin(), report.timeline.end());
  const std::vector<core::Outcome> timeline = OrderedTimeline(report);
  ASSERT_EQ(timeline.size(), 3u);
  EXPECT_EQ(timeline[0].scan.id, 1);
  EXPECT_EQ(timeline[2].scan.id, 4);
  EXPECT_EQ(ProofStatement(report), ProofStatement(Exposure(2, 0)));
}

TEST_F(ProofTest, ReasonTextIsASentenceFragment) {
  EXPECT_EQ(ReasonText(core::NotCoveredReason::kPluginNotEnabled),
            "the ttm_cmd plugin was not enabled");
}

// Issue 15 item 1: the timeline said "the host's scan did not complete" twice, once as the reason
// and once as the fact the lifecycle recorded.
TEST(OutcomeExplanationTest, NotCoveredSaysTheReasonOnce) {
  core::Outcome outcome;
  outcome.kind = core::OutcomeKind::kNotCovered;
  outcome.reason = core::NotCoveredReason::kHostScanIncomplete;
  outcome.basis = "the host's scan did not complete";
  EXPECT_EQ(OutcomeExplanation(outcome), "the host's scan did not complete");
  outcome.reason = core::NotCoveredReason::kPluginNotEnabled;
  outcome.basis = "the host's scan completed; plugin_set does not list 9564501";
  EXPECT_EQ(OutcomeExplanation(outcome),
            "the ttm_cmd plugin was not enabled; the host's scan completed; plugin_set does not "
            "list 9564501");
  outcome.reason = core::NotCoveredReason::kHostNotInScan;
  outcome.basis.clear();
  EXPECT_EQ(OutcomeExplanation(outcome), "the host was not in this scan");
}

// Issue 15 item 2: an absent row says what the scan proves before the facts it rests on.
TEST(OutcomeExplanationTest, AbsentSaysWhatTheScanProves) {
  core::Outcome outcome;
  outcome.kind = core::OutcomeKind::kAbsent;
  outcome.basis = "the host's scan completed; port 5010/tcp is inside the scanned range 1-65535";
  EXPECT_EQ(OutcomeExplanation(outcome),
            "The scan could have seen the listener and did not: the host's scan completed; port "
            "5010/tcp is inside the scanned range 1-65535");
}

}  // namespace
}  // namespace ttmtrack::reports
