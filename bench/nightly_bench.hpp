#pragma once

#include <string>

#include "bench/bench_run.hpp"

namespace ttmtrack::bench {

// `ttmtrack-bench nightly`: a year of nightly history. One Nessus export of the same estate per
// night (`--hosts` × `--results-per-host`, one host in `--detect-every` exposed, another seed
// each night so listeners come and go), imported with the real ttmtrack into one database, one
// night after the other; then `status` and `report` on the database that results. Prints the
// cost of imports along the way (wall and CPU time, peak memory, database size), the last
// import's cost over the first's (docs/benchmark.md, target: at most 1.1), and the database's
// size per scan. Each export is generated just before its import and removed after it, so the
// scratch folder holds one export and the database.
struct NightlyOptions {
  std::string work_dir;
  unsigned scans = 365;
  unsigned hosts = 5000;
  unsigned results_per_host = 20;
  unsigned detect_every = 50;
  // Every night the same estate (the generator's seed 1; only the scan time changes), so the
  // exposures stay the same and what grows is the history alone. Without it each night has
  // another seed, and the exposures grow towards one per host as nights pass.
  bool same_estate = false;
  bool keep = false;
  double max_last_over_first = 1.1;
};

void SetupNightly(CLI::App& app, NightlyOptions& options);

// Prints Markdown to stdout and progress to stderr. Returns 0 when the last import costs at most
// max_last_over_first times the first, 1 otherwise. Throws std::runtime_error when a child fails.
int RunNightly(const NightlyOptions& options);

}  // namespace ttmtrack::bench
