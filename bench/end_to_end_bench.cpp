// ttmtrack-bench: generates exports of growing size with ttmtrack-gen, runs the real ttmtrack
// binary on them and reports speed and peak memory (docs/benchmark.md). Checks the targets and
// exits 1 when one is missed, so a regression shows up when someone runs it; it is not a test,
// because wall-clock targets on a shared CI machine would be flaky.
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "bench/bench_process.hpp"

namespace ttmtrack::bench {
namespace {

namespace fs = std::filesystem;

struct Config {
  std::string work_dir;
  std::vector<unsigned> hosts{2000, 20000, 60000};
  unsigned results_per_host = 20;
  std::vector<std::string> formats{"nessus", "gvm", "nessus-gz"};
  unsigned report_hosts = 3000;
  bool keep = false;
  // Targets (docs/benchmark.md). Throughput is of XML bytes (uncompressed for gzip).
  double min_xml_mb_per_s = 20;
  double min_gzip_xml_mb_per_s = 10;
  double max_rss_growth_mb = 16;
  double min_report_pages_per_s = 500;
};

struct ImportRow {
  std::string format;
  unsigned hosts = 0;
  double file_mb = 0;
  double xml_mb = 0;
  Measurement import;
  Measurement reimport;
};

double ParseXmlBytes(const std::string& gen_output) {
  // ttmtrack-gen ends with "..., N bytes of XML".
  const auto at = gen_output.rfind(" bytes of XML");
  if (at == std::string::npos) return 0;
  auto start = gen_output.rfind(' ', at - 1);
  return std::stod(gen_output.substr(start + 1, at - start - 1));
}

Measurement MustRun(const std::vector<std::string>& argv, const Config& config) {
  Measurement m = Measure(argv, config.work_dir);
  if (m.exit_code != 0) {
    throw std::runtime_error(
        fmt::format("{} failed with exit code {}:\n{}", argv[0], m.exit_code, m.output));
  }
  return m;
}

std::string Generate(const Config& config, const std::string& format, unsigned hosts,
                     unsigned results_per_host, unsigned detect_every, unsigned seed,
                     double& xml_bytes) {
  const bool gzip = format == "nessus-gz";
  const std::string kind = format == "gvm" ? "gvm" : "nessus";
  const std::string file = fmt::format("{}/{}-{}-s{}.{}{}", config.work_dir, format, hosts, seed,
                                       kind == "gvm" ? "xml" : "nessus", gzip ? ".gz" : "");
  std::vector<std::string> argv{TTMTRACK_GEN_PATH,
                                kind,
                                "--hosts",
                                std::to_string(hosts),
                                "--results-per-host",
                                std::to_string(results_per_host),
                                "--detect-every",
                                std::to_string(detect_every),
                                "--seed",
                                std::to_string(seed),
                                "--out",
                                file};
  if (gzip) argv.push_back("--gzip");
  const Measurement m = MustRun(argv, config);
  xml_bytes = ParseXmlBytes(m.output);
  return file;
}

std::vector<std::string> Ttmtrack(const std::string& db, std::vector<std::string> args) {
  std::vector<std::string> argv{TTMTRACK_BIN_PATH, "--db", db};
  argv.insert(argv.end(), args.begin(), args.end());
  return argv;
}

void RemoveDatabase(const std::string& db) {
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(db + suffix);
}

ImportRow BenchImport(const Config& config, const std::string& format, unsigned hosts) {
  ImportRow row;
  row.format = format;
  row.hosts = hosts;
  const std::string file =
      Generate(config, format, hosts, config.results_per_host, 50, 1, row.xml_mb);
  row.xml_mb /= 1e6;
  row.file_mb = static_cast<double>(fs::file_size(file)) / 1e6;
  const std::string db = config.work_dir + "/import.db";
  RemoveDatabase(db);
  row.import = MustRun(Ttmtrack(db, {"import", file}), config);
  row.reimport = MustRun(Ttmtrack(db, {"import", file}), config);
  if (!config.keep) {
    fs::remove(file);
    RemoveDatabase(db);
  }
  std::cerr << fmt::format("  {} {} hosts: {:.1f} s, {:.1f} MB peak\n", format, hosts,
                           row.import.seconds, static_cast<double>(row.import.max_rss_kb) / 1024);
  return row;
}

struct Verdicts {
  bool all_met = true;
  void Check(bool met, const std::string& what) {
    std::cout << (met ? "  met     " : "  MISSED  ") << what << '\n';
    all_met = all_met && met;
  }
};

int Run(const Config& config) {
  fs::create_directories(config.work_dir);
  std::cerr << "ttmtrack-bench: working in " << config.work_dir << '\n';
  std::vector<ImportRow> rows;
  for (const std::string& format : config.formats) {
    for (const unsigned hosts : config.hosts) rows.push_back(BenchImport(config, format, hosts));
  }

  // Lifecycle: a verification re-scan of the largest estate on top of a first scan.
  const unsigned largest = *std::max_element(config.hosts.begin(), config.hosts.end());
  double ignored = 0;
  const std::string first = Generate(config, "nessus", largest, 5, 10, 1, ignored);
  const std::string second = Generate(config, "nessus", largest, 5, 10, 2, ignored);
  const std::string lifecycle_db = config.work_dir + "/lifecycle.db";
  RemoveDatabase(lifecycle_db);
  const Measurement first_import = MustRun(Ttmtrack(lifecycle_db, {"import", first}), config);
  const Measurement rescan = MustRun(Ttmtrack(lifecycle_db, {"import", second}), config);
  const Measurement status =
      MustRun(Ttmtrack(lifecycle_db, {"status", "--format", "json"}), config);

  // Reports: every host exposed, one page each.
  const std::string estate = Generate(config, "nessus", config.report_hosts, 3, 1, 3, ignored);
  const std::string report_db = config.work_dir + "/report.db";
  RemoveDatabase(report_db);
  MustRun(Ttmtrack(report_db, {"import", estate}), config);
  const std::string report_dir = config.work_dir + "/report";
  fs::remove_all(report_dir);
  const Measurement report = MustRun(
      Ttmtrack(report_db, {"report", "--out", report_dir, "--generated-at", "2026-03-01"}), config);
  const auto pages = static_cast<double>(
      std::distance(fs::directory_iterator(report_dir + "/hosts"), fs::directory_iterator{}));

  std::cout << "## Import\n\n"
            << "| format | hosts | file MB | XML MB | import s | XML MB/s | peak RSS MB | "
               "re-import s |\n|---|---:|---:|---:|---:|---:|---:|---:|\n";
  for (const ImportRow& r : rows) {
    std::cout << fmt::format("| {} | {} | {:.1f} | {:.1f} | {:.2f} | {:.1f} | {:.1f} | {:.2f} |\n",
                             r.format, r.hosts, r.file_mb, r.xml_mb, r.import.seconds,
                             r.xml_mb / r.import.seconds,
                             static_cast<double>(r.import.max_rss_kb) / 1024, r.reimport.seconds);
  }
  std::cout << fmt::format(
      "\n## Lifecycle ({} hosts, 1 in 10 exposed)\n\n"
      "first scan import {:.2f} s; verification re-scan import (with recompute) {:.2f} s, peak "
      "{:.1f} MB; status --format json {:.2f} s\n",
      largest, first_import.seconds, rescan.seconds, static_cast<double>(rescan.max_rss_kb) / 1024,
      status.seconds);
  std::cout << fmt::format(
      "\n## Report\n\n{:.0f} host pages + index in {:.2f} s ({:.0f} pages/s), peak {:.1f} MB\n",
      pages, report.seconds, pages / report.seconds, static_cast<double>(report.max_rss_kb) / 1024);

  std::cout << "\n## Targets\n\n";
  Verdicts verdicts;
  std::map<std::string, std::pair<long, long>> rss_range;
  for (const ImportRow& r : rows) {
    const double mb_per_s = r.xml_mb / r.import.seconds;
    const double target =
        r.format == "nessus-gz" ? config.min_gzip_xml_mb_per_s : config.min_xml_mb_per_s;
    if (r.hosts == largest) {
      verdicts.Check(mb_per_s >= target, fmt::format("{} import {:.1f} XML MB/s >= {:.0f}",
                                                     r.format, mb_per_s, target));
    }
    auto& range =
        rss_range.try_emplace(r.format, r.import.max_rss_kb, r.import.max_rss_kb).first->second;
    range.first = std::min(range.first, r.import.max_rss_kb);
    range.second = std::max(range.second, r.import.max_rss_kb);
  }
  for (const auto& [format, range] : rss_range) {
    const double growth = static_cast<double>(range.second - range.first) / 1024;
    verdicts.Check(growth <= config.max_rss_growth_mb,
                   fmt::format("{} peak memory grows {:.1f} MB from the smallest to the largest "
                               "export (<= {:.0f} MB)",
                               format, growth, config.max_rss_growth_mb));
  }
  verdicts.Check(pages / report.seconds >= config.min_report_pages_per_s,
                 fmt::format("report {:.0f} host pages/s >= {:.0f}", pages / report.seconds,
                             config.min_report_pages_per_s));
  if (!config.keep) {
    for (const std::string& path : {first, second, estate}) fs::remove(path);
    for (const std::string& db : {lifecycle_db, report_db}) RemoveDatabase(db);
    fs::remove_all(report_dir);
  }
  return verdicts.all_met ? 0 : 1;
}

}  // namespace
}  // namespace ttmtrack::bench

