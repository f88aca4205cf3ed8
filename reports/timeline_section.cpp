#include "reports/timeline_section.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/enum_text.hpp"
#include "core/scan_ref.hpp"
#include "reports/display_time.hpp"
#include "reports/page_frame.hpp"
#include "reports/proof.hpp"
#include "reports/timeline_runs.hpp"

namespace ttmtrack::reports {
namespace {

// Two scans of the same named scan by the same scanner (a nightly job's exports).
bool SameScanSeries(const core::ScanRef& a, const core::ScanRef& b) {
  return !a.scan_name.empty() && a.scan_name == b.scan_name && a.scanner == b.scanner;
}

void WhyCell(HtmlWriter& html, const core::Outcome& outcome, std::string_view note = {}) {
  html.Open("td");
  const std::string why = OutcomeExplanation(outcome);
  html.Text(why.empty() ? std::string(kDash) : why);
  if (!note.empty()) html.Element("span", {{"class", "muted"}}, note);
  if (!outcome.assumption.empty()) {
    html.Raw("<br><strong>Assumed:</strong> ");
    html.Text(outcome.assumption);
  }
  html.Close("td");
}

void OutcomeAndStateCells(HtmlWriter& html, const core::Outcome& outcome,
                          std::optional<core::ExposureState> state, StateChange change) {
  html.Open("td");
  html.Element("span", {{"class", "badge " + std::string(core::ToText(outcome.kind))}},
               OutcomeLabel(outcome.kind));
  html.Close("td");
  html.Open("td", {{"class", "nowrap"}});
  if (state) {
    StateBadge(html, *state);
  } else {
    html.Text(kDash);
  }
  if (change != StateChange::kNone) {
    html.Raw("<br>");
    html.Element("strong", {{"class", "change-label"}}, StateChangeLabel(change));
  }
  html.Close("td");
}

// One visible row: a state change or a single scan as it is; a run of identical outcomes as
// its count, first and last scan.
void RunRow(HtmlWriter& html, const std::vector<core::Outcome>& timeline, const TimelineRun& run) {
  const core::Outcome& first = timeline[run.first];
  const core::Outcome& last = timeline[run.first + run.count - 1];
  html.Open("tr", {{"class", run.change != StateChange::kNone ? "change"
                             : run.count > 1                  ? "run"
                                                              : "scan"}});
  if (run.count == 1) {
    html.Element("td", {{"class", "nowrap"}}, DisplayTime(first.scan.time));
    html.Element("td", core::ScanLabel(first.scan));
  } else {
    html.Open("td", {{"class", "nowrap"}});
    html.Element("strong", std::to_string(run.count) + " scans");
    html.Raw("<br>");
    html.Text(DisplayTime(first.scan.time) + " \u2192 " + DisplayTime(last.scan.time));
    html.Close("td");
    // Nightly exports of one scan differ only by file: the run names the scan once.
    if (SameScanSeries(first.scan, last.scan)) {
      core::ScanRef series = first.scan;
      series.file_name.clear();
      html.Element("td", core::ScanLabel(series) + ", each");
    } else {
      html.Element("td",
                   "first " + core::ScanLabel(first.scan) + ", last " + core::ScanLabel(last.scan));
    }
  }
  OutcomeAndStateCells(html, first, run.state_after, run.change);
  WhyCell(html, first,
          run.bases_differ ? " (the facts differ between these scans: see every scan below)" : "");
  html.Raw("</tr>\n");
}

constexpr char kTimelineHead[] =
    "<thead><tr><th>Scan time</th><th>Scan</th><th>Outcome</th><th>State after</th>"
    "<th>Why</th></tr></thead>\n<tbody>\n";

// Every scan, one row each, folded: the page stays one screen however long the history, and
// every fact stays reachable without script.
void EveryScan(HtmlWriter& html, const std::vector<core::Outcome>& timeline,
               const TimelineStates& states) {
  html.Raw("<details class=\"every-scan\">\n");
  html.Element("summary", "Every scan, one row each (" + std::to_string(timeline.size()) + ")");
  html.Raw("\n<table class=\"small\">\n");
  html.Raw(kTimelineHead);
  for (std::size_t i = 0; i < timeline.size(); ++i) {
    html.Open("tr");
    html.Element("td", {{"class", "nowrap"}}, DisplayTime(timeline[i].scan.time));
    html.Element("td", core::ScanLabel(timeline[i].scan));
    OutcomeAndStateCells(html, timeline[i], states.after[i], states.change[i]);
    WhyCell(html, timeline[i]);
    html.Raw("</tr>\n");
  }
  html.Raw("</tbody>\n</table>\n</details>\n");
}

}  // namespace

void TimelineSection(HtmlWriter& html, const core::ExposureReport& report) {
  html.Raw("<h3>Timeline</h3>\n");
  const std::vector<core::Outcome> timeline = OrderedTimeline(report);
  if (timeline.empty()) {
    html.Raw("<p class=\"muted\">No outcome recorded.</p>\n");
    return;
  }
  const TimelineStates states = ReplayStates(timeline);
  const std::vector<TimelineRun> runs = CollapseTimeline(timeline, states);
  if (runs.size() < timeline.size()) {
    html.Element("p", {{"class", "muted small"}},
                 std::to_string(timeline.size()) + " scans in " + std::to_string(runs.size()) +
                     " rows: consecutive scans with the same outcome and state share a row; "
                     "each change of state has a row of its own.");
  }
  html.Raw("<table class=\"timeline\">\n");
  html.Raw(kTimelineHead);
  for (const TimelineRun& run : runs) RunRow(html, timeline, run);
  html.Raw("</tbody>\n</table>\n");
  if (runs.size() < timeline.size()) EveryScan(html, timeline, states);
}

}  // namespace ttmtrack::reports
