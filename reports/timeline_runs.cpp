#include "reports/timeline_runs.hpp"

#include "core/lifecycle.hpp"

namespace ttmtrack::reports {
namespace {

StateChange ChangeBetween(std::optional<core::ExposureState> before,
                          std::optional<core::ExposureState> after) {
  if (before == after || !after) return StateChange::kNone;
  if (!before) return StateChange::kFirstDetection;
  switch (*after) {
    case core::ExposureState::kFixed: return StateChange::kVerifiedFix;
    case core::ExposureState::kReopened: return StateChange::kReopened;
    case core::ExposureState::kOpen: return StateChange::kFirstDetection;
  }
  return StateChange::kNone;
}

bool SameRun(const core::Outcome& a, const core::Outcome& b) {
  return a.kind == b.kind && a.reason == b.reason && a.assumption == b.assumption;
}

}  // namespace

TimelineStates ReplayStates(const std::vector<core::Outcome>& timeline) {
  TimelineStates states;
  states.after.reserve(timeline.size());
  states.change.reserve(timeline.size());
  core::LifecycleResult result;
  for (const core::Outcome& outcome : timeline) {
    const std::optional<core::ExposureState> before = result.state;
    core::ApplyOutcome(result, outcome);
    states.after.push_back(result.state);
    states.change.push_back(ChangeBetween(before, result.state));
  }
  return states;
}

std::vector<TimelineRun> CollapseTimeline(const std::vector<core::Outcome>& timeline,
                                          const TimelineStates& states) {
  std::vector<TimelineRun> runs;
  for (std::size_t i = 0; i < timeline.size(); ++i) {
    const bool change = states.change[i] != StateChange::kNone;
    if (!change && !runs.empty()) {
      TimelineRun& run = runs.back();
      const core::Outcome& first = timeline[run.first];
      if (run.change == StateChange::kNone && run.state_after == states.after[i] &&
          SameRun(first, timeline[i])) {
        ++run.count;
        run.bases_differ = run.bases_differ || first.basis != timeline[i].basis;
        continue;
      }
    }
    runs.push_back({i, 1, states.change[i], states.after[i], false});
  }
  return runs;
}

const char* StateChangeLabel(StateChange change) {
  switch (change) {
    case StateChange::kNone: return "";
    case StateChange::kFirstDetection: return "first detection";
    case StateChange::kVerifiedFix: return "verified fix";
    case StateChange::kReopened: return "reopened";
  }
  return "";
}

const char* StateChangeJsonName(StateChange change) {
  switch (change) {
    case StateChange::kNone: return "";
    case StateChange::kFirstDetection: return "first-detection";
    case StateChange::kVerifiedFix: return "verified-fix";
    case StateChange::kReopened: return "reopened";
  }
  return "";
}

}  // namespace ttmtrack::reports
