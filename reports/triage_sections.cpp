#include "reports/triage_sections.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "core/enum_text.hpp"
#include "reports/display_time.hpp"
#include "reports/host_file_name.hpp"
#include "reports/page_frame.hpp"
#include "reports/proof.hpp"

namespace ttmtrack::reports {
namespace {

std::string DecisionStatusText(const core::ExposureDecision& d) {
  std::string text(core::ToText(d.status));
  if (d.ended_at) text += " since " + DisplayTime(d.ended_at);
  if (d.detected_again_at) text += "; detected again on " + DisplayTime(d.detected_again_at);
  return text;
}

void RecordRow(HtmlWriter& html, const core::DecisionRecord& record) {
  html.Raw("<tr>");
  html.Element("td", {{"class", "nowrap"}}, DisplayTime(record.made_at));
  html.Element("td", core::ToText(record.kind));
  html.Element("td", {{"class", "keep"}}, record.target.ToString());
  html.Element("td", record.by);
  html.Element("td", record.reason);
  html.Element("td", {{"class", "nowrap"}}, DisplayTime(record.until));
  html.Element("td", OrDash(record.ticket));
  html.Raw("</tr>\n");
}

std::string ExposureLink(const core::Exposure& e) {
  return e.ip + " " + PortLabel(e.port, e.protocol);
}

void ExposureLinkCell(HtmlWriter& html, const core::Exposure& e) {
  html.Open("td", {{"class", "keep"}});
  html.Open("a", {Attr::Href(Url("hosts/")
                                 .Segment(HostFileStem(e.ip) + ".html")
                                 .Literal("#")
                                 .Segment(ExposureAnchor(e.port, e.protocol)))});
  html.Text(ExposureLink(e));
  html.Close("a");
  html.Close("td");
}

void Overdue(HtmlWriter& html, const std::vector<const core::ExposureStatus*>& overdue) {
  html.Raw("<section id=\"overdue\">\n<h2>Overdue</h2>\n");
  if (overdue.empty()) {
    html.Raw("<p class=\"muted\">No exposure is past its remediation deadline.</p>\n</section>\n");
    return;
  }
  html.Raw(
      "<p class=\"muted small\">Not fixed, past due (first detection or reopening plus the "
      "remediation days), and no active decision on it. Most overdue first.</p>\n<table>\n"
      "<thead><tr><th>Exposure</th><th>State</th><th>Due</th><th>Last checked</th></tr>"
      "</thead>\n<tbody>\n");
  for (const core::ExposureStatus* s : overdue) {
    html.Raw("<tr>");
    ExposureLinkCell(html, s->exposure);
    html.Open("td");
    StateBadge(html, s->exposure.state);
    html.Close("td");
    html.Element("td", {{"class", "nowrap"}}, DisplayTime(s->due));
    html.Element("td", {{"class", "nowrap"}}, DisplayTime(s->exposure.last_checked, kNever));
    html.Raw("</tr>\n");
  }
  html.Raw("</tbody>\n</table>\n</section>\n");
}

void Stale(HtmlWriter& html, const std::vector<const core::ExposureStatus*>& stale) {
  html.Raw("<section id=\"stale\">\n<h2>Stale: not checked recently</h2>\n");
  if (stale.empty()) {
    html.Raw("<p class=\"muted\">Every exposure was covered by a recent scan.</p>\n</section>\n");
    return;
  }
  html.Raw(
      "<p class=\"muted small\">No scan that could have seen these exposures ran within the "
      "staleness threshold: their state is as old as their last check.</p>\n<table>\n"
      "<thead><tr><th>Exposure</th><th>State</th><th>Last checked</th><th>Days since</th></tr>"
      "</thead>\n<tbody>\n");
  for (const core::ExposureStatus* s : stale) {
    html.Raw("<tr>");
    ExposureLinkCell(html, s->exposure);
    html.Open("td");
    StateBadge(html, s->exposure.state);
    html.Close("td");
    html.Element("td", {{"class", "nowrap"}}, DisplayTime(s->exposure.last_checked, kNever));
    html.Element(
        "td", s->days_since_checked ? std::to_string(*s->days_since_checked) : std::string(kDash));
    html.Raw("</tr>\n");
  }
  html.Raw("</tbody>\n</table>\n</section>\n");
}

void Accepted(HtmlWriter& html, const std::vector<const core::ExposureStatus*>& decided) {
  html.Raw("<section id=\"accepted-risk\">\n<h2>Accepted risks and other decisions</h2>\n");
  if (decided.empty()) {
    html.Raw("<p class=\"muted\">No triage decision applies to any exposure.</p>\n</section>\n");
    return;
  }
  html.Raw(
      "<p class=\"muted small\">Decisions people recorded (ttmtrack triage): the state beside "
      "them is still decided by the scans alone.</p>\n<table>\n<thead><tr><th>Exposure</th>"
      "<th>Decision</th><th>Status</th><th>By</th><th>Reason</th><th>Expires</th>"
      "<th>Ticket</th></tr></thead>\n<tbody>\n");
  for (const core::ExposureStatus* s : decided) {
    const core::ExposureDecision& d = *s->decision;
    html.Raw("<tr>");
    ExposureLinkCell(html, s->exposure);
    html.Element("td", core::ToText(d.record.kind));
    html.Element("td", DecisionStatusText(d));
    html.Element("td", d.record.by);
    html.Element("td", d.record.reason);
    html.Element("td", {{"class", "nowrap"}}, DisplayTime(d.record.until, "no expiry"));
    html.Element("td", OrDash(d.record.ticket));
    html.Raw("</tr>\n");
  }
  html.Raw("</tbody>\n</table>\n</section>\n");
}

void DroppedOut(HtmlWriter& html, const std::vector<core::DroppedOutHost>& hosts) {
  html.Raw("<section id=\"dropped-out\">\n<h2>Hosts that dropped out of scanning</h2>\n");
  if (hosts.empty()) {
    html.Raw("<p class=\"muted\">Every host is in its scan task's latest scan.</p>\n</section>\n");
    return;
  }
  html.Raw(
      "<p class=\"muted small\">Earlier scans of the task reported these hosts, its latest scan "
      "does not: their absence proves nothing.</p>\n<table>\n<thead><tr><th>Host</th>"
      "<th>Host name</th><th>Last seen by</th><th>Latest scan of the task</th></tr></thead>\n"
      "<tbody>\n");
  for (const core::DroppedOutHost& host : hosts) {
    html.Raw("<tr>");
    html.Element("td", {{"class", "keep"}}, host.ip);
    html.Element("td", {{"class", "keep"}}, OrDash(host.hostname));
    html.Element("td",
                 core::ScanLabel(host.last_seen_by) + " on " + DisplayTime(host.last_seen_by.time));
    html.Element("td",
                 core::ScanLabel(host.latest_scan) + " on " + DisplayTime(host.latest_scan.time));
    html.Raw("</tr>\n");
  }
  html.Raw("</tbody>\n</table>\n</section>\n");
}

}  // namespace

void DecisionBlock(HtmlWriter& html, const core::ExposureReport& report) {
  const core::ExposureStatus& s = report.status;
  html.Open("h3");
  html.Text("Decision and deadline");
  html.Close("h3");
  html.Raw("<table class=\"kv\">\n");
  if (s.decision) {
    const core::ExposureDecision& d = *s.decision;
    KeyValueRow(html, "Decision",
                std::string(core::ToText(d.record.kind)) + " (" + DecisionStatusText(d) + ")");
    KeyValueRow(html, "Decided by", d.record.by);
    KeyValueRow(html, "Reason", d.record.reason);
    KeyValueRow(html, "Made on", DisplayTime(d.record.made_at));
    KeyValueRow(html, "Until", DisplayTime(d.record.until, "no expiry"));
    KeyValueRow(html, "Ticket", OrDash(d.record.ticket));
    KeyValueRow(html, "Applies to", d.record.target.ToString());
  } else {
    KeyValueRow(html, "Decision", "none");
  }
  KeyValueRow(html, "Due", DisplayTime(s.due, "\u2014 (fixed)"));
  KeyValueRow(html, "Overdue", s.overdue ? "yes" : "no");
  KeyValueRow(html, "Stale", s.stale ? "yes: no covering scan recently" : "no");
  html.Raw("</table>\n");
  if (report.decisions.empty()) return;
  html.Raw(
      "<table class=\"decisions\">\n<thead><tr><th>Made</th><th>Kind</th><th>Target</th>"
      "<th>By</th><th>Reason</th><th>Until</th><th>Ticket</th></tr></thead>\n<tbody>\n");
  for (const core::DecisionRecord& record : report.decisions) RecordRow(html, record);
  html.Raw("</tbody>\n</table>\n");
}

void AuditSections(HtmlWriter& html, const core::SummaryReport& summary) {
  std::vector<const core::ExposureStatus*> overdue;
  std::vector<const core::ExposureStatus*> stale;
  std::vector<const core::ExposureStatus*> decided;
  for (const core::ExposureStatus& s : summary.statuses) {
    if (s.overdue) overdue.push_back(&s);
    if (s.stale) stale.push_back(&s);
    if (s.decision) decided.push_back(&s);
  }
  std::stable_sort(overdue.begin(), overdue.end(),
                   [](const auto* a, const auto* b) { return a->due < b->due; });
  Overdue(html, overdue);
  Accepted(html, decided);
  Stale(html, stale);
  DroppedOut(html, summary.dropped_out);
}

}  // namespace ttmtrack::reports
