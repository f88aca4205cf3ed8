#include "tests/scenarios/scenario_table.hpp"

namespace ttmtrack::scenarios {
namespace {

constexpr ExportFormat kGvm = ExportFormat::kGvm;

void ForeignDetector(ScanSpec& s) { s.detection_plugin = ForeignTtmPlugin(); }

// A re-scan whose policy enables the foreign plugin but not ttmtrack's own.
void OnlyForeignPluginEnabled(ScanSpec& s) {
  s.plugin_set = scangen::PluginSet::kWithoutTtm;
  s.extra_plugin_ids = {kForeignNessusId};
}

std::vector<std::vector<std::string>> StrictPolicy() {
  return {{"config", "set", "coverage.plugin-unknown", "strict"},
          {"config", "set", "coverage.port-unknown", "strict"},
          {"config", "set", "coverage.host-unknown", "strict"}};
}

Step LearnStep() { return {"mar-foreign-detect", kMar, {Detecting(kY, {5010})}, ForeignDetector}; }

}  // namespace

scangen::DetectionPlugin ForeignTtmPlugin() {
  return {kForeignNessusId, "1.3.6.1.4.1.32473.99.7",
          "Custom check: TRADING technologies messaging command port reachable", "Misc.",
          "unknown"};
}

// A table, not logic: one row per scenario reads best in one place, so the 60-line function
// limit does not apply here.
// NOLINTNEXTLINE(readability-function-size)
std::vector<Scenario> RuleAndPolicyScenarios() {
  std::vector<Scenario> rows;
  rows.push_back({
      .name = "AForeignPluginNamedAfterTtmIsADetection",
      .steps = {{"jan-foreign-detect", kJan, {Detecting(kX, {5010})}, ForeignDetector},
                {"feb-clean", kFeb, {Clean(kX)}}},
      .status = {{kX, 5010, "fixed", "jan-foreign-detect", "jan-foreign-detect", "feb-clean",
                  "feb-clean"}},
  });
  // The learned ID makes the February re-scan count even when it was imported before the scan
  // that taught it; the third row is the control without the teaching scan.
  const std::vector<ExpectExposure> learned_status = {
      {kX, 5010, "fixed", "jan-detect", "jan-detect", "feb-foreign-only", "feb-foreign-only"},
      {kY, 5010, "open", "mar-foreign-detect", "mar-foreign-detect", "mar-foreign-detect", ""}};
  const ExpectHistory learned_history = {
      kX,
      5010,
      {Detected("jan-detect", "open"), Absent("feb-foreign-only", "fixed"),
       NotCovered("mar-foreign-detect", "host-not-in-scan", "fixed")}};
  rows.push_back({
      .name = "ALearnedPluginIdCountsAsEnabledInScansImportedBefore",
      .formats = Formats::kNessusOnly,
      .steps = {{"feb-foreign-only", kFeb, {Clean(kX)}, OnlyForeignPluginEnabled},
                {"jan-detect", kJan, {Detecting(kX, {5010})}},
                LearnStep()},
      .status = learned_status,
      .history = {learned_history},
  });
  rows.push_back({
      .name = "ALearnedPluginIdCountsAsEnabledInScansImportedAfter",
      .formats = Formats::kNessusOnly,
      .steps = {{"jan-detect", kJan, {Detecting(kX, {5010})}},
                LearnStep(),
                {"feb-foreign-only", kFeb, {Clean(kX)}, OnlyForeignPluginEnabled}},
      .status = learned_status,
      .history = {learned_history},
  });
  rows.push_back({
      .name = "AnUnknownPluginIdDoesNotCountAsEnabled",
      .formats = Formats::kNessusOnly,
      .steps = {{"jan-detect", kJan, {Detecting(kX, {5010})}},
                {"feb-foreign-only", kFeb, {Clean(kX)}, OnlyForeignPluginEnabled}},
      .status = {{kX, 5010, "open", "jan-detect", "jan-detect", "jan-detect", ""}},
      .history = {{kX,
                   5010,
                   {Detected("jan-detect", "open"),
                    NotCovered("feb-foreign-only", "plugin-not-enabled", "open")}}},
  });
  rows.push_back({
      .name = "AUserAddedPluginIdIsADetection",
      .commands = {{"rules", "add", "--nessus-id", "990002", "--note", "in-house TTM check"},
                   {"rules", "add", "--oid", "1.3.6.1.4.1.32473.99.8"}},
      .steps = {{"jan-inhouse-detect",
                 kJan,
                 {Detecting(kX, {5010})},
                 [](ScanSpec& s) {
                   s.detection_plugin = {"990002", "1.3.6.1.4.1.32473.99.8",
                                         "In-house check: legacy command port", "Misc.", "unknown"};
                 }},
                {"feb-clean", kFeb, {Clean(kX)}}},
      .status = {{kX, 5010, "fixed", "jan-inhouse-detect", "jan-inhouse-detect", "feb-clean",
                  "feb-clean"}},
  });
  rows.push_back({
      .name = "AResultMatchingNoRuleIsNoDetection",
      .steps = {{"jan-unknown-plugin",
                 kJan,
                 {Detecting(kX, {5010}), Detecting(kY, {10200})},
                 [](ScanSpec& s) {
                   s.detection_plugin = {"990003", "1.3.6.1.4.1.32473.99.9",
                                         "Legacy command port open", "Misc.", "unknown"};
                   s.extra_plugin_ids = {"9564501"};  // ttmtrack's own plugin ran, found nothing
                 }},
                {"feb-detect", kFeb, {Detecting(kY, {10200})}}},
      .status = {{kY, 10200, "open", "feb-detect", "feb-detect", "feb-detect", ""}},
      .history = {{kY, 10200, {Absent("jan-unknown-plugin", ""), Detected("feb-detect", "open")}}},
  });
  rows.push_back({
      .name = "PortScannerResultsOnATtmPortMakeNoOtherExposures",
      .formats = Formats::kNessusOnly,
      .steps = {{"jan-detect",
                 kJan,
                 {Detecting(kX, {5010})},
                 [](ScanSpec& s) { s.port_results_on_detection_ports = true; }},
                {"feb-other-host", kFeb, {Clean(kY), Clean(kZ)}}},
      .status = {{kX, 5010, "open", "jan-detect", "jan-detect", "jan-detect", ""}},
  });
  // Real Nessus files label every result on the identified port ttm_cmd, the SYN scanner's too:
  // its ID is learned for coverage only (docs/rules.md), proving absence where the port was
  // reported closed, never where it was seen open by a scanner that cannot tell the service.
  const auto realistic = [](ScanSpec& s) { s.port_results_on_detection_ports = true; };
  const auto without_ttm = [](ScanSpec& s) { s.plugin_set = scangen::PluginSet::kWithoutTtm; };
  HostSpec port_open = Clean(kX);
  port_open.open_ports = {22, 5010};
  rows.push_back({
      .name = "ALearnedPortScannerProvesAClosedPortWhateverTheImportOrder",
      .formats = Formats::kNessusOnly,
      .steps = {{"feb-port-scan-only", kFeb, {Clean(kX)}, without_ttm},
                {"jan-detect", kJan, {Detecting(kX, {5010})}, realistic}},
      .status = {{kX, 5010, "fixed", "jan-detect", "jan-detect", "feb-port-scan-only",
                  "feb-port-scan-only"}},
      .history = {{kX,
                   5010,
                   {Detected("jan-detect", "open"), Absent("feb-port-scan-only", "fixed")}}},
  });
  rows.push_back({
      .name = "ALearnedPortScannerCannotProveAnOpenPort",
      .formats = Formats::kNessusOnly,
      .steps = {{"jan-detect", kJan, {Detecting(kX, {5010})}, realistic},
                {"feb-port-open", kFeb, {port_open}, without_ttm}},
      .status = {{kX, 5010, "open", "jan-detect", "jan-detect", "jan-detect", ""}},
      .history = {{kX,
                   5010,
                   {Detected("jan-detect", "open"),
                    NotCovered("feb-port-open", "plugin-not-enabled", "open")}}},
  });
  rows.push_back({
      .name = "StrictPolicyLeavesAnOpenvasCleanRescanUnverified",
      .formats = Formats::kAsWritten,
      .commands = StrictPolicy(),
      .steps = {{"jan-detect", kJan, {Detecting(kX, {5010})}, nullptr, kGvm},
                {"feb-clean", kFeb, {Clean(kX)}, nullptr, kGvm}},
      .status = {{kX, 5010, "open", "jan-detect", "jan-detect", "jan-detect", ""}},
      .history = {{kX,
                   5010,
                   {Detected("jan-detect", "open"),
                    NotCovered("feb-clean", "coverage-unknown", "open")}}},
  });
  rows.push_back({
      .name = "DefaultPolicyVerifiesAnOpenvasRescanAndRecordsTheAssumption",
      .formats = Formats::kAsWritten,
      .steps = {{"jan-detect", kJan, {Detecting(kX, {5010})}, nullptr, kGvm},
                {"feb-clean", kFeb, {Clean(kX)}, nullptr, kGvm}},
      .status = {{kX, 5010, "fixed", "jan-detect", "jan-detect", "feb-clean", "feb-clean"}},
      .history = {{kX,
                   5010,
                   {Detected("jan-detect", "open"), Absent("feb-clean", "fixed", Assumed::kYes)}}},
  });
  // GVM exports say which results they hold: a filter that could have hidden the detection
  // (min_qod above the unconfirmed plugin's QoD 30, levels without Medium) proves nothing.
  rows.push_back({
      .name = "AFilteredOpenvasExportProvesNothing",
      .formats = Formats::kAsWritten,
      .steps = {{"jan-detect", kJan, {Detecting(kX, {5010})}, nullptr, kGvm},
                {"feb-min-qod-70",
                 kFeb,
                 {Clean(kX)},
                 [](ScanSpec& s) {
                   s.gvm_filter = "apply_overrides=0 min_qod=70 levels=hml rows=100 first=1";
                 },
                 kGvm}},
      .status = {{kX, 5010, "open", "jan-detect", "jan-detect", "jan-detect", ""}},
      .history = {{kX,
                   5010,
                   {Detected("jan-detect", "open"),
                    {"feb-min-qod-70", "not-covered", "export-filtered", "open", Assumed::kAny}}}},
  });
  // Tier-aware (issue 13): min_qod=40 lets the confirmed plugin's QoD 50 through but would hide
  // an unconfirmed listener (QoD 30), which is a detection too.
  rows.push_back({
      .name = "AnOpenvasExportHidingTheUnconfirmedTierProvesNothing",
      .formats = Formats::kAsWritten,
      .steps = {{"jan-detect", kJan, {Detecting(kX, {5010})}, nullptr, kGvm},
                {"feb-min-qod-40",
                 kFeb,
                 {Clean(kX)},
                 [](ScanSpec& s) {
                   s.gvm_filter = "apply_overrides=0 min_qod=40 levels=hml rows=-1 first=1";
                 },
                 kGvm}},
      .status = {{kX, 5010, "open", "jan-detect", "jan-detect", "jan-detect", ""}},
      .history = {{kX,
                   5010,
                   {Detected("jan-detect", "open"),
                    {"feb-min-qod-40", "not-covered", "export-filtered", "open", Assumed::kAny}}}},
  });
  rows.push_back({
      .name = "AnOpenvasExportWhoseFilterKeepsTheDetectionCounts",
      .formats = Formats::kAsWritten,
      .steps = {{"jan-detect", kJan, {Detecting(kX, {5010})}, nullptr, kGvm},
                {"feb-min-qod-30",
                 kFeb,
                 {Clean(kX)},
                 [](ScanSpec& s) {
                   s.gvm_filter = "apply_overrides=0 min_qod=30 levels=hml rows=-1 first=1";
                 },
                 kGvm}},
      .status = {{kX, 5010, "fixed", "jan-detect", "jan-detect", "feb-min-qod-30",
                  "feb-min-qod-30"}},
      .history = {{kX, 5010, {Detected("jan-detect", "open"), Absent("feb-min-qod-30", "fixed")}}},
  });
  rows.push_back({
      .name = "StrictPolicyAcceptsANessusRescanThatStatesItsCoverage",
      .formats = Formats::kNessusOnly,
      .commands = StrictPolicy(),
      .steps = {{"jan-detect", kJan, {Detecting(kX, {5010})}}, {"feb-clean", kFeb, {Clean(kX)}}},
      .status = {{kX, 5010, "fixed", "jan-detect", "jan-detect", "feb-clean", "feb-clean"}},
      .history = {{kX,
                   5010,
                   {Detected("jan-detect", "open"), Absent("feb-clean", "fixed", Assumed::kNo)}}},
  });
  rows.push_back({
      .name = "StrictPolicyLeavesANessusRescanWithoutPolicyUnverified",
      .formats = Formats::kNessusOnly,
      .commands = StrictPolicy(),
      .steps = {{"jan-detect", kJan, {Detecting(kX, {5010})}},
                {"feb-no-policy", kFeb, {Clean(kX)}, [](ScanSpec& s) { s.with_policy = false; }}},
      .status = {{kX, 5010, "open", "jan-detect", "jan-detect", "jan-detect", ""}},
      .history = {{kX,
                   5010,
                   {Detected("jan-detect", "open"),
                    NotCovered("feb-no-policy", "coverage-unknown", "open")}}},
  });
  rows.push_back({
      .name = "DefaultPolicyAssumesTheScannersDefaultPortList",
      .formats = Formats::kNessusOnly,
      .steps =
          {{"jan-detect", kJan, {Detecting(kX, {5010})}},
           {"feb-default-ports", kFeb, {Clean(kX)}, [](ScanSpec& s) { s.port_range = "default"; }}},
      .status = {{kX, 5010, "fixed", "jan-detect", "jan-detect", "feb-default-ports",
                  "feb-default-ports"}},
      .history = {{kX,
                   5010,
                   {Detected("jan-detect", "open"),
                    Absent("feb-default-ports", "fixed", Assumed::kYes)}}},
  });
  rows.push_back({
      .name = "StrictPolicyRefusesTheScannersDefaultPortList",
      .formats = Formats::kNessusOnly,
      .commands = StrictPolicy(),
      .steps =
          {{"jan-detect", kJan, {Detecting(kX, {5010})}},
           {"feb-default-ports", kFeb, {Clean(kX)}, [](ScanSpec& s) { s.port_range = "default"; }}},
      .status = {{kX, 5010, "open", "jan-detect", "jan-detect", "jan-detect", ""}},
      .history = {{kX,
                   5010,
                   {Detected("jan-detect", "open"),
                    NotCovered("feb-default-ports", "coverage-unknown", "open")}}},
  });
  return rows;
}

}  // namespace ttmtrack::scenarios