int main(int argc, char** argv) {
  ttmtrack::bench::Config config;
  config.work_dir = (std::filesystem::temp_directory_path() / "ttmtrack-bench").string();
  CLI::App app{
      "ttmtrack-bench: import, lifecycle and report speed and peak memory on generated exports "
      "(docs/benchmark.md). Exit 0 when every target is met, 1 when one is missed."};
  app.add_option("--work", config.work_dir, "Scratch folder for exports and databases")
      ->capture_default_str();
  app.add_option("--hosts", config.hosts, "Export sizes in hosts")->delimiter(',');
  app.add_option("--results-per-host", config.results_per_host)->capture_default_str();
  app.add_option("--formats", config.formats, "nessus, gvm, nessus-gz")
      ->delimiter(',')
      ->check(CLI::IsMember({"nessus", "gvm", "nessus-gz"}));
  app.add_option("--report-hosts", config.report_hosts, "Hosts (all exposed) in the report run")
      ->capture_default_str();
  app.add_flag("--keep", config.keep, "Keep the generated files and databases");
  CLI11_PARSE(app, argc, argv);
  try {
    return ttmtrack::bench::Run(config);
  } catch (const std::exception& error) {
    std::cerr << "ttmtrack-bench: " << error.what() << '\n';
    return 70;
  }
}
