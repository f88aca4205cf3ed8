#include "bench/report_scale_bench.hpp"

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "bench/bench_run.hpp"
#include "bench/rounds.hpp"
#include "core/civil_time.hpp"

namespace ttmtrack::bench {
namespace {

namespace fs = std::filesystem;
using process::ProcessResult;

constexpr std::int64_t kFirstNight = 1735696800;  // 2025-01-01T02:00:00Z
constexpr std::int64_t kNight = 86400;

struct Estate {
  std::string name;
  std::string db;
  unsigned hosts = 0;
  unsigned scans = 0;
};

// Reuses the database when a kept earlier run left it (a year of imports takes minutes).
bool Reusable(const ReportScaleOptions& options, const std::string& db) {
  if (options.keep && fs::exists(db)) {
    std::cerr << "  reusing " << db << '\n';
    return true;
  }
  RemoveDatabase(db);
  return false;
}

Estate OneScanEstate(const ReportScaleOptions& options) {
  Estate estate{"one scan", fmt::format("{}/report-scale-{}x1.db", options.work_dir, options.hosts),
                options.hosts, 1};
  if (Reusable(options, estate.db)) return estate;
  const GeneratedExport file = Generate(
      options.work_dir, {.hosts = options.hosts, .results_per_host = 5, .detect_every = 1});
  MustRun(Ttmtrack(estate.db, {"import", file.path}));
  fs::remove(file.path);
  return estate;
}

// Every host detected every night but between the fix (absent: the export has no detection)
// and the reopening. The same seed each night: each host keeps its port, so the only state
// changes are the three of the scenario.
Estate YearEstate(const ReportScaleOptions& options) {
  Estate estate{
      fmt::format("{} nightly scans", options.nights),
      fmt::format("{}/report-scale-{}x{}.db", options.work_dir, options.year_hosts, options.nights),
      options.year_hosts, options.nights};
  if (Reusable(options, estate.db)) return estate;
  const unsigned fixed_on = options.nights * 100 / 365;
  const unsigned reopened_on = options.nights * 200 / 365;
  constexpr unsigned kNightsPerImport = 30;  // one `ttmtrack import` of many files: fewer starts
  for (unsigned first = 0; first < options.nights; first += kNightsPerImport) {
    std::vector<std::string> args{"import"};
    for (unsigned night = first; night < std::min(options.nights, first + kNightsPerImport);
         ++night) {
      const bool absent = night >= fixed_on && night < reopened_on;
      const std::string time = core::FormatIso8601Utc(kFirstNight + night * kNight).value();
      // Generate names a file by size and seed, the same every night: give each its own.
      GeneratedExport file = Generate(options.work_dir, {.hosts = options.year_hosts,
                                                         .results_per_host = 5,
                                                         .detect_every = absent ? 0U : 1U,
                                                         .seed = 1,
                                                         .time = time});
      const std::string night_path = fmt::format("{}/night-{:03}.nessus", options.work_dir, night);
      fs::rename(file.path, night_path);
      args.push_back(night_path);
    }
    MustRun(Ttmtrack(estate.db, args));
    for (std::size_t i = 1; i < args.size(); ++i) fs::remove(args[i]);
    std::cerr << fmt::format("\r  nights imported: {}/{}",
                             std::min(options.nights, first + kNightsPerImport), options.nights);
  }
  std::cerr << '\n';
  return estate;
}

struct Row {
  const Estate* estate = nullptr;
  std::string jobs;
  std::vector<ProcessResult> runs;
  double megabytes = 0;  // of the report folder
};

double FolderMegabytes(const std::string& folder) {
  std::uintmax_t bytes = 0;
  for (const auto& entry : fs::recursive_directory_iterator(folder)) {
    if (entry.is_regular_file()) bytes += entry.file_size();
  }
  return static_cast<double>(bytes) / 1e6;
}

Row BenchReport(const ReportScaleOptions& options, const Estate& estate, const std::string& jobs) {
  const std::string out = options.work_dir + "/report-scale-out";
  std::vector<std::string> args{"report", "--out", out, "--generated-at", "2026-03-01"};
  if (jobs != "default") {
    args.emplace_back("--jobs");
    args.push_back(jobs);
  }
  Row row{&estate, jobs, {}, 0};
  row.runs = RunRounds({{"report", Ttmtrack(estate.db, args), [&out] { fs::remove_all(out); }}},
                       options.rounds)[0];
  row.megabytes = FolderMegabytes(out);
  fs::remove_all(out);
  std::cerr << fmt::format("  {}, {} hosts, jobs {}: {:.2f} s\n", estate.name, estate.hosts, jobs,
                           MedianSeconds(row.runs));
  return row;
}

}  // namespace

void SetupReportScale(CLI::App& app, ReportScaleOptions& options) {
  app.add_option("--hosts", options.hosts, "Exposed hosts of the one-scan estate")
      ->capture_default_str();
  app.add_option("--year-hosts", options.year_hosts, "Exposed hosts of the nightly estate")
      ->capture_default_str();
  app.add_option("--nights", options.nights, "Nightly scans of the nightly estate")
      ->check(CLI::Range(1U, 100000U))
      ->capture_default_str();
  app.add_option("--jobs", options.jobs,
                 "ttmtrack report --jobs values to run, comma-separated; 'default' passes none")
      ->delimiter(',')
      ->capture_default_str();
  AddRoundsOption(app, options.rounds);
}

int RunReportScale(const ReportScaleOptions& options) {
  std::cout << LoadAverage() << " at the start\n\n";
  const std::vector<Estate> estates{OneScanEstate(options), YearEstate(options)};
  std::vector<Row> rows;
  for (const Estate& estate : estates) {
    for (const std::string& jobs : options.jobs) rows.push_back(BenchReport(options, estate, jobs));
  }
  std::cout << fmt::format("## Report at scale (medians of {} rounds)\n\n", options.rounds)
            << "| estate | hosts | scans | --jobs | report s | CPU s | peak RSS MB | MB written "
               "| pages/s |\n|---|---:|---:|---|---:|---:|---:|---:|---:|\n";
  for (const Row& r : rows) {
    const double seconds = MedianSeconds(r.runs);
    std::cout << fmt::format("| {} | {} | {} | {} | {:.2f} | {:.2f} | {:.1f} | {:.1f} | {:.0f} |\n",
                             r.estate->name, r.estate->hosts, r.estate->scans, r.jobs, seconds,
                             MedianCpuSeconds(r.runs), MedianRssMegabytes(r.runs), r.megabytes,
                             r.estate->hosts / seconds);
  }
  std::cout << "\n## Targets\n\n";
  bool met = true;
  for (const Row& r : rows) {
    if (r.jobs != "default") continue;
    const double seconds = MedianSeconds(r.runs);
    const bool ok = seconds <= options.max_seconds;
    std::cout << (ok ? "  met     " : "  MISSED  ")
              << fmt::format("report, {} hosts × {}: {:.2f} s (<= {:.0f} s)\n", r.estate->hosts,
                             r.estate->name, seconds, options.max_seconds);
    met = met && ok;
  }
  std::cout << '\n' << LoadAverage() << " at the end\n";
  if (!options.keep) {
    for (const Estate& estate : estates) RemoveDatabase(estate.db);
  }
  return met ? 0 : 1;
}

}  // namespace ttmtrack::bench
