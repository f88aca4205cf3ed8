#pragma once

#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace ttmtrack::bench {

// `ttmtrack-bench report-scale`: the real `ttmtrack report` on the two estates of issue 16,
// with its targets (docs/benchmark.md, "Report at scale"):
//  - `--hosts` exposed hosts, one scan (every host exposed);
//  - `--year-hosts` exposed hosts with `--nights` nightly scans each: every host detected on
//    the first nights, fixed by the scan of night nights × 100/365 (absent), reopened on night
//    nights × 200/365, detected every night after (the history of tests/reports/year_history).
// Each report runs `--rounds` times per `--jobs` value (a number is passed as `ttmtrack report
// --jobs N`, "default" passes none: what a user gets); figures are medians of wall time, CPU
// time and peak RSS of the child. The databases are built with the real ttmtrack import and
// kept under `--work` with `--keep`, and then reused by the next run with the same sizes.
struct ReportScaleOptions {
  std::string work_dir;
  unsigned hosts = 10000;
  unsigned year_hosts = 1000;
  unsigned nights = 365;
  int rounds = 3;
  std::vector<std::string> jobs{"default"};
  double max_seconds = 5;
  bool keep = false;
};

void SetupReportScale(CLI::App& app, ReportScaleOptions& options);

// Prints Markdown to stdout and progress to stderr. Returns 0 when every "default" report took at
// most max_seconds (median wall time), 1 otherwise. Throws std::runtime_error
// when a child fails.
int RunReportScale(const ReportScaleOptions& options);

}  // namespace ttmtrack::bench
