#include "bench/recompute_bench.hpp"

#include <chrono>
#include <filesystem>
#include <functional>
#include <iostream>
#include <stdexcept>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <sys/resource.h>

#include "bench/bench_run.hpp"
#include "core/scan_sink.hpp"
#include "db/open_connection.hpp"
#include "db/rules_table.hpp"
#include "db/scan_writer.hpp"
#include "db/sql/write_transaction.hpp"
#include "db/store.hpp"

namespace ttmtrack::bench {
namespace {

std::string HostIp(int i) {
  return fmt::format("10.{}.{}.{}", i / 65536 % 256, i / 256 % 256, i % 256);
}

// The plugin ID of the first Nessus ID rule: ttmtrack's own detection plugin.
std::string DetectionPluginId(const std::vector<core::Rule>& rules) {
  for (const core::Rule& rule : rules) {
    if (rule.kind == core::RuleKind::kNessusId) return rule.value;
  }
  throw std::runtime_error("the database has no Nessus ID rule");
}

// Scan `s` sees every host completely, with a policy that can verify a fix; host i's listener is
// up in scan s unless (s / (i % 7 + 1)) is odd; `plugin_id` is the detection's.
void WriteScan(int s, int exposures, const std::string& plugin_id, core::ScanSink& sink) {
  core::ScanInfo info;
  info.sha256 = fmt::format("bench-{}", s);
  info.file_name = info.sha256 + ".nessus";
  info.format = core::ScanFormat::kNessusV2;
  info.scanner = "Nessus";
  info.scan_name = "weekly";
  info.started_at = 1000 + 3600LL * s;
  info.ended_at = *info.started_at + 600;
  core::ScanCoverage coverage;
  coverage.enabled_plugin_ids = std::vector<std::string>{plugin_id};
  coverage.port_range = "all";
  sink.BeginScan(info);
  for (int i = 0; i < exposures; ++i) {
    core::HostRecord host;
    host.ip = HostIp(i);
    host.name = host.ip;
    host.completion = core::HostCompletion::kCompleted;
    sink.Host(host);
    if ((s / (i % 7 + 1)) % 2 != 0) continue;
    core::ResultRecord result;
    result.host_ip = host.ip;
    result.port = 5010;
    result.protocol = "tcp";
    result.plugin_id = plugin_id;
    result.plugin_name = "TTM command channel detection";
    result.output = "listener answered on 5010";
    sink.Result(result);
  }
  sink.EndScan(info, coverage);
}

double Seconds(const std::function<void()>& work) {
  const auto start = std::chrono::steady_clock::now();
  work();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

void SetupRecompute(CLI::App& app, RecomputeOptions& options) {
  app.add_option("--scans", options.scans, "Scans in the database")->capture_default_str();
  app.add_option("--exposures", options.exposures, "Hosts per scan, one exposure each")
      ->capture_default_str();
}

int RunRecompute(const RecomputeOptions& options) {
  const std::string path = options.work_dir + "/recompute.db";
  RemoveDatabase(path);
  const std::string plugin_id = DetectionPluginId(db::Store(path).ListRules());
  // Facts written straight through the store's sink, without a recomputation per scan.
  const double load = Seconds([&] {
    db::sql::Connection database = db::OpenConnection(path);
    db::sql::WriteTransaction transaction(database);
    for (int s = 0; s < options.scans; ++s) {
      db::ScanWriter writer(database, 1'700'000'000, db::LoadRules(database),
                            /*future_margin_seconds=*/0);
      WriteScan(s, options.exposures, plugin_id, writer);
    }
    transaction.Commit();
  });
  db::Store store(path);
  const double first = Seconds([&] { store.RecomputeLifecycle(); });
  const double unchanged = Seconds([&] { store.RecomputeLifecycle(); });
  // Every host completed its scans, so this changes no outcome.
  const double setting = Seconds([&] { store.SetSetting("coverage.host-unknown", "strict"); });
  const double import_one = Seconds([&] {
    store.ImportScan([&](core::ScanSink& sink) {
      WriteScan(options.scans, options.exposures, plugin_id, sink);
    });
  });
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  std::cout << fmt::format(
      "| Scans × exposures (outcomes) | First recompute (writes all) | Recompute, nothing "
      "changed | Setting change | Import of one more scan |\n|---|---|---|---|---|\n"
      "| {} × {} ({}) | {:.2f} s | {:.2f} s | {:.2f} s | {:.2f} s |\n\n"
      "Loading the facts took {:.2f} s; peak resident memory {:.1f} MB.\n",
      options.scans, options.exposures, static_cast<long long>(options.scans) * options.exposures,
      first, unchanged, setting, import_one, load, Megabytes(usage.ru_maxrss));
  if (!options.keep) RemoveDatabase(path);
  return 0;
}

}  // namespace ttmtrack::bench
