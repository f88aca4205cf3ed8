// hosts/<stem>.html: one host's page (docs/reports.md, "The host page").

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <utility>

#include "core/detection_constants.hpp"
#include "core/enum_text.hpp"
#include "reports/display_time.hpp"
#include "reports/firewall_evidence.hpp"
#include "reports/host_file_name.hpp"
#include "reports/html_writer.hpp"
#include "reports/page_frame.hpp"
#include "reports/proof.hpp"
#include "reports/remediation_section.hpp"
#include "reports/render.hpp"
#include "reports/timeline_runs.hpp"
#include "reports/timeline_section.hpp"
#include "reports/triage_sections.hpp"

namespace ttmtrack::reports {
namespace {

std::string DisplayName(const core::HostIdentity& identity) {
  return !identity.fqdn.empty() ? identity.fqdn : identity.netbios_name;
}

void Header(HtmlWriter& html, const core::HostReport& host, const ReportOptions& options) {
  html.Raw("<header class=\"top\">\n<nav class=\"crumbs\">");
  if (options.link_summary) {
    html.Open("a", {Attr::Href(Url("../index.html"))});
    html.Text("\u2190 All exposed hosts");
    html.Close("a");
  } else {
    html.Text("One host's page: this folder has no summary of all exposed hosts.");
  }
  html.Raw("</nav>\n<div class=\"kicker\">ttmtrack \u00B7 host report \u00B7 detection ");
  html.Text(core::kDetectionId);
  html.Raw("</div>\n");
  html.Element("h1", host.identity.ip);
  html.Open("div", {{"class", "sub"}});
  const std::string name = DisplayName(host.identity);
  html.Text(name.empty() ? std::string("no host name reported") : name);
  html.Close("div");
  html.Raw("\n</header>\n<main>\n");
}

void AtAGlance(HtmlWriter& html, const core::HostReport& host) {
  html.Raw("<section id=\"summary\">\n<h2>At a glance</h2>\n");
  if (host.exposures.empty()) {
    html.Raw("<p>No ttm_cmd exposure is recorded for this host.</p>\n</section>\n");
    return;
  }
  html.Raw(
      "<table>\n<thead><tr><th>Port</th><th>State</th><th>What proves it</th></tr></thead>"
      "\n<tbody>\n");
  for (const core::ExposureReport& report : host.exposures) {
    const core::Exposure& exposure = report.exposure;
    html.Open("tr");
    html.Open("td", {{"class", "keep"}});
    html.Open("a",
              {Attr::Href(Url("#").Segment(ExposureAnchor(exposure.port, exposure.protocol)))});
    html.Text(PortLabel(exposure.port, exposure.protocol));
    html.Close("a");
    html.Close("td");
    html.Open("td");
    StateBadge(html, exposure.state);
    html.Close("td");
    html.Element("td", ProofStatement(report));
    html.Raw("</tr>\n");
  }
  html.Raw("</tbody>\n</table>\n</section>\n");
}

struct ScanGroup {
  const core::ScanRef* first = nullptr;
  const core::ScanRef* last = nullptr;
  std::size_t count = 0;
};

// The scans grouped by scanner and scan name, in the order of each group's first scan (scan
// time, then the names: a total order, whatever order the store listed the scans in).
std::vector<ScanGroup> GroupScans(const std::vector<core::ScanRef>& scans) {
  std::map<std::pair<std::string, std::string>, ScanGroup> by_name;
  for (const core::ScanRef& scan : scans) {
    ScanGroup& group = by_name[{scan.scanner, scan.scan_name}];
    if (group.count++ == 0 || scan.time < group.first->time) group.first = &scan;
    if (group.last == nullptr || !(scan.time < group.last->time)) group.last = &scan;
  }
  std::vector<ScanGroup> groups;
  groups.reserve(by_name.size());
  for (const auto& [name, group] : by_name) groups.push_back(group);
  std::stable_sort(groups.begin(), groups.end(), [](const ScanGroup& a, const ScanGroup& b) {
    return a.first->time < b.first->time;
  });
  return groups;
}

void ScanSummary(HtmlWriter& html, const std::vector<ScanGroup>& groups) {
  html.Raw(
      "<table>\n<thead><tr><th>Scanner</th><th>Scan</th><th class=\"num\">Scans</th>"
      "<th>First</th><th>Last</th></tr></thead>\n<tbody>\n");
  for (const ScanGroup& group : groups) {
    html.Open("tr");
    html.Element("td", OrDash(group.first->scanner));
    html.Element("td", OrDash(group.first->scan_name));
    html.Element("td", {{"class", "num"}}, std::to_string(group.count));
    html.Element("td", {{"class", "nowrap"}}, DisplayTime(group.first->time));
    html.Element("td", {{"class", "nowrap"}}, DisplayTime(group.last->time));
    html.Raw("</tr>\n");
  }
  html.Raw("</tbody>\n</table>\n");
}

void Identity(HtmlWriter& html, const core::HostIdentity& identity) {
  html.Raw("<section id=\"identity\">\n<h2>Identity</h2>\n<table class=\"kv\">\n");
  KeyValueRow(html, "IP address", identity.ip);
  KeyValueRow(html, "FQDN", OrDash(identity.fqdn), "keep");
  KeyValueRow(html, "NetBIOS name", OrDash(identity.netbios_name), "keep");
  KeyValueRow(html, "Operating system", OrDash(identity.os));
  KeyValueRow(html, "MAC address", OrDash(identity.mac));
  html.Raw("</table>\n");
  html.Open("h3");
  html.Text("Scans it appeared in (" + std::to_string(identity.scans.size()) + ")");
  html.Close("h3");
  if (identity.scans.empty()) {
    html.Raw("<p class=\"muted\">None recorded.</p>\n</section>\n");
    return;
  }
  const std::vector<ScanGroup> groups = GroupScans(identity.scans);
  if (groups.size() == identity.scans.size()) {
    ScanTable(html, identity.scans);
    html.Raw("</section>\n");
    return;
  }
  ScanSummary(html, groups);
  html.Raw("<details class=\"every-scan\">\n");
  html.Element("summary", "Every scan, with its file and SHA-256 (" +
                              std::to_string(identity.scans.size()) + ")");
  html.Raw("\n");
  ScanTable(html, identity.scans);
  html.Raw("</details>\n</section>\n");
}

void EvidenceBlock(HtmlWriter& html, const core::Evidence& evidence) {
  html.Open("h4");
  html.Text(core::ScanLabel(evidence.scan) + " \u2014 " + DisplayTime(evidence.scan.time));
  html.Close("h4");
  html.Raw("<table class=\"kv small\">\n");
  KeyValueRow(html, "Scanner", OrDash(evidence.scan.scanner));
  KeyValueRow(html, "Scan", OrDash(evidence.scan.scan_name));
  KeyValueRow(html, "Scan time", DisplayTime(evidence.scan.time));
  KeyValueRow(html, "Export file", OrDash(evidence.scan.file_name));
  KeyValueRow(html, "Export SHA-256", OrDash(evidence.scan.sha256), "hash");
  KeyValueRow(html, "Port", PortLabel(evidence.port, evidence.protocol));
  KeyValueRow(html, "Plugin",
              OrDash(evidence.plugin_id) + " \u2014 " + OrDash(evidence.plugin_name));
  KeyValueRow(html, "Severity", std::to_string(evidence.severity));
  KeyValueRow(html, "Tier", TierText(evidence.tier));
  html.Raw("</table>\n<div class=\"label\">Plugin output, verbatim</div>\n");
  if (evidence.output.empty()) {
    html.Raw("<p class=\"muted\">The scanner reported no plugin output.</p>\n");
  } else {
    html.Element("pre", {{"class", "output"}}, evidence.output);
    html.Raw("\n");
  }
}

// Up to three detections are shown as they are. More (a listener detected every night) show the
// first, each detection that reopened the exposure and the latest; every detection stays in a
// folded list, so the page grows with the state changes, not with the scans.
void Evidence(HtmlWriter& html, const core::ExposureReport& report) {
  const std::vector<core::Evidence>& evidence = report.evidence;
  if (evidence.size() <= 3) {
    for (const core::Evidence& item : evidence) EvidenceBlock(html, item);
    return;
  }
  const std::vector<core::Outcome> timeline = OrderedTimeline(report);
  const TimelineStates states = ReplayStates(timeline);
  std::set<std::int64_t> reopening_scans;
  for (std::size_t i = 0; i < timeline.size(); ++i) {
    if (states.change[i] == StateChange::kReopened) reopening_scans.insert(timeline[i].scan.id);
  }
  html.Element("p", {{"class", "muted small"}},
               "Shown: the first detection, each detection that reopened the exposure, and the "
               "latest. Every detection, with its plugin output, is in the list below them.");
  for (std::size_t i = 0; i < evidence.size(); ++i) {
    if (i == 0 || i + 1 == evidence.size() || reopening_scans.count(evidence[i].scan.id) > 0) {
      EvidenceBlock(html, evidence[i]);
    }
  }
  html.Raw("<details class=\"every-scan\">\n");
  html.Element("summary",
               "Every detection, with its plugin output (" + std::to_string(evidence.size()) + ")");
  html.Raw("\n");
  for (const core::Evidence& item : evidence) EvidenceBlock(html, item);
  html.Raw("</details>\n");
}

// `ttmtrack verify` checks, beside the scans' timeline (docs/verification.md, "Vantage-point
// checks"). Reply bytes are attacker-controlled: shown in hex, escaped like any text.
void VantageChecks(HtmlWriter& html, const core::ExposureReport& report) {
  if (report.vantage_checks.empty()) return;
  html.Raw("<h3>Vantage-point checks</h3>\n");
  html.Raw(
      "<table>\n<thead><tr><th>Checked</th><th>Vantage point</th><th>Result</th>"
      "<th>Counts as</th><th>Evidence</th></tr></thead>\n<tbody>\n");
  for (const core::VantageCheckRecord& record : report.vantage_checks) {
    html.Open("tr");
    html.Element("td", {{"class", "nowrap"}}, DisplayTime(record.checked_at));
    html.Element("td", record.vantage + (record.untrusted ? " (untrusted)" : " (trusted)"));
    html.Element("td", core::ToText(record.check.outcome));
    html.Element("td", record.IsDetection() ? "a detection" : "evidence only");
    html.Element("td", core::DescribeEvidence(record.check));
    html.Raw("</tr>\n");
  }
  html.Raw("</tbody>\n</table>\n");
}

void ExposureSection(HtmlWriter& html, const core::ExposureReport& report) {
  const core::Exposure& exposure = report.exposure;
  const std::string state(core::ToText(exposure.state));
  html.Open("section", {{"class", "exposure " + state},
                        {"id", ExposureAnchor(exposure.port, exposure.protocol)}});
  html.Open("h2");
  html.Text("ttm_cmd on " + PortLabel(exposure.port, exposure.protocol) + " ");
  StateBadge(html, exposure.state);
  html.Close("h2");
  html.Element("div", {{"class", "proof " + state}}, ProofStatement(report));
  html.Raw("<table class=\"kv\">\n");
  KeyValueRow(html, "Evidence", TierText(exposure.tier) + " (the strongest it ever had)");
  KeyValueRow(html, "First seen", DisplayTime(exposure.first_seen));
  KeyValueRow(html, "Last seen", DisplayTime(exposure.last_seen));
  KeyValueRow(html, "Last checked", DisplayTime(exposure.last_checked, kNever));
  KeyValueRow(html, "Verified by",
              exposure.verified_by ? core::ScanLabel(*exposure.verified_by) + " on " +
                                         DisplayTime(exposure.verified_by->time)
                                   : std::string(kDash));
  html.Raw("</table>\n");
  DecisionBlock(html, report);
  html.Open("h3");
  html.Text("Evidence (" + std::to_string(report.evidence.size()) +
            (report.evidence.size() == 1 ? " detection)" : " detections)"));
  html.Close("h3");
  Evidence(html, report);
  TimelineSection(html, report);
  VantageChecks(html, report);
  FirewallChecksBlock(html, report);
  html.Raw("</section>\n");
}

}  // namespace

std::string RenderHostHtml(const core::HostReport& host, const ReportOptions& options) {
  HtmlWriter html;
  BeginPage(html, "ttm_cmd exposure \u2014 " + host.identity.ip);
  Header(html, host, options);
  AtAGlance(html, host);
  Identity(html, host.identity);
  for (const core::ExposureReport& report : host.exposures) ExposureSection(html, report);
  RemediationSection(html, host, options);
  html.Raw("</main>\n");
  EndPage(html, options);
  return html.Release();
}

}  // namespace ttmtrack::reports
