// index.html: the summary page (docs/reports.md, "The summary page").

#include <algorithm>

#include "core/detection_constants.hpp"
#include "core/enum_text.hpp"
#include "reports/display_time.hpp"
#include "reports/host_file_name.hpp"
#include "reports/html_writer.hpp"
#include "reports/open_chart.hpp"
#include "reports/page_frame.hpp"
#include "reports/proof.hpp"
#include "reports/render.hpp"
#include "reports/triage_sections.hpp"
#include "reports/urgency.hpp"

namespace ttmtrack::reports {
namespace {

void Header(HtmlWriter& html) {
  html.Raw("<header class=\"top\">\n<div class=\"kicker\">ttmtrack \u00B7 detection ");
  html.Text(core::kDetectionId);
  html.Raw(
      "</div>\n<h1>ttm_cmd exposure report</h1>\n<div class=\"sub\">Where the command "
      "channel of Trading Technologies Messaging (TTM) is reachable, and the scan that "
      "proves each state.</div>\n</header>\n<main>\n");
}

void Card(HtmlWriter& html, std::string_view css_class, int value, std::string_view label) {
  html.Open("div", {{"class", "card " + std::string(css_class)}});
  html.Element("div", {{"class", "n"}}, std::to_string(value));
  html.Element("div", {{"class", "l"}}, label);
  html.Close("div");
}

void Cards(HtmlWriter& html, const core::SummaryReport& summary) {
  html.Raw("<div class=\"cards\">\n");
  Card(html, "hosts", summary.hosts_in_latest_scans, "hosts in the latest scans");
  // The state cards take the state's class, as its badges do (page_frame.cpp, StateBadge).
  using core::ExposureState;
  Card(html, core::ToText(ExposureState::kOpen), summary.open, "open exposures");
  Card(html, core::ToText(ExposureState::kReopened), summary.reopened, "reopened (regressions)");
  Card(html, core::ToText(ExposureState::kFixed), summary.fixed, "fixed, proved by a re-scan");
  const auto count = [&summary](bool core::ExposureStatus::*flag) {
    return static_cast<int>(std::count_if(summary.statuses.begin(), summary.statuses.end(),
                                          [flag](const auto& s) { return s.*flag; }));
  };
  Card(html, "overdue", count(&core::ExposureStatus::overdue), "overdue (past the deadline)");
  Card(html, "stale", count(&core::ExposureStatus::stale), "stale (not checked recently)");
  html.Raw("</div>\n");
}

void LatestScans(HtmlWriter& html, const core::SummaryReport& summary) {
  html.Raw("<section id=\"latest-scans\">\n<h2>Latest scans</h2>\n");
  if (summary.latest_scans.empty()) {
    html.Raw("<p class=\"muted\">No scan has been imported yet.</p>\n</section>\n");
    return;
  }
  html.Raw(
      "<p class=\"muted small\">The newest scan of each scanner and scan name; the host "
      "count above is the number of distinct hosts they scanned.</p>\n");
  ScanTable(html, summary.latest_scans);
  html.Raw("</section>\n");
}

void Chart(HtmlWriter& html, const core::SummaryReport& summary) {
  const std::vector<DailyOpenCount> days = DailyOpenCounts(summary.open_over_time);
  html.Raw("<section id=\"open-over-time\">\n<h2>Open exposures over time</h2>\n<figure>\n");
  RenderOpenChart(html, days);
  html.Open("figcaption");
  if (days.empty()) {
    html.Text("One point per scan date will appear here once scans are imported.");
  } else {
    const auto peak = std::max_element(
        days.begin(), days.end(), [](const auto& a, const auto& b) { return a.open < b.open; });
    html.Text("Open and reopened exposures after the last scan of each date (UTC). Latest: " +
              std::to_string(days.back().open) + " on " + days.back().date +
              ". Peak: " + std::to_string(peak->open) + " on " + peak->date + ". " +
              std::to_string(days.size()) + (days.size() == 1 ? " scan date." : " scan dates."));
  }
  html.Close("figcaption");
  html.Raw("\n</figure>\n</section>\n");
}

void ExposureCells(HtmlWriter& html, const core::Exposure& exposure, const std::string& page) {
  html.Open("td", {{"class", "keep"}});
  html.Open("a", {Attr::Href(Url("hosts/").Segment(page).Literal("#").Segment(
                     ExposureAnchor(exposure.port, exposure.protocol)))});
  html.Text(PortLabel(exposure.port, exposure.protocol));
  html.Close("a");
  html.Close("td");
  html.Open("td");
  StateBadge(html, exposure.state);
  html.Close("td");
  html.Element("td", {{"class", "nowrap"}}, DisplayTime(exposure.first_seen));
  html.Element("td", {{"class", "nowrap"}}, DisplayTime(exposure.last_checked, kNever));
  if (exposure.state == core::ExposureState::kFixed && exposure.verified_by) {
    html.Element("td", core::ScanLabel(*exposure.verified_by) + " on " +
                           DisplayTime(exposure.verified_by->time));
  } else {
    html.Element("td", kDash);
  }
}

void HostTable(HtmlWriter& html, const core::SummaryReport& summary) {
  html.Raw("<section id=\"hosts\">\n<h2>Exposed hosts</h2>\n");
  const std::vector<HostGroup> groups = GroupByHost(summary.exposures);
  if (groups.empty()) {
    html.Raw(
        "<p>No exposure recorded: the ttm_cmd listener has not been detected in any "
        "imported scan.</p>\n</section>\n");
    return;
  }
  html.Raw(
      "<p class=\"muted small\">Most urgent first: reopened, then open by age (oldest "
      "first), then fixed. Each host links to its page with the evidence and the "
      "remediation.</p>\n<table>\n<thead><tr><th>IP address</th><th>Host name</th>"
      "<th>Port</th><th>State</th><th>First seen</th><th>Last checked</th>"
      "<th>Verified by</th></tr></thead>\n<tbody>\n");
  for (const HostGroup& group : groups) {
    const std::string page = HostFileStem(group.ip) + ".html";
    const auto rows = static_cast<std::int64_t>(group.exposures.size());
    for (std::size_t i = 0; i < group.exposures.size(); ++i) {
      if (i == 0) {
        html.Open("tr", {{"class", "first"}});
        html.Open("td", {{"rowspan", rows}, {"class", "keep"}});
        html.Open("a", {Attr::Href(Url("hosts/").Segment(page))});
        html.Text(group.ip);
        html.Close("a");
        html.Close("td");
        html.Element("td", {{"rowspan", rows}, {"class", "keep"}},
                     group.hostname.empty() ? std::string(kDash) : group.hostname);
      } else {
        html.Open("tr");
      }
      ExposureCells(html, *group.exposures[i], page);
      html.Raw("</tr>\n");
    }
  }
  html.Raw("</tbody>\n</table>\n</section>\n");
}

void Legend(HtmlWriter& html) {
  html.Raw(
      "<section id=\"how-to-read\">\n<h2>How to read this report</h2>\n<table class=\"kv\">\n"
      "<tr><th><span class=\"badge open\">open</span></th><td>The listener was detected and no "
      "complete re-scan since has shown it absent. A scan that missed the host, did not finish, "
      "had the plugin disabled or did not scan the port proves nothing and does not close "
      "it.</td></tr>\n"
      "<tr><th><span class=\"badge fixed\">fixed</span></th><td>The latest scan that could have "
      "seen it (host scanned completely, ttm_cmd plugin enabled, port in range) did not detect "
      "it. That scan is named as the verification.</td></tr>\n"
      "<tr><th><span class=\"badge reopened\">reopened</span></th><td>Detected again after "
      "having been verified fixed: a regression. A later verification makes it fixed "
      "again.</td></tr>\n"
      "<tr><th>Last checked</th><td>The time of the latest scan that covered the exposure, "
      "whether it detected it or not; \u201Cnever\u201D when no scan did.</td></tr>\n"
      "</table>\n</section>\n");
}

}  // namespace

std::string RenderSummaryHtml(const core::SummaryReport& summary, const ReportOptions& options) {
  HtmlWriter html;
  BeginPage(html, "ttm_cmd exposure report");
  Header(html);
  Cards(html, summary);
  AuditSections(html, summary);  // overdue first: what needs a person now
  Chart(html, summary);
  HostTable(html, summary);
  LatestScans(html, summary);
  Legend(html);
  html.Raw("</main>\n");
  EndPage(html, options);
  return html.Release();
}

}  // namespace ttmtrack::reports
