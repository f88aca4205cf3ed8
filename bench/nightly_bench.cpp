#include "bench/nightly_bench.hpp"

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "bench/rounds.hpp"
#include "core/civil_time.hpp"

namespace ttmtrack::bench {
namespace {

namespace fs = std::filesystem;
using process::ProcessResult;

// Night 0 is 2025-01-01 02:00 UTC: a year of nights ends before today, so no scan is refused
// as dated in the future.
constexpr std::int64_t kFirstNight = 1735696800;
constexpr std::int64_t kNight = 86400;
// Nights whose import is printed: the first ten, then every 25th, and the last.
bool Printed(unsigned night, unsigned scans) {
  return night < 10 || (night + 1) % 25 == 0 || night + 1 == scans;
}

double DatabaseMegabytes(const std::string& db) {
  double bytes = 0;
  for (const char* suffix : {"", "-wal"}) {
    std::error_code ec;
    const auto size = fs::file_size(db + suffix, ec);
    if (!ec) bytes += static_cast<double>(size);
  }
  return bytes / 1e6;
}

// The median of `runs[first, first + count)` by `value`.
template <typename Value>
double WindowMedian(const std::vector<ProcessResult>& runs, std::size_t first, std::size_t count,
                    Value value) {
  std::vector<double> values;
  for (std::size_t i = first; i < std::min(runs.size(), first + count); ++i) {
    values.push_back(value(runs[i]));
  }
  return Median(values);
}

// Generates and imports one export a night into `db`, printing a table row for the nights
// Printed() picks; returns each import's run and sets `xml_mb` to an export's size.
std::vector<ProcessResult> ImportNights(const NightlyOptions& options, const std::string& db,
                                        double& xml_mb) {
  std::vector<ProcessResult> imports;
  imports.reserve(options.scans);
  for (unsigned night = 0; night < options.scans; ++night) {
    const GeneratedExport file = Generate(
        options.work_dir, {.hosts = options.hosts,
                           .results_per_host = options.results_per_host,
                           .detect_every = options.detect_every,
                           .seed = options.same_estate ? 1 : night + 1,
                           .time = core::FormatIso8601Utc(kFirstNight + night * kNight).value()});
    xml_mb = file.xml_megabytes;
    imports.push_back(MustRun(Ttmtrack(db, {"import", file.path})));
    fs::remove(file.path);
    const ProcessResult& run = imports.back();
    if (Printed(night, options.scans)) {
      std::cout << fmt::format("| {} | {:.2f} | {:.2f} | {:.1f} | {:.1f} |\n", night + 1,
                               run.seconds, run.cpu_seconds, Megabytes(run.max_rss_kb),
                               DatabaseMegabytes(db))
                << std::flush;
    }
    std::cerr << fmt::format("\r  night {}/{}: {:.2f} s", night + 1, options.scans, run.seconds);
  }
  std::cerr << '\n';
  return imports;
}

}  // namespace

void SetupNightly(CLI::App& app, NightlyOptions& options) {
  app.add_option("--scans", options.scans, "Nights (imports)")->capture_default_str();
  app.add_option("--hosts", options.hosts, "Hosts per export")->capture_default_str();
  app.add_option("--results-per-host", options.results_per_host)->capture_default_str();
  app.add_option("--detect-every", options.detect_every, "One host in N exposed")
      ->capture_default_str();
  app.add_flag("--same-estate", options.same_estate,
               "The same hosts and exposures every night (only the scan time changes): the cost "
               "of history alone; without it each night has another seed and the exposures grow");
}

int RunNightly(const NightlyOptions& options) {
  const std::string db = options.work_dir + "/nightly.db";
  RemoveDatabase(db);
  std::cout << fmt::format(
      "## A year of nightly imports: {} scans of {} hosts × {} results, one host in {} "
      "exposed, {}\n\n{} at the start\n\n"
      "| night | import s | CPU s | peak RSS MB | database MB |\n|---:|---:|---:|---:|---:|\n",
      options.scans, options.hosts, options.results_per_host, options.detect_every,
      options.same_estate ? "the same estate every night" : "another seed every night",
      LoadAverage());
  double xml_mb = 0;
  const std::vector<ProcessResult> imports = ImportNights(options, db, xml_mb);
  const ProcessResult status = MustRun(Ttmtrack(db, {"status", "--format", "json"}));
  const std::string out = options.work_dir + "/nightly-report";
  fs::remove_all(out);
  const ProcessResult report =
      MustRun(Ttmtrack(db, {"report", "--out", out, "--generated-at", "2026-01-01"}));
  const auto pages =
      std::distance(fs::directory_iterator(out + "/hosts"), fs::directory_iterator{});

  const auto wall = [](const ProcessResult& r) { return r.seconds; };
  const auto cpu = [](const ProcessResult& r) { return r.cpu_seconds; };
  const std::size_t window = std::min<std::size_t>(5, imports.size());
  const double last_over_first = imports.back().seconds / imports.front().seconds;
  const double window_wall = WindowMedian(imports, imports.size() - window, window, wall) /
                             WindowMedian(imports, 0, window, wall);
  const double window_cpu = WindowMedian(imports, imports.size() - window, window, cpu) /
                            WindowMedian(imports, 0, window, cpu);
  const double db_mb = DatabaseMegabytes(db);
  std::cout << fmt::format(
      "\nEach export {:.1f} MB of XML. Last import over the first: {:.2f} × wall time, {:.2f} × "
      "CPU time; median of the last {} over the first {}: {:.2f} × wall, {:.2f} × CPU.\n\n"
      "At {} scans: `status --format json` {:.2f} s (peak {:.1f} MB); `report` {:.2f} s for {} "
      "host pages (peak {:.1f} MB); database {:.1f} MB, {:.2f} MB per scan.\n\n{} at the end\n",
      xml_mb, last_over_first, imports.back().cpu_seconds / imports.front().cpu_seconds, window,
      window, window_wall, window_cpu, options.scans, status.seconds, Megabytes(status.max_rss_kb),
      report.seconds, pages, Megabytes(report.max_rss_kb), db_mb, db_mb / options.scans,
      LoadAverage());
  if (!options.keep) {
    RemoveDatabase(db);
    fs::remove_all(out);
  }
  const bool met = window_cpu <= options.max_last_over_first;
  std::cout << (met ? "  met     " : "  MISSED  ")
            << fmt::format(
                   "the last imports cost {:.2f} × the first (CPU, median of {}; <= {:.1f})\n",
                   window_cpu, window, options.max_last_over_first);
  return met ? 0 : 1;
}

}  // namespace ttmtrack::bench
