#pragma once

#include <string>
#include <vector>

#include "tools/process/child_process.hpp"

namespace CLI {
class App;
}

// What every benchmark shares: running the real executables (ttmtrack-gen, ttmtrack, this
// program) as measured child processes, and generating exports with ttmtrack-gen.
namespace ttmtrack::bench {

// Runs `argv` (argv[0] a path) to completion; throws std::runtime_error naming the program, its
// exit code and its output when it fails. The result carries the child's wall time and peak
// resident memory.
process::ProcessResult MustRun(const std::vector<std::string>& argv);

// An export for ttmtrack-gen's big mode. `format` is nessus, gvm or nessus-gz (Nessus, gzip).
struct ExportSpec {
  std::string format = "nessus";
  unsigned hosts = 2000;
  unsigned results_per_host = 20;
  unsigned detect_every = 50;  // one host in N has a c564e5ab detection
  unsigned seed = 1;
  std::string time;  // the scan's start, ISO 8601; empty: the generator's default
};

struct GeneratedExport {
  std::string path;
  double xml_megabytes = 0;  // uncompressed XML, as ttmtrack-gen reports it (10^6 bytes)
};

// Exports one per format and size, for the benchmarks that compare sizes and formats.
struct ExportMatrix {
  std::vector<unsigned> hosts;
  unsigned results_per_host = 20;
  std::vector<std::string> formats{"nessus", "gvm", "nessus-gz"};
};

// --hosts (comma-separated), --results-per-host, --formats.
void AddExportMatrixOptions(CLI::App& app, ExportMatrix& matrix);

// --rounds: how many times each program runs (bench/rounds.hpp; figures are medians).
void AddRoundsOption(CLI::App& app, int& rounds);

// Writes the export of `spec` into `work_dir` with ttmtrack-gen. Throws std::runtime_error.
GeneratedExport Generate(const std::string& work_dir, const ExportSpec& spec);

// The argv of `ttmtrack --db DB ARGS...`: the ttmtrack built beside this program, or the one
// $TTMTRACK_BENCH_TTMTRACK names (to measure another build, e.g. before a change, on the same
// databases).
std::vector<std::string> Ttmtrack(const std::string& db, const std::vector<std::string>& args);

// Removes the database `db` with its -wal and -shm files.
void RemoveDatabase(const std::string& db);

inline double Megabytes(long kib) { return static_cast<double>(kib) / 1024; }

}  // namespace ttmtrack::bench
