#pragma once

#include <string>

#include "bench/bench_run.hpp"

namespace ttmtrack::bench {

// `ttmtrack-bench end-to-end`: the real ttmtrack binary on exports of growing size — import
// speed and peak memory per format, a verification re-scan with its lifecycle recomputation,
// `status`, and `report` — checked against the targets of docs/benchmark.md.
struct EndToEndOptions {
  std::string work_dir;
  ExportMatrix imports{.hosts = {2000, 20000, 60000}};
  unsigned report_hosts = 3000;
  bool keep = false;
  // Targets (docs/benchmark.md). Throughput is of XML bytes (uncompressed for gzip).
  double min_xml_mb_per_s = 20;
  double min_gzip_xml_mb_per_s = 10;
  double max_rss_growth_mb = 16;
  double min_report_pages_per_s = 500;
};

void SetupEndToEnd(CLI::App& app, EndToEndOptions& options);

// Prints Markdown tables and one line per target to stdout, progress to stderr. Returns 0 when
// every target is met, 1 when one is missed. Throws std::runtime_error when a child fails.
int RunEndToEnd(const EndToEndOptions& options);

}  // namespace ttmtrack::bench
