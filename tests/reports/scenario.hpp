#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/host_report.hpp"
#include "reports/report_options.hpp"

namespace ttmtrack::reports::testing {

// A hand-built estate with every state, used by the golden, writer and browser tests:
//   192.0.2.10  trade-gw1.example.net  5010/tcp fixed (verified by "weekly-dmz"),
//                                      10200/tcp open (later scans could not check it);
//   192.0.2.20  mdfeed2                5010/tcp fixed, verified by an OpenVAS scan whose plugin
//                                      enablement is an assumption;
//   2001:db8::7 hostile FQDN           5010/tcp reopened; FQDN and plugin output carry
//                                      <script>alert(1)</script>, quotes, & and a control byte.
// Four scans from 2026-01-05 to 2026-03-10.
struct Scenario {
  core::SummaryReport summary;
  std::vector<core::HostReport> hosts;  // in the order above
};

Scenario MakeScenario();

// Options with fixed time and version, and two trusted networks (one per family).
ReportOptions FixedOptions();

// The hostile text the scenario puts in a host name and a plugin output.
inline constexpr char kHostileText[] = "<script>alert(1)</script> \"double\" 'single' & more";

// 2026-03-10 13:53:00 UTC, the fixed generation time of FixedOptions.
inline constexpr std::int64_t kGeneratedAt = 1773150780;

}  // namespace ttmtrack::reports::testing
