#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "core/coverage_policy.hpp"
#include "core/exposure.hpp"
#include "core/exposure_observation.hpp"
#include "core/outcome.hpp"

namespace ttmtrack::core {

// The lifecycle of one exposure, decided only on evidence. Full design note, states,
// transitions and numbered invariants: lifecycle.cpp and docs/verification.md.

// What one scan says about one exposure: detected, absent (the scan could have seen it and did
// not) or not-covered with a reason; assumptions taken under `policy` are recorded in
// Outcome::assumption.
Outcome DecideOutcome(const ExposureObservation& observation, const CoveragePolicy& policy);

// The state an exposure entered after one covering outcome (open-over-time charts).
struct StateChange {
  std::int64_t scan_time = 0;
  ExposureState state = ExposureState::kOpen;
};

struct LifecycleResult {
  // nullopt only when no outcome is `detected` (cannot happen for a stored exposure).
  std::optional<ExposureState> state;
  std::optional<std::int64_t> first_seen;    // scan time of the first detection
  std::optional<std::int64_t> last_seen;     // scan time of the latest detection
  std::optional<std::int64_t> last_checked;  // scan time of the latest covering outcome
  std::optional<ScanRef> verified_by;        // first absent after the latest detection, when fixed
  std::vector<Outcome> timeline;             // the input, sorted
  std::vector<StateChange> changes;          // every change of state, in timeline order
};

// The state and dates of an exposure replayed from all its outcomes. Outcomes are ordered by
// (scan.time, scan.sha256), never by id or import order, so any import order gives the same
// result; not-covered outcomes do not change the state.
LifecycleResult Replay(std::vector<Outcome> outcomes);

// One step of Replay: applies `outcome` to `result` (state, dates, verified_by, changes; the
// timeline is the caller's). Replay is exactly a left fold of this over the sorted outcomes, so
// a store that keeps the folded state can append an outcome that sorts after every outcome
// already applied without replaying the others. REQUIRES: that ordering.
void ApplyOutcome(LifecycleResult& result, const Outcome& outcome);

}  // namespace ttmtrack::core
