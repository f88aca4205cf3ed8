#include "tests/scenarios/scenario_table.hpp"

namespace ttmtrack::scenarios {

// A table, not logic: one row per scenario reads best in one place, so the 60-line function
// limit does not apply here.
// NOLINTNEXTLINE(readability-function-size)
std::vector<Scenario> CoverageScenarios() {
  std::vector<Scenario> rows;
  rows.push_back({
      .name = "ACleanCoveredRescanProvesTheFix",
      .steps = {{"jan-detect", kJan, {Detecting(kX, {5010})}}, {"feb-clean", kFeb, {Clean(kX)}}},
      .status = {{kX, 5010, "fixed", "jan-detect", "jan-detect", "feb-clean", "feb-clean",
                  "h-10-20-0-11.trading.example"}},
      .history = {{kX, 5010, {Detected("jan-detect", "open"), Absent("feb-clean", "fixed")}}},
  });
  rows.push_back({
      .name = "ARescanWithoutTheHostLeavesItOpen",
      .steps = {{"jan-detect", kJan, {Detecting(kX, {5010}), Clean(kY)}},
                {"feb-other-host", kFeb, {Clean(kY)}}},
      .status = {{kX, 5010, "open", "jan-detect", "jan-detect", "jan-detect", ""}},
      .history = {{kX,
                   5010,
                   {Detected("jan-detect", "open"),
                    NotCovered("feb-other-host", "host-not-in-scan", "open")}}},
  });
  rows.push_back({
      .name = "AnInterruptedHostScanLeavesItOpen",
      .steps = {{"jan-detect", kJan, {Detecting(kX, {5010})}},
                {"feb-interrupted",
                 kFeb,
                 {Interrupted(Clean(kX)), Clean(kY)},
                 [](ScanSpec& s) { s.run_status = "Interrupted"; }}},
      .status = {{kX, 5010, "open", "jan-detect", "jan-detect", "jan-detect", ""}},
      .history = {{kX,
                   5010,
                   {Detected("jan-detect", "open"),
                    NotCovered("feb-interrupted", "host-scan-incomplete", "open")}}},
  });
  rows.push_back({
      .name = "ADisabledPluginLeavesItOpen",
      .formats = Formats::kNessusOnly,
      .steps = {{"jan-detect", kJan, {Detecting(kX, {5010})}},
                {"feb-without-plugin",
                 kFeb,
                 {Clean(kX)},
                 [](ScanSpec& s) { s.plugin_set = scangen::PluginSet::kWithoutTtm; }}},
      .status = {{kX, 5010, "open", "jan-detect", "jan-detect", "jan-detect", ""}},
      .history = {{kX,
                   5010,
                   {Detected("jan-detect", "open"),
                    NotCovered("feb-without-plugin", "plugin-not-enabled", "open")}}},
  });
  rows.push_back({
      .name = "APortOutsideTheScannedRangeLeavesItOpen",
      .formats = Formats::kNessusOnly,
      .steps = {{"jan-detect", kJan, {Detecting(kX, {5010})}},
                {"feb-low-ports", kFeb, {Clean(kX)}, [](ScanSpec& s) { s.port_range = "1-1024"; }}},
      .status = {{kX, 5010, "open", "jan-detect", "jan-detect", "jan-detect", ""}},
      .history = {{kX,
                   5010,
                   {Detected("jan-detect", "open"),
                    NotCovered("feb-low-ports", "port-outside-range", "open")}}},
  });
  rows.push_back({
      .name = "APortInsideAListedRangeIsCovered",
      .formats = Formats::kNessusOnly,
      .steps = {{"jan-detect", kJan, {Detecting(kX, {5010})}},
                {"feb-listed-ports",
                 kFeb,
                 {Clean(kX)},
                 [](ScanSpec& s) { s.port_range = "1-1024,5000-5100,10200"; }}},
      .status = {{kX, 5010, "fixed", "jan-detect", "jan-detect", "feb-listed-ports",
                  "feb-listed-ports"}},
      .history = {{kX,
                   5010,
                   {Detected("jan-detect", "open"), Absent("feb-listed-ports", "fixed")}}},
  });
  rows.push_back({
      .name = "TwoExposuresOnOneHostAreTrackedApart",
      .steps = {{"jan-detect-both", kJan, {Detecting(kX, {5010, 10200})}},
                {"feb-detect-10200", kFeb, {Detecting(kX, {10200})}}},
      .status = {{kX, 5010, "fixed", "jan-detect-both", "jan-detect-both", "feb-detect-10200",
                  "feb-detect-10200"},
                 {kX, 10200, "open", "jan-detect-both", "feb-detect-10200", "feb-detect-10200",
                  ""}},
      .history = {{kX,
                   5010,
                   {Detected("jan-detect-both", "open"), Absent("feb-detect-10200", "fixed")}},
                  {kX,
                   10200,
                   {Detected("jan-detect-both", "open"), Detected("feb-detect-10200", "open")}}},
  });
  rows.push_back({
      .name = "TcpAndUdpOnOnePortAreSeparateExposures",
      .steps = {{"jan-detect-both", kJan, {WithUdpDetection(Detecting(kX, {5010}), 5010)}},
                {"feb-detect-udp", kFeb, {WithUdpDetection(Clean(kX), 5010)}}},
      .status = {{kX, 5010, "fixed", "jan-detect-both", "jan-detect-both", "feb-detect-udp",
                  "feb-detect-udp"},
                 {kX, 5010, "open", "jan-detect-both", "feb-detect-udp", "feb-detect-udp", "",
                  std::nullopt, "udp"}},
      .history = {{kX,
                   5010,
                   {Detected("jan-detect-both", "open"), Absent("feb-detect-udp", "fixed")}},
                  {kX,
                   5010,
                   {Detected("jan-detect-both", "open"), Detected("feb-detect-udp", "open")},
                   "udp"}},
  });
  // Nessus port ranges: an unprefixed item covers TCP and UDP; T: and U: items one protocol.
  rows.push_back({
      .name = "AProtocolPrefixedRangeCoversOnlyItsProtocol",
      .formats = Formats::kNessusOnly,
      .steps = {{"jan-detect-both", kJan, {WithUdpDetection(Detecting(kX, {5010}), 5010)}},
                {"feb-tcp-range",
                 kFeb,
                 {Clean(kX)},
                 [](ScanSpec& s) { s.port_range = "T:1-65535,U:53,161"; }}},
      .status = {{kX, 5010, "fixed", "jan-detect-both", "jan-detect-both", "feb-tcp-range",
                  "feb-tcp-range"},
                 {kX, 5010, "open", "jan-detect-both", "jan-detect-both", "jan-detect-both", "",
                  std::nullopt, "udp"}},
      .history = {{kX,
                   5010,
                   {Detected("jan-detect-both", "open"),
                    NotCovered("feb-tcp-range", "port-outside-range", "open")},
                   "udp"}},
  });
  // Nessus names a ReportHost after the target as typed; the identity is the host-ip tag.
  HostSpec by_name = Detecting(kX, {5010});
  by_name.report_name = "h-10-20-0-11.trading.example";
  rows.push_back({
      .name = "AHostScannedByNameIsTheSameHostAsByAddress",
      .steps = {{"jan-detect-by-name", kJan, {by_name}}, {"feb-clean", kFeb, {Clean(kX)}}},
      .status = {{kX, 5010, "fixed", "jan-detect-by-name", "jan-detect-by-name", "feb-clean",
                  "feb-clean"}},
  });
  rows.push_back({
      .name = "AnIpv6HostIsTrackedByItsAddress",
      .steps = {{"jan-detect", kJan, {Detecting(kV6, {5010})}}, {"feb-clean", kFeb, {Clean(kV6)}}},
      .status = {{kV6, 5010, "fixed", "jan-detect", "jan-detect", "feb-clean", "feb-clean"}},
      .history = {{kV6, 5010, {Detected("jan-detect", "open"), Absent("feb-clean", "fixed")}}},
  });
  return rows;
}

}  // namespace ttmtrack::scenarios
