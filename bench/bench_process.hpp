#pragma once

#include <string>
#include <vector>

namespace ttmtrack::bench {

// One measured child process.
struct Measurement {
  int exit_code = -1;
  double seconds = 0;   // wall clock
  long max_rss_kb = 0;  // peak resident set size of the child alone (wait4's rusage)
  std::string output;   // stdout and stderr, for the error message when it failed
};

// Runs argv[0] (a path) with the rest as arguments, stdout and stderr captured into a file
// under `scratch_dir`, and measures it. Throws std::runtime_error when it cannot start.
Measurement Measure(const std::vector<std::string>& argv, const std::string& scratch_dir);

}  // namespace ttmtrack::bench
