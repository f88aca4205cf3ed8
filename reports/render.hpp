#pragma once

#include <string>

#include "core/host_report.hpp"
#include "reports/report_options.hpp"

namespace ttmtrack::reports {

// The report pages as strings (docs/reports.md describes their content and the JSON fields).
// Pure functions of their arguments: the same input gives byte-identical output, so reports can
// be diffed and archived (ReportOptions::generated_at is the only time they show). Thread-safe.
// They throw nothing but std::bad_alloc; untrusted text is escaped, never rejected.
//
// Links: the summary links each host to "hosts/" + HostFileStem(ip) + ".html" (".json" in the
// JSON form); a host page links back to "../index.html" when ReportOptions::link_summary is
// set (ReportWriter clears it when the folder has no summary). ReportWriter writes files at exactly
// those paths.

// index.html: hosts in the latest scans, exposures by state, the open-over-time chart, and the
// table of exposed hosts, most urgent first (urgency.hpp).
std::string RenderSummaryHtml(const core::SummaryReport& summary, const ReportOptions& options);

// hosts/<stem>.html: identity, each exposure with its proof, evidence and timeline, and the
// remediation with filled-in firewall rules, Ansible task, risks, roll-back and verification.
std::string RenderHostHtml(const core::HostReport& host, const ReportOptions& options);

// index.json and hosts/<stem>.json: the same content for other tools (format_version 1).
std::string RenderSummaryJson(const core::SummaryReport& summary, const ReportOptions& options);
std::string RenderHostJson(const core::HostReport& host, const ReportOptions& options);

}  // namespace ttmtrack::reports
