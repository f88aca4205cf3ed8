#pragma once

#include <string>

#include "bench/bench_run.hpp"

namespace ttmtrack::bench {

// `ttmtrack-bench end-to-end`: the real ttmtrack binary on exports of growing size — import
// speed (beside xmllint on the same file, bench/rounds.hpp) and peak memory per format, a
// verification re-scan with its lifecycle recomputation, `status`, and `report` — checked
// against the targets of docs/benchmark.md.
struct EndToEndOptions {
  std::string work_dir;
  ExportMatrix imports{.hosts = {2000, 20000, 60000}};
  unsigned report_hosts = 3000;
  int rounds = 3;
  bool keep = false;
  // Targets (docs/benchmark.md): the import's wall time over xmllint --stream's on the same
  // file in the same round (for gzip, over zcat | xmllint --stream), and peak memory.
  double max_stream_ratio = 1.0;
  double max_rss_mb = 32;
  double min_report_pages_per_s = 500;
};

void SetupEndToEnd(CLI::App& app, EndToEndOptions& options);

// Prints Markdown tables and one line per target to stdout, progress to stderr. Returns 0 when
// every target is met, 1 when one is missed. Throws std::runtime_error when a child fails.
int RunEndToEnd(const EndToEndOptions& options);

}  // namespace ttmtrack::bench
