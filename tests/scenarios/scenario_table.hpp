#pragma once

#include <vector>

#include "tests/scenarios/support/scenario.hpp"

namespace ttmtrack::scenarios {

// The lifecycle stories of docs/verification.md ("Cases"), one named row each.
std::vector<Scenario> CoverageScenarios();       // what makes a re-scan count, or not
std::vector<Scenario> HistoryScenarios();        // reopening, ordering, late imports, formats
std::vector<Scenario> RuleAndPolicyScenarios();  // learned rules, coverage policy

// Hosts the stories use (documentation-style private addresses and the IPv6 doc prefix).
inline constexpr const char* kX = "10.20.0.11";
inline constexpr const char* kY = "10.20.0.12";
inline constexpr const char* kZ = "10.20.0.13";
inline constexpr const char* kV6 = "2001:db8:20::11";

// Shorthands for expected history rows.
inline ExpectOutcome Detected(const char* step, const char* state_after) {
  return {step, "detected", "", state_after};
}
inline ExpectOutcome Absent(const char* step, const char* state_after,
                            Assumed assumed = Assumed::kByFormat) {
  return {step, "absent", "", state_after, assumed};
}
inline ExpectOutcome NotCovered(const char* step, const char* reason, const char* state_after) {
  return {step, "not-covered", reason, state_after, Assumed::kNo};
}

// A plugin that is not ttmtrack's own but whose name says what it found: matched by the
// "Trading Technologies Messaging" name rule (case-insensitive), its ID is then learned.
scangen::DetectionPlugin ForeignTtmPlugin();
inline constexpr const char* kForeignNessusId = "990001";

}  // namespace ttmtrack::scenarios
