#include "tests/scenarios/scenario_table.hpp"
#include "tools/scangen/hostile_strings.hpp"

namespace ttmtrack::scenarios {
namespace {

constexpr ExportFormat kNessus = ExportFormat::kNessus;
constexpr ExportFormat kGvm = ExportFormat::kGvm;

HostSpec HostileNamed(HostSpec host) {
  host.fqdn = std::string(scangen::hostile::kFqdn);
  host.netbios = std::string(scangen::hostile::kNetbios);
  for (scangen::DetectionSpec& d : host.detections) d.output = scangen::hostile::kOutput;
  return host;
}

}  // namespace

// A table, not logic: one row per scenario reads best in one place, so the 60-line function
// limit does not apply here.
// NOLINTNEXTLINE(readability-function-size)
std::vector<Scenario> HistoryScenarios() {
  std::vector<Scenario> rows;
  rows.push_back({
      .name = "FixedThenDetectedAgainIsReopenedThenFixedAgain",
      .steps = {{"jan-detect", kJan, {Detecting(kX, {5010})}},
                {"feb-clean", kFeb, {Clean(kX)}},
                {"mar-detect", kMar, {Detecting(kX, {5010})}},
                {"apr-clean", kApr, {Clean(kX)}}},
      .status = {{kX, 5010, "fixed", "jan-detect", "mar-detect", "apr-clean", "apr-clean"}},
      .history = {{kX,
                   5010,
                   {Detected("jan-detect", "open"), Absent("feb-clean", "fixed"),
                    Detected("mar-detect", "reopened"), Absent("apr-clean", "fixed")}}},
  });
  rows.push_back({
      .name = "AReopenedExposureStaysReopenedUntilVerified",
      .steps = {{"jan-detect", kJan, {Detecting(kX, {5010})}},
                {"feb-clean", kFeb, {Clean(kX)}},
                {"mar-detect", kMar, {Detecting(kX, {5010})}},
                {"apr-other-host", kApr, {Clean(kY)}}},
      .status = {{kX, 5010, "reopened", "jan-detect", "mar-detect", "mar-detect", ""}},
      .history = {{kX,
                   5010,
                   {Detected("jan-detect", "open"), Absent("feb-clean", "fixed"),
                    Detected("mar-detect", "reopened"),
                    NotCovered("apr-other-host", "host-not-in-scan", "reopened")}}},
  });
  rows.push_back({
      .name = "LaterCleanRescansKeepTheFirstVerification",
      .steps = {{"jan-detect", kJan, {Detecting(kX, {5010})}},
                {"feb-clean", kFeb, {Clean(kX)}},
                {"mar-clean", kMar, {Clean(kX)}}},
      .status = {{kX, 5010, "fixed", "jan-detect", "jan-detect", "mar-clean", "feb-clean"}},
      .history = {{kX,
                   5010,
                   {Detected("jan-detect", "open"), Absent("feb-clean", "fixed"),
                    Absent("mar-clean", "fixed")}}},
  });
  rows.push_back({
      .name = "AnOlderCleanScanImportedLastBecomesTheVerification",
      .steps = {{"jan-detect", kJan, {Detecting(kX, {5010})}},
                {"mar-clean", kMar, {Clean(kX)}},
                {"feb-clean", kFeb, {Clean(kX)}}},
      .status = {{kX, 5010, "fixed", "jan-detect", "jan-detect", "mar-clean", "feb-clean"}},
      .history = {{kX,
                   5010,
                   {Detected("jan-detect", "open"), Absent("feb-clean", "fixed"),
                    Absent("mar-clean", "fixed")}}},
  });
  rows.push_back({
      .name = "AnOlderCleanScanImportedBetweenDetectionsMakesItReopened",
      .steps = {{"jan-detect", kJan, {Detecting(kX, {5010})}},
                {"mar-detect", kMar, {Detecting(kX, {5010})}},
                {"feb-clean", kFeb, {Clean(kX)}}},
      .status = {{kX, 5010, "reopened", "jan-detect", "mar-detect", "mar-detect", ""}},
      .history = {{kX,
                   5010,
                   {Detected("jan-detect", "open"), Absent("feb-clean", "fixed"),
                    Detected("mar-detect", "reopened")}}},
  });
  rows.push_back({
      .name = "AnOlderDetectionImportedLastDoesNotUndoALaterFix",
      .steps = {{"feb-clean", kFeb, {Clean(kX)}},
                {"mar-clean", kMar, {Clean(kX)}},
                {"jan-detect", kJan, {Detecting(kX, {5010})}}},
      .status = {{kX, 5010, "fixed", "jan-detect", "jan-detect", "mar-clean", "feb-clean"}},
      .history = {{kX,
                   5010,
                   {Detected("jan-detect", "open"), Absent("feb-clean", "fixed"),
                    Absent("mar-clean", "fixed")}}},
  });
  rows.push_back({
      .name = "ACleanScanBeforeTheFirstDetectionChangesNothing",
      .steps = {{"jan-clean", kJan, {Clean(kX)}}, {"feb-detect", kFeb, {Detecting(kX, {5010})}}},
      .status = {{kX, 5010, "open", "feb-detect", "feb-detect", "feb-detect", ""}},
      .history = {{kX, 5010, {Absent("jan-clean", ""), Detected("feb-detect", "open")}}},
  });
  rows.push_back({
      .name = "ADetectionInAnInterruptedHostScanStillCounts",
      .steps = {{"jan-detect", kJan, {Detecting(kX, {5010})}},
                {"feb-clean", kFeb, {Clean(kX)}},
                {"mar-interrupted-detect",
                 kMar,
                 {Interrupted(Detecting(kX, {5010}))},
                 [](ScanSpec& s) { s.run_status = "Interrupted"; }}},
      .status = {{kX, 5010, "reopened", "jan-detect", "mar-interrupted-detect",
                  "mar-interrupted-detect", ""}},
      .history = {{kX,
                   5010,
                   {Detected("jan-detect", "open"), Absent("feb-clean", "fixed"),
                    Detected("mar-interrupted-detect", "reopened")}}},
  });
  rows.push_back({
      .name = "NessusAndOpenvasScansOfTheSameHostInterleave",
      .formats = Formats::kAsWritten,
      .steps = {{"jan-nessus-detect", kJan, {Detecting(kX, {5010})}, nullptr, kNessus},
                {"feb-openvas-detect", kFeb, {Detecting(kX, {5010})}, nullptr, kGvm},
                {"mar-nessus-clean", kMar, {Clean(kX)}, nullptr, kNessus},
                {"apr-openvas-detect", kApr, {Detecting(kX, {5010})}, nullptr, kGvm},
                {"may-openvas-clean", kMay, {Clean(kX)}, nullptr, kGvm}},
      .status = {{kX, 5010, "fixed", "jan-nessus-detect", "apr-openvas-detect", "may-openvas-clean",
                  "may-openvas-clean"}},
      .history = {{kX,
                   5010,
                   {Detected("jan-nessus-detect", "open"), Detected("feb-openvas-detect", "open"),
                    Absent("mar-nessus-clean", "fixed"), Detected("apr-openvas-detect", "reopened"),
                    Absent("may-openvas-clean", "fixed")}}},
  });
  rows.push_back({
      .name = "AnOpenvasRescanMissingTheHostDoesNotCloseANessusFinding",
      .formats = Formats::kAsWritten,
      .steps = {{"jan-nessus-detect", kJan, {Detecting(kX, {5010}), Clean(kY)}, nullptr, kNessus},
                {"feb-openvas-other", kFeb, {Clean(kY)}, nullptr, kGvm},
                {"mar-openvas-interrupted",
                 kMar,
                 {Interrupted(Clean(kX))},
                 [](ScanSpec& s) { s.run_status = "Interrupted"; },
                 kGvm}},
      .status = {{kX, 5010, "open", "jan-nessus-detect", "jan-nessus-detect", "jan-nessus-detect",
                  ""}},
      .history = {{kX,
                   5010,
                   {Detected("jan-nessus-detect", "open"),
                    NotCovered("feb-openvas-other", "host-not-in-scan", "open"),
                    NotCovered("mar-openvas-interrupted", "host-scan-incomplete", "open")}}},
  });
  rows.push_back({
      .name = "HostileHostNamesArriveIntactInStatus",
      .steps = {{"jan-detect", kJan, {HostileNamed(Detecting(kZ, {5010}))}},
                {"feb-clean", kFeb, {HostileNamed(Clean(kZ))}}},
      .status = {{kZ, 5010, "fixed", "jan-detect", "jan-detect", "feb-clean", "feb-clean",
                  std::string(scangen::hostile::kFqdn)}},
  });
  return rows;
}

}  // namespace ttmtrack::scenarios
