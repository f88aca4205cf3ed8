#pragma once

#include <string>

namespace CLI {
class App;
}

namespace ttmtrack::bench {

// `ttmtrack-bench reports`: rendering alone (docs/reports.md, "Speed"). Imports two scans of an
// estate whose every host is exposed with the real ttmtrack (the second fixes some), loads every
// host's report from the store, then times ReportWriter writing the summary and one page per
// host, as HTML and as JSON.
struct ReportsOptions {
  std::string work_dir;
  unsigned hosts = 5000;
  bool keep = false;
};

void SetupReports(CLI::App& app, ReportsOptions& options);

// Prints the timings to stdout. Returns 0. Throws ttmtrack::Error or std::runtime_error.
int RunReports(const ReportsOptions& options);

}  // namespace ttmtrack::bench
