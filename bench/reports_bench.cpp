#include "bench/reports_bench.hpp"

#include <chrono>
#include <filesystem>
#include <iostream>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "bench/bench_run.hpp"
#include "db/store.hpp"
#include "reports/report_writer.hpp"

namespace ttmtrack::bench {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

double SecondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

struct Estate {
  core::SummaryReport summary;
  std::vector<core::HostReport> hosts;
};

Estate LoadEstate(const std::string& db) {
  db::Store store(db);
  Estate estate;
  estate.summary = store.BuildSummary();
  for (const std::string& ip : store.ExposedHostIps()) {
    if (auto host = store.BuildHostReport(ip)) estate.hosts.push_back(std::move(*host));
  }
  return estate;
}

void Render(const Estate& estate, reports::ReportFormat format, const std::string& out) {
  fs::remove_all(out);
  reports::ReportOptions options;
  options.generated_at = 1'772'355'600;  // 2026-03-01
  options.tool_version = "bench";
  options.format = format;
  const auto start = Clock::now();
  reports::ReportWriter writer(out, options);
  writer.WriteSummary(estate.summary);
  std::uintmax_t bytes = 0;
  for (const core::HostReport& host : estate.hosts) {
    bytes += fs::file_size(writer.WriteHost(host));
  }
  const double seconds = SecondsSince(start);
  std::cout << fmt::format("| {} | {} | {:.1f} | {:.2f} | {:.0f} |\n",
                           format == reports::ReportFormat::kHtml ? "html" : "json",
                           writer.files_written(), static_cast<double>(bytes) / 1e6, seconds,
                           static_cast<double>(estate.hosts.size()) / seconds);
}

}  // namespace

void SetupReports(CLI::App& app, ReportsOptions& options) {
  app.add_option("--hosts", options.hosts, "Hosts in the estate, every one exposed")
      ->capture_default_str();
}

int RunReports(const ReportsOptions& options) {
  ExportSpec spec{.hosts = options.hosts, .results_per_host = 3, .detect_every = 1, .seed = 1};
  const GeneratedExport first = Generate(options.work_dir, spec);
  spec.seed = 2;
  spec.detect_every = 3;
  const GeneratedExport rescan = Generate(options.work_dir, spec);
  const std::string db = options.work_dir + "/reports.db";
  RemoveDatabase(db);
  MustRun(Ttmtrack(db, {"import", first.path, rescan.path}));

  const auto start = Clock::now();
  const Estate estate = LoadEstate(db);
  std::cout << fmt::format(
      "## Reports ({} exposed hosts: {} exposures open, {} fixed)\n\n"
      "Reading every host's report from the store: {:.2f} s\n\n"
      "| format | files | host pages MB | write s | host pages/s |\n|---|---:|---:|---:|---:|\n",
      estate.hosts.size(), estate.summary.open + estate.summary.reopened, estate.summary.fixed,
      SecondsSince(start));
  const std::string out = options.work_dir + "/report";
  Render(estate, reports::ReportFormat::kHtml, out);
  Render(estate, reports::ReportFormat::kJson, out);
  if (!options.keep) {
    for (const std::string& path : {first.path, rescan.path}) fs::remove(path);
    RemoveDatabase(db);
    fs::remove_all(out);
  }
  return 0;
}

}  // namespace ttmtrack::bench
