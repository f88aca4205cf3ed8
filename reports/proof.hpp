#pragma once

#include <string>
#include <vector>

#include "core/host_report.hpp"

namespace ttmtrack::reports {

// The plain-text sentences that tell an auditor what proves an exposure's state. Shared by the
// HTML and JSON forms so both say exactly the same thing. The text contains untrusted parts
// (scan names): HtmlWriter::Text escapes it like any other value. Scans are named by
// core::ScanLabel, as in the CLI's tables.

// "detected", "absent", "not covered".
std::string OutcomeLabel(core::OutcomeKind kind);

// "confirmed: the listener answered the probe with the TTM signature" or "unconfirmed: ..."
// (docs/verification.md, "Detection tiers").
std::string TierText(core::DetectionTier tier);

// Why a scan could not see the exposure, as a sentence fragment: "the host was not in this
// scan". Empty for kNone.
std::string ReasonText(core::NotCoveredReason reason);

// The "Why" of one timeline row, in words an auditor uses: for absent, what the scan proves
// ("The scan could have seen the listener and did not: " and the facts it rests on); for not
// covered, the reason and then the facts, each said once (a fact that repeats the reason is
// dropped); for detected, the facts. Empty when nothing is recorded.
std::string OutcomeExplanation(const core::Outcome& outcome);

// "Fixed: verified by scan “weekly” (Nessus) on 2026-03-10 13:53 UTC, which scanned the host
// completely with the ttm_cmd plugin enabled and port 5010/tcp in range, and did not detect it."
// Open and reopened exposures get the matching sentence (docs/reports.md lists them), and any
// assumption recorded in the deciding outcome is stated.
std::string ProofStatement(const core::ExposureReport& report);

// The outcomes in scan-time order (time, then sha256: the lifecycle's own order, so the page
// never depends on the order the store returned them in).
std::vector<core::Outcome> OrderedTimeline(const core::ExposureReport& report);

// "5010/tcp"; the protocol is shown as given (escaped later), "?" when empty.
std::string PortLabel(std::uint16_t port, const std::string& protocol);

}  // namespace ttmtrack::reports
