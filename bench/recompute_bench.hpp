#pragma once

#include <string>

namespace CLI {
class App;
}

namespace ttmtrack::bench {

// `ttmtrack-bench recompute`: the lifecycle recomputation in the store alone
// (docs/verification.md, "Recomputation cost"). Writes `scans` scans of `exposures` hosts with
// one exposure each (each listener comes and goes at its own rhythm, so states open, fix and
// reopen), then times a full recomputation that writes every outcome, one that finds nothing to
// change, a setting change (a full recomputation without re-matching rules) and the import of
// one more scan (the incremental recomputation).
struct RecomputeOptions {
  std::string work_dir;
  int scans = 300;
  int exposures = 300;
  bool keep = false;
};

void SetupRecompute(CLI::App& app, RecomputeOptions& options);

// Prints the timings and the process's peak memory to stdout. Returns 0. Throws
// ttmtrack::Error when the store fails.
int RunRecompute(const RecomputeOptions& options);

}  // namespace ttmtrack::bench
