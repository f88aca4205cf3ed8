#pragma once

#include <string>

#include "core/firewall_check.hpp"
#include "core/host_report.hpp"
#include "reports/html_writer.hpp"

namespace ttmtrack::reports {

// What a host page shows of `ttmtrack evidence firewall` (docs/verification.md,
// "Firewall-ruleset evidence"). Text from the admin's file (rule text, file name) goes through
// HtmlWriter::Text like every untrusted string.

// Under an exposure's timeline: each answer's sentence ("firewall ruleset collected 2026-03-01:
// port 5010/tcp blocked from untrusted sources by rule 3 of chain INPUT"), the rule as the file
// spells it, the file and its SHA-256. Nothing when there is none.
void FirewallChecksBlock(HtmlWriter& html, const core::ExposureReport& report);

// For the remediation section: what the latest answer says about the fix, the rule that proves
// it or the rule that is missing. "" when the exposure has no answer.
std::string FirewallRemediationText(const core::ExposureReport& report);

}  // namespace ttmtrack::reports
