#pragma once

#include "core/host_report.hpp"
#include "reports/html_writer.hpp"

// The report's parts about people's decisions, deadlines and coverage gaps (docs/reports.md,
// docs/triage.md). Every string from a person or a scan goes through HtmlWriter::Text.
namespace ttmtrack::reports {

// Host page: the decision on one exposure, its deadline and staleness, and every decision
// record covering it (kind, reason, by, dates, ticket, active/lapsed/closed).
void DecisionBlock(HtmlWriter& html, const core::ExposureReport& report);

// Summary page: overdue (most overdue first), stale, accepted risks with their expiry, and
// hosts that dropped out of scanning.
void AuditSections(HtmlWriter& html, const core::SummaryReport& summary);

}  // namespace ttmtrack::reports
