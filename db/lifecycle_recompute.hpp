#pragma once

#include <cstdint>

#include "core/coverage_policy.hpp"

namespace ttmtrack::db {

namespace sqlite {
class Database;
}

struct RecomputeStats {
  std::int64_t scans = 0;
  std::int64_t exposures = 0;
  std::int64_t outcomes = 0;              // decided (exposures x scans)
  std::int64_t outcomes_written = 0;      // inserted or changed rows
  std::int64_t detections_rematched = 0;  // detections whose matching rule changed
  std::int64_t plugin_judgements = 0;     // JudgePluginEnabled calls (cached per policy)
};

// What a recomputation may skip because the caller knows it did not change.
enum class RulesChanged { kYes, kNo };

// Recomputes every piece of derived lifecycle data from the stored facts, in this order
// (docs/verification.md, "Recomputation"):
//  1. each detection's rule: MatchRule against the current enabled rules (NULL: none matches);
//     skipped for RulesChanged::kNo (a setting change), when it could change nothing;
//  2. exposures: one per (ip, port, protocol) with a matched detection; others are deleted;
//  3. per scan: JudgePluginEnabled against every ID rule, stored in scan_judgements;
//  4. per exposure and scan: DecideOutcome under `policy`; then Replay for the state.
// Rows are written only where they change, so a recomputation that changes nothing writes
// nothing. Memory is bounded by one host's facts across all scans, not by the database.
// REQUIRES: the caller holds a write transaction. Throws ttmtrack::Error.
RecomputeStats RecomputeLifecycle(sqlite::Database& db, const core::CoveragePolicy& policy,
                                  RulesChanged rules_changed = RulesChanged::kYes);

// The same result as RecomputeLifecycle after importing scan `scan_id`, provided no rule and
// no setting changed since the last recomputation (the import learned no rule): decides only
// the new scan's outcomes and the outcomes of exposures it created, and replays only what
// they change (lifecycle_recompute_import.cpp explains why that is equal).
// REQUIRES: the caller holds a write transaction. Throws ttmtrack::Error.
RecomputeStats RecomputeAfterImport(sqlite::Database& db, const core::CoveragePolicy& policy,
                                    std::int64_t scan_id);

}  // namespace ttmtrack::db
