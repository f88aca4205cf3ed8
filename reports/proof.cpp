#include "reports/proof.hpp"

#include <algorithm>
#include <string_view>
#include <tuple>

#include "core/enum_text.hpp"
#include "reports/display_time.hpp"
#include "reports/timeline_runs.hpp"

namespace ttmtrack::reports {
namespace {

std::string On(const core::ScanRef& scan) {
  return "scan " + core::ScanLabel(scan) + " on " + DisplayTime(scan.time, "an unknown date");
}

std::string AssumptionSentence(const core::Outcome* outcome) {
  if (outcome == nullptr || outcome->assumption.empty()) return "";
  return " This rests on an assumption: " + outcome->assumption + ".";
}

// The last outcome of `kind` at or before index `end` (exclusive); nullptr when none.
const core::Outcome* LastBefore(const std::vector<core::Outcome>& timeline, std::size_t end,
                                core::OutcomeKind kind) {
  for (std::size_t i = end; i-- > 0;) {
    if (timeline[i].kind == kind) return &timeline[i];
  }
  return nullptr;
}

std::size_t IndexOf(const std::vector<core::Outcome>& timeline, const core::Outcome* outcome) {
  return static_cast<std::size_t>(outcome - timeline.data());
}

std::string FixedStatement(const core::ExposureReport& report,
                           const std::vector<core::Outcome>& timeline) {
  const core::Exposure& exposure = report.exposure;
  if (!exposure.verified_by) {
    return "Fixed, but no verifying scan is recorded: treat this state as unproven.";
  }
  const core::Outcome* verifying = nullptr;
  for (const core::Outcome& outcome : timeline) {
    if (outcome.kind == core::OutcomeKind::kAbsent && outcome.scan.id == exposure.verified_by->id) {
      verifying = &outcome;
    }
  }
  return "Fixed: verified by " + On(*exposure.verified_by) +
         ", which scanned the host completely with the ttm_cmd plugin enabled and port " +
         PortLabel(exposure.port, exposure.protocol) + " in range, and did not detect it." +
         AssumptionSentence(verifying);
}

std::string OpenStatement(const core::ExposureReport& report,
                          const std::vector<core::Outcome>& timeline) {
  const core::Outcome* detection =
      LastBefore(timeline, timeline.size(), core::OutcomeKind::kDetected);
  std::string text = detection != nullptr
                         ? "Open: detected by " + On(detection->scan)
                         : "Open: detected on " + DisplayTime(report.exposure.last_seen);
  text += "; no complete re-scan since has shown it absent.";
  if (detection != nullptr) {
    const auto later = static_cast<std::ptrdiff_t>(IndexOf(timeline, detection) + 1);
    const auto uncovered = std::count_if(
        timeline.begin() + later, timeline.end(),
        [](const core::Outcome& o) { return o.kind == core::OutcomeKind::kNotCovered; });
    if (uncovered == 1) text += " 1 later scan could not check it (see the timeline).";
    if (uncovered > 1) {
      text +=
          " " + std::to_string(uncovered) + " later scans could not check it (see the timeline).";
    }
  }
  return text + AssumptionSentence(detection);
}

// Names the latest fix and the detection that undid it (replayed with the lifecycle's rule: a
// reopened exposure's last change is its reopening, so the last fix comes before it), and the
// latest detection when there were more since.
std::string ReopenedStatement(const core::ExposureReport& report,
                              const std::vector<core::Outcome>& timeline) {
  const core::Outcome* latest = LastBefore(timeline, timeline.size(), core::OutcomeKind::kDetected);
  if (latest == nullptr) {
    return "Reopened: detected again on " + DisplayTime(report.exposure.last_seen) +
           " after having been verified fixed.";
  }
  const TimelineStates states = ReplayStates(timeline);
  const core::Outcome* reopening = nullptr;
  const core::Outcome* fix = nullptr;
  for (std::size_t i = 0; i < timeline.size(); ++i) {
    if (states.change[i] == StateChange::kReopened) reopening = &timeline[i];
    if (states.change[i] == StateChange::kVerifiedFix) fix = &timeline[i];
  }
  if (reopening == nullptr) reopening = latest;
  std::string text = "Reopened: ";
  if (fix != nullptr) text += "verified fixed by " + On(fix->scan) + ", then ";
  text += "detected again by " + On(reopening->scan) + ".";
  if (latest != reopening) text += " Latest detection: " + On(latest->scan) + ".";
  return text + AssumptionSentence(latest);
}

}  // namespace

std::string OutcomeLabel(core::OutcomeKind kind) {
  // The stored spelling read as words: "not-covered" -> "not covered".
  std::string label(core::ToText(kind));
  std::replace(label.begin(), label.end(), '-', ' ');
  return label;
}

std::string TierText(core::DetectionTier tier) {
  switch (tier) {
    case core::DetectionTier::kConfirmed:
      return "confirmed: the listener answered the probe with the TTM signature";
    case core::DetectionTier::kUnconfirmed:
      return "unconfirmed: an open TTM port that answered the probe in no known protocol "
             "(a possible ttm_cmd listener)";
  }
  return "unknown";
}

std::string ReasonText(core::NotCoveredReason reason) {
  switch (reason) {
    case core::NotCoveredReason::kNone: return "";
    case core::NotCoveredReason::kHostNotInScan: return "the host was not in this scan";
    case core::NotCoveredReason::kHostScanIncomplete: return "the host's scan did not complete";
    case core::NotCoveredReason::kHostTimeUnreadable:
      return "the export spells a time of the host that cannot be read";
    case core::NotCoveredReason::kPluginNotEnabled: return "the ttm_cmd plugin was not enabled";
    case core::NotCoveredReason::kPortOutsideRange: return "the port was outside the scanned range";
    case core::NotCoveredReason::kCoverageUnknown:
      return "the export does not say whether the scan covered it";
    case core::NotCoveredReason::kExportFiltered:
      return "the export's result filter or paging could have left the detection out";
  }
  return "unknown reason";
}

std::string OutcomeExplanation(const core::Outcome& outcome) {
  if (outcome.kind == core::OutcomeKind::kAbsent) {
    return "The scan could have seen the listener and did not" +
           (outcome.basis.empty() ? std::string(".") : ": " + outcome.basis);
  }
  std::string text = ReasonText(outcome.reason);
  // The basis is facts joined by "; " (core::JoinFacts); the reason often is one of them.
  std::string_view rest = outcome.basis;
  while (!rest.empty()) {
    const std::size_t end = std::min(rest.find("; "), rest.size());
    const std::string_view fact = rest.substr(0, end);
    if (fact != ReasonText(outcome.reason)) text += (text.empty() ? "" : "; ") + std::string(fact);
    rest.remove_prefix(std::min(rest.size(), end + 2));
  }
  return text;
}

std::string ProofStatement(const core::ExposureReport& report) {
  const std::vector<core::Outcome> timeline = OrderedTimeline(report);
  switch (report.exposure.state) {
    case core::ExposureState::kFixed: return FixedStatement(report, timeline);
    case core::ExposureState::kOpen: return OpenStatement(report, timeline);
    case core::ExposureState::kReopened: return ReopenedStatement(report, timeline);
  }
  return "";
}

std::vector<core::Outcome> OrderedTimeline(const core::ExposureReport& report) {
  std::vector<core::Outcome> timeline = report.timeline;
  std::stable_sort(
      timeline.begin(), timeline.end(), [](const core::Outcome& a, const core::Outcome& b) {
        return std::tie(a.scan.time, a.scan.sha256) < std::tie(b.scan.time, b.scan.sha256);
      });
  return timeline;
}

std::string PortLabel(std::uint16_t port, const std::string& protocol) {
  return std::to_string(port) + "/" + (protocol.empty() ? std::string("?") : protocol);
}

}  // namespace ttmtrack::reports
