// Table-driven tests of DecideOutcome: each row is a named scenario; the comment above a row
// cites the invariant of core/lifecycle.cpp it exercises.
#include <algorithm>

#include <gtest/gtest.h>

#include "core/enum_text.hpp"
#include "core/lifecycle.hpp"
#include "tests/core/case_name.hpp"

namespace ttmtrack::core {
namespace {

constexpr auto kAssume = UnknownCoverage::kAssumeCovered;
constexpr auto kStrict = UnknownCoverage::kNotCovered;

// A fully covered, clean observation of 192.0.2.10:5010/tcp; rows change one fact each.
ExposureObservation Covered() {
  ExposureObservation o;
  o.exposure_id = 7;
  o.port = 5010;
  o.protocol = "tcp";
  o.scan.id = 3;
  o.scan.time = 1000;
  o.scan.sha256 = "aa";
  o.host_in_scan = true;
  o.host_completion = HostCompletion::kCompleted;
  o.plugin_enabled = {Knowledge::kYes, "the scan's enabled-plugin list includes 9564501"};
  o.port_range = "1-65535";
  return o;
}

template <typename F>
ExposureObservation With(F change) {
  ExposureObservation o = Covered();
  change(o);
  return o;
}

CoveragePolicy Strict() { return {kStrict, kStrict, kStrict}; }

struct DecideCase {
  const char* name;  // the scenario; the invariant it checks is in the name's comment
  ExposureObservation observation;
  CoveragePolicy policy;
  OutcomeKind kind;
  NotCoveredReason reason;
  const char* assumption_contains;  // "" = assumption must be empty
  const char* basis_contains;
};

class LifecycleTest : public ::testing::TestWithParam<DecideCase> {};

TEST_P(LifecycleTest, DecidesTheOutcome) {
  const DecideCase& c = GetParam();
  const Outcome o = DecideOutcome(c.observation, c.policy);
  EXPECT_EQ(ToText(o.kind), ToText(c.kind));
  EXPECT_EQ(ToText(o.reason), ToText(c.reason));
  if (std::string(c.assumption_contains).empty()) {
    EXPECT_EQ(o.assumption, "");
  } else {
    EXPECT_NE(o.assumption.find(c.assumption_contains), std::string::npos) << o.assumption;
  }
  EXPECT_NE(o.basis.find(c.basis_contains), std::string::npos) << o.basis;
  EXPECT_EQ(o.exposure_id, 7);
  EXPECT_EQ(o.scan.sha256, "aa");
}

const DecideCase kDecideCases[] = {
    // I5: every fact from the export, all passing.
    {"CleanCoveredRescanIsAbsent",
     Covered(),
     {},
     OutcomeKind::kAbsent,
     NotCoveredReason::kNone,
     "",
     "inside the scanned range 1-65535"},
    // I2: a detection wins over everything, even a missing host record.
    {"DetectionWinsOverCoverageFacts", With([](auto& o) {
       o.detected = true;
       o.host_in_scan = false;
       o.plugin_enabled = {Knowledge::kNo, "x"};
     }),
     Strict(), OutcomeKind::kDetected, NotCoveredReason::kNone, "",
     "reported c564e5ab at 5010/tcp"},
    // I3.
    {"HostMissingIsNotCovered",
     With([](auto& o) { o.host_in_scan = false; }),
     {},
     OutcomeKind::kNotCovered,
     NotCoveredReason::kHostNotInScan,
     "",
     ""},
    {"HostMissingComesBeforeOtherReasons",
     With([](auto& o) {
       o.host_in_scan = false;
       o.host_completion = HostCompletion::kIncomplete;
       o.plugin_enabled = {Knowledge::kNo, "x"};
     }),
     {},
     OutcomeKind::kNotCovered,
     NotCoveredReason::kHostNotInScan,
     "",
     ""},
    {"InterruptedHostScanIsNotCovered",
     With([](auto& o) { o.host_completion = HostCompletion::kIncomplete; }),
     {},
     OutcomeKind::kNotCovered,
     NotCoveredReason::kHostScanIncomplete,
     "",
     "did not complete"},
    {"IncompleteComesBeforePluginDisabled",
     With([](auto& o) {
       o.host_completion = HostCompletion::kIncomplete;
       o.plugin_enabled = {Knowledge::kNo, "x"};
     }),
     {},
     OutcomeKind::kNotCovered,
     NotCoveredReason::kHostScanIncomplete,
     "",
     ""},
    // I14: a host time the export spells unreadably proves nothing, whatever else it says and
    // under any policy: the fact is damaged, not unknown, so nothing is assumed in its place.
    {"UnreadableHostTimeIsNotCoveredEvenWhenTheHostLooksComplete",
     With([](auto& o) { o.host_time_unreadable = true; }),
     {},
     OutcomeKind::kNotCovered,
     NotCoveredReason::kHostTimeUnreadable,
     "",
     "cannot be read"},
    {"UnreadableHostTimeIsNotAssumedAwayWithUnknownCompletion",
     With([](auto& o) {
       o.host_time_unreadable = true;
       o.host_completion = HostCompletion::kUnknown;
     }),
     {},
     OutcomeKind::kNotCovered,
     NotCoveredReason::kHostTimeUnreadable,
     "",
     ""},
    {"ADetectionWinsOverAnUnreadableHostTime",
     With([](auto& o) {
       o.host_time_unreadable = true;
       o.detected = true;
     }),
     {},
     OutcomeKind::kDetected,
     NotCoveredReason::kNone,
     "",
     ""},
    // I6: unknown completion, assumed or strict.
    {"UnknownCompletionIsAssumedAndRecorded",
     With([](auto& o) { o.host_completion = HostCompletion::kUnknown; }),
     {},
     OutcomeKind::kAbsent,
     NotCoveredReason::kNone,
     "host scan assumed complete",
     ""},
    // I6: a not-covered outcome rests on no assumption, even one taken before the check that
    // failed.
    {"AssumedCompletionIsNotRecordedWhenThePluginWasDisabled",
     With([](auto& o) {
       o.host_completion = HostCompletion::kUnknown;
       o.plugin_enabled = {Knowledge::kNo, "the scan's plugin_set does not include 9564501"};
     }),
     {},
     OutcomeKind::kNotCovered,
     NotCoveredReason::kPluginNotEnabled,
     "",
     "does not include 9564501"},
    {"UnknownCompletionUnderStrictIsCoverageUnknown",
     With([](auto& o) { o.host_completion = HostCompletion::kUnknown; }),
     {kAssume, kAssume, kStrict},
     OutcomeKind::kNotCovered,
     NotCoveredReason::kCoverageUnknown,
     "",
     "does not say whether the host's scan finished"},
    {"DisabledPluginIsNotCovered",
     With([](auto& o) {
       o.plugin_enabled = {Knowledge::kNo, "family disabled"};
     }),
     {},
     OutcomeKind::kNotCovered,
     NotCoveredReason::kPluginNotEnabled,
     "",
     "family disabled"},
    {"PluginDisabledComesBeforePortOutside",
     With([](auto& o) {
       o.plugin_enabled = {Knowledge::kNo, "x"};
       o.port_range = "1-1024";
     }),
     {},
     OutcomeKind::kNotCovered,
     NotCoveredReason::kPluginNotEnabled,
     "",
     ""},
    {"UnknownPluginIsAssumedWithItsBasis",
     With([](auto& o) {
       o.plugin_enabled = {Knowledge::kUnknown, "GVM reports carry no scan configuration"};
     }),
     {},
     OutcomeKind::kAbsent,
     NotCoveredReason::kNone,
     "plugin assumed enabled: GVM reports carry no scan configuration",
     "host's scan completed"},
    {"UnknownPluginUnderStrictIsCoverageUnknown",
     With([](auto& o) {
       o.plugin_enabled = {Knowledge::kUnknown, "GVM reports carry no scan configuration"};
     }),
     {kStrict, kAssume, kAssume},
     OutcomeKind::kNotCovered,
     NotCoveredReason::kCoverageUnknown,
     "",
     "unknown whether the plugin was enabled"},
    // I12: only a coverage-scope plugin (a port scanner) was enabled.
    {"CoverageOnlyPluginThatSawNothingOnThePortIsAbsent", With([](auto& o) {
       o.plugin_enabled = {Knowledge::kYes, "the scan's enabled-plugin list includes 11219"};
       o.plugin_coverage_only = true;
     }),
     Strict(), OutcomeKind::kAbsent, NotCoveredReason::kNone, "",
     "the scan reported nothing on port 5010/tcp"},
    {"CoverageOnlyPluginWithThePortSeenOpenIsNotCovered",
     With([](auto& o) {
       o.plugin_enabled = {Knowledge::kYes, "the scan's enabled-plugin list includes 11219"};
       o.plugin_coverage_only = true;
       o.port_seen_open = true;
     }),
     {},
     OutcomeKind::kNotCovered,
     NotCoveredReason::kPluginNotEnabled,
     "",
     "reported port 5010/tcp open, and no enabled plugin could tell"},
    {"CoverageOnlyPluginCannotSpeakForAHostLevelExposure",
     With([](auto& o) {
       o.plugin_enabled = {Knowledge::kYes, "the scan's enabled-plugin list includes 11219"};
       o.plugin_coverage_only = true;
       o.port = 0;
     }),
     {},
     OutcomeKind::kNotCovered,
     NotCoveredReason::kPluginNotEnabled,
     "",
     "cannot see a host-level finding"},
    {"CoverageOnlyPluginDoesNotOverrideTheRange",
     With([](auto& o) {
       o.plugin_enabled = {Knowledge::kYes, "the scan's enabled-plugin list includes 11219"};
       o.plugin_coverage_only = true;
       o.port_range = "1-1024";
     }),
     {},
     OutcomeKind::kNotCovered,
     NotCoveredReason::kPortOutsideRange,
     "",
     "reported nothing on port 5010/tcp"},
    // I13: a GVM export whose filter hides the plugin's results proves nothing.
    {"ExportFilterHidingThePluginIsNotCovered",
     With([](auto& o) {
       o.export_filter = {Knowledge::kNo,
                          "the export's filter min_qod=70 hides results below QoD 70; the "
                          "ttm_cmd plugin reports at QoD 50"};
     }),
     {},
     OutcomeKind::kNotCovered,
     NotCoveredReason::kExportFiltered,
     "",
     "the export's filter min_qod=70 hides results below QoD 70"},
    {"ExportFilterComesAfterPluginDisabled",
     With([](auto& o) {
       o.plugin_enabled = {Knowledge::kNo, "x"};
       o.export_filter = {Knowledge::kNo, "y"};
     }),
     {},
     OutcomeKind::kNotCovered,
     NotCoveredReason::kPluginNotEnabled,
     "",
     ""},
    {"ExportFilterComesBeforePortOutside",
     With([](auto& o) {
       o.export_filter = {Knowledge::kNo, "a page"};
       o.port_range = "1-1024";
     }),
     {},
     OutcomeKind::kNotCovered,
     NotCoveredReason::kExportFiltered,
     "",
     "a page"},
    {"ExportFilterAppliesToAHostLevelExposure",
     With([](auto& o) {
       o.port = 0;
       o.export_filter = {Knowledge::kNo, "a page"};
     }),
     {},
     OutcomeKind::kNotCovered,
     NotCoveredReason::kExportFiltered,
     "",
     "a page"},
    {"ExportFilterShowingThePluginIsPartOfTheBasis", With([](auto& o) {
       o.export_filter = {Knowledge::kYes, "the export's filter min_qod=0 lets it through"};
     }),
     Strict(), OutcomeKind::kAbsent, NotCoveredReason::kNone, "",
     "the export's filter min_qod=0 lets it through; port 5010/tcp is inside"},
    // I2 over I13: a detection in a filtered export is still a detection.
    {"DetectionWinsOverAnExportFilter",
     With([](auto& o) {
       o.detected = true;
       o.export_filter = {Knowledge::kNo, "a page"};
     }),
     {},
     OutcomeKind::kDetected,
     NotCoveredReason::kNone,
     "",
     "reported c564e5ab"},
    {"PortOutsideRangeIsNotCovered",
     With([](auto& o) { o.port_range = "1-1024"; }),
     {},
     OutcomeKind::kNotCovered,
     NotCoveredReason::kPortOutsideRange,
     "",
     "outside the scanned range 1-1024"},
    {"KnownRangeDecidesEvenWhenPortWasSeen",
     With([](auto& o) {
       o.port_range = "1-1024";
       o.port_seen_open = true;
     }),
     {},
     OutcomeKind::kNotCovered,
     NotCoveredReason::kPortOutsideRange,
     "",
     ""},
    {"UdpExposureOutsideTcpOnlyRange",
     With([](auto& o) {
       o.protocol = "udp";
       o.port_range = "T:1-65535";
     }),
     {},
     OutcomeKind::kNotCovered,
     NotCoveredReason::kPortOutsideRange,
     "",
     "5010/udp"},
    {"DefaultRangeWithPortProbedIsCovered", With([](auto& o) {
       o.port_range = "default";
       o.port_seen_open = true;
     }),
     Strict(), OutcomeKind::kAbsent, NotCoveredReason::kNone, "", "the scan probed port 5010/tcp"},
    {"DefaultRangeIsAssumedAndRecorded",
     With([](auto& o) { o.port_range = "default"; }),
     {},
     OutcomeKind::kAbsent,
     NotCoveredReason::kNone,
     "port assumed scanned: the scan used the "
     "scanner's default port list",
     ""},
    {"DefaultRangeUnderStrictIsCoverageUnknown",
     With([](auto& o) { o.port_range = "default"; }),
     {kAssume, kStrict, kAssume},
     OutcomeKind::kNotCovered,
     NotCoveredReason::kCoverageUnknown,
     "",
     "unknown whether port 5010/tcp was scanned"},
    {"MissingRangeIsAssumedAndRecorded",
     With([](auto& o) { o.port_range.reset(); }),
     {},
     OutcomeKind::kAbsent,
     NotCoveredReason::kNone,
     "does not state the scanned port range",
     ""},
    {"MissingRangeWithPortProbedNeedsNoAssumption",
     With([](auto& o) {
       o.port_range.reset();
       o.port_seen_open = true;
     }),
     {},
     OutcomeKind::kAbsent,
     NotCoveredReason::kNone,
     "",
     "probed port 5010/tcp"},
    {"UnreadableRangeIsTreatedAsUnknown",
     With([](auto& o) { o.port_range = "5010-"; }),
     {},
     OutcomeKind::kAbsent,
     NotCoveredReason::kNone,
     "\"5010-\" could not be read",
     ""},
    {"HostLevelFindingSkipsThePortCheck", With([](auto& o) {
       o.port = 0;
       o.port_range = "1-1024";
     }),
     Strict(), OutcomeKind::kAbsent, NotCoveredReason::kNone, "", "host-level finding"},
    {"EveryAssumptionIsRecorded",
     With([](auto& o) {
       o.host_completion = HostCompletion::kUnknown;
       o.plugin_enabled = {Knowledge::kUnknown, "GVM reports carry no scan configuration"};
       o.port_range.reset();
     }),
     {},
     OutcomeKind::kAbsent,
     NotCoveredReason::kNone,
     "host scan assumed complete: the export does not say whether it finished; plugin assumed "
     "enabled: GVM reports carry no scan configuration; port assumed scanned",
     ""},
};

INSTANTIATE_TEST_SUITE_P(Decide, LifecycleTest, ::testing::ValuesIn(kDecideCases),
                         testing::CaseName<DecideCase>);

}  // namespace
}  // namespace ttmtrack::core
