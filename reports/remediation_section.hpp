#pragma once

#include "core/host_report.hpp"
#include "reports/html_writer.hpp"
#include "reports/report_options.hpp"

namespace ttmtrack::reports {

// The host page's remediation section: why it matters, then for each exposure the steps, the
// iptables and nftables rules before and after, the Ansible tasks, risks and roll-back, and the
// verification with the date of the last covering scan (remediation.hpp builds the content).
void RemediationSection(HtmlWriter& html, const core::HostReport& host,
                        const ReportOptions& options);

}  // namespace ttmtrack::reports
