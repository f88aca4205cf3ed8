#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "core/exposure.hpp"
#include "core/outcome.hpp"

namespace ttmtrack::reports {

// What an outcome did to the exposure's state (core::ApplyOutcome): nothing, or one of the
// transitions an auditor looks for.
enum class StateChange { kNone, kFirstDetection, kVerifiedFix, kReopened };

// One row of a host page's timeline: `count` consecutive outcomes starting at `first` (indexes
// into the ordered timeline) with the same outcome, reason, assumption and resulting state, none
// of which changed the state; or one outcome that changed it (count 1, `change` set).
struct TimelineRun {
  std::size_t first = 0;
  std::size_t count = 1;
  StateChange change = StateChange::kNone;
  std::optional<core::ExposureState> state_after;  // nullopt before the first detection
  bool bases_differ = false;  // the outcomes' facts (Outcome::basis) are not all the same
};

// The state after each outcome of `timeline` (in the order given: pass OrderedTimeline), replayed
// with the lifecycle's own rule, and what each outcome changed.
struct TimelineStates {
  std::vector<std::optional<core::ExposureState>> after;
  std::vector<StateChange> change;
};
TimelineStates ReplayStates(const std::vector<core::Outcome>& timeline);

// Collapses `timeline` (ordered) into runs. A page shows one row per run, so its timeline has at
// most 2 × (state changes) + 1 rows however many scans there were — more only where the outcome,
// reason or assumption varies between scans (docs/reports.md, "Size of a host page").
std::vector<TimelineRun> CollapseTimeline(const std::vector<core::Outcome>& timeline,
                                          const TimelineStates& states);

// "first detection", "verified fix", "reopened"; "" for kNone. ToJsonName: "first-detection", ...
const char* StateChangeLabel(StateChange change);
const char* StateChangeJsonName(StateChange change);

}  // namespace ttmtrack::reports
