#include "bench/end_to_end_bench.hpp"

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "bench/bench_run.hpp"
#include "bench/rounds.hpp"

namespace ttmtrack::bench {
namespace {

namespace fs = std::filesystem;
using process::ProcessResult;

struct ImportRow {
  std::string format;
  unsigned hosts = 0;
  double file_mb = 0;
  double xml_mb = 0;
  std::vector<ProcessResult> import;    // by round
  std::vector<ProcessResult> reimport;  // by round
  std::vector<ProcessResult> new_db;    // the same import creating its database, by round
  std::vector<ProcessResult> stream;    // xmllint --stream, by round
  std::vector<ProcessResult> sax;       // xmllint --sax, by round
};

ImportRow BenchImport(const EndToEndOptions& options, const std::string& format, unsigned hosts) {
  ImportRow row;
  row.format = format;
  row.hosts = hosts;
  const GeneratedExport file = Generate(
      options.work_dir,
      {.format = format, .hosts = hosts, .results_per_host = options.imports.results_per_host});
  row.xml_mb = file.xml_megabytes;
  row.file_mb = static_cast<double>(fs::file_size(file.path)) / 1e6;
  // The nightly case: every import but the very first goes into a database that exists, so
  // "import" starts from one holding an earlier (1-host) scan. Creating a database (the schema
  // and the fsyncs of its first commits, about 0.1 s on this VM's disk) is a one-off cost,
  // timed on its own as "new db".
  const GeneratedExport earlier =
      Generate(options.work_dir, {.format = format, .hosts = 1, .results_per_host = 1, .seed = 2});
  const std::string db = options.work_dir + "/import.db";
  const std::string new_db = options.work_dir + "/import-new.db";
  const bool gzip = format == "nessus-gz";
  RoundResults runs = RunRounds({{"import", Ttmtrack(db, {"import", file.path}),
                                  [&] {
                                    RemoveDatabase(db);
                                    MustRun(Ttmtrack(db, {"import", earlier.path}));
                                  }},
                                 {"re-import", Ttmtrack(db, {"import", file.path})},
                                 XmllintStream(file.path, gzip),
                                 XmllintSax(file.path, gzip),
                                 {"import, new db", Ttmtrack(new_db, {"import", file.path}),
                                  [&new_db] { RemoveDatabase(new_db); }}},
                                options.rounds);
  row.import = std::move(runs[0]);
  row.reimport = std::move(runs[1]);
  row.stream = std::move(runs[2]);
  row.sax = std::move(runs[3]);
  row.new_db = std::move(runs[4]);
  if (!options.keep) {
    fs::remove(file.path);
    fs::remove(earlier.path);
    RemoveDatabase(db);
    RemoveDatabase(new_db);
  }
  std::cerr << fmt::format("  {} {} hosts: {:.1f} s ({:.2f} × xmllint --stream), {:.1f} MB peak\n",
                           format, hosts, MedianSeconds(row.import),
                           MedianRatio(row.import, row.stream), MedianRssMegabytes(row.import));
  return row;
}

void PrintImports(const EndToEndOptions& options, const std::vector<ImportRow>& rows) {
  std::cout << "## Import\n\n"
            << "Medians of " << options.rounds
            << " rounds; × = the import's time over the yardstick's in the same round (gzip: "
               "the yardsticks read from zcat). import: into a database holding an earlier "
               "scan (the nightly case); new db: the same import creating its database\n\n"
            << "| format | hosts | file MB | XML MB | import s | × stream | × sax | CPU s | "
               "× stream CPU | × sax CPU | XML MB/s | peak RSS MB | re-import s | new db × "
               "stream |\n"
            << "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n";
  for (const ImportRow& r : rows) {
    const double seconds = MedianSeconds(r.import);
    std::cout << fmt::format(
        "| {} | {} | {:.1f} | {:.1f} | {:.2f} | {:.2f} | {:.2f} | {:.2f} | {:.2f} | {:.2f} | "
        "{:.1f} | {:.1f} | {:.2f} | {:.2f} |\n",
        r.format, r.hosts, r.file_mb, r.xml_mb, seconds, MedianRatio(r.import, r.stream),
        MedianRatio(r.import, r.sax), MedianCpuSeconds(r.import),
        MedianCpuRatio(r.import, r.stream), MedianCpuRatio(r.import, r.sax), r.xml_mb / seconds,
        MedianRssMegabytes(r.import), MedianSeconds(r.reimport), MedianRatio(r.new_db, r.stream));
  }
}

// A verification re-scan of the largest estate on top of a first scan (5 results per host, one
// host in ten exposed, another seed so some listeners are gone), then `status`.
void BenchLifecycle(const EndToEndOptions& options, unsigned hosts) {
  ExportSpec spec{.hosts = hosts, .results_per_host = 5, .detect_every = 10, .seed = 1};
  const GeneratedExport first = Generate(options.work_dir, spec);
  spec.seed = 2;
  const GeneratedExport second = Generate(options.work_dir, spec);
  const std::string db = options.work_dir + "/lifecycle.db";
  RemoveDatabase(db);
  const ProcessResult first_import = MustRun(Ttmtrack(db, {"import", first.path}));
  const ProcessResult rescan = MustRun(Ttmtrack(db, {"import", second.path}));
  const ProcessResult status = MustRun(Ttmtrack(db, {"status", "--format", "json"}));
  std::cout << fmt::format(
      "\n## Lifecycle ({} hosts, 1 in 10 exposed)\n\n"
      "first scan import {:.2f} s; verification re-scan import (with recompute) {:.2f} s, peak "
      "{:.1f} MB; status --format json {:.2f} s\n",
      hosts, first_import.seconds, rescan.seconds, Megabytes(rescan.max_rss_kb), status.seconds);
  if (!options.keep) {
    for (const std::string& path : {first.path, second.path}) fs::remove(path);
    RemoveDatabase(db);
  }
}

// `ttmtrack report` for an estate whose every host is exposed: one page each. Returns pages/s.
double BenchReport(const EndToEndOptions& options) {
  const GeneratedExport estate = Generate(
      options.work_dir,
      {.hosts = options.report_hosts, .results_per_host = 3, .detect_every = 1, .seed = 3});
  const std::string db = options.work_dir + "/report.db";
  RemoveDatabase(db);
  MustRun(Ttmtrack(db, {"import", estate.path}));
  const std::string out = options.work_dir + "/report";
  fs::remove_all(out);
  const ProcessResult report =
      MustRun(Ttmtrack(db, {"report", "--out", out, "--generated-at", "2026-03-01"}));
  const auto pages = static_cast<double>(
      std::distance(fs::directory_iterator(out + "/hosts"), fs::directory_iterator{}));
  std::cout << fmt::format(
      "\n## Report\n\n{:.0f} host pages + index in {:.2f} s ({:.0f} pages/s), peak {:.1f} MB\n",
      pages, report.seconds, pages / report.seconds, Megabytes(report.max_rss_kb));
  if (!options.keep) {
    fs::remove(estate.path);
    RemoveDatabase(db);
    fs::remove_all(out);
  }
  return pages / report.seconds;
}

struct Verdicts {
  bool all_met = true;
  void Check(bool met, const std::string& what) {
    std::cout << (met ? "  met     " : "  MISSED  ") << what << '\n';
    all_met = all_met && met;
  }
};

void CheckImports(const EndToEndOptions& options, const std::vector<ImportRow>& rows,
                  Verdicts& verdicts) {
  for (const ImportRow& r : rows) {
    const double ratio = MedianRatio(r.import, r.stream);
    const std::string yardstick =
        r.format == "nessus-gz" ? "zcat | xmllint --stream" : "xmllint --stream";
    verdicts.Check(ratio <= options.max_stream_ratio,
                   fmt::format("{} {} hosts: import {:.2f} × {} (<= {:.1f})", r.format, r.hosts,
                               ratio, yardstick, options.max_stream_ratio));
    const double peak = MedianRssMegabytes(r.import);
    verdicts.Check(peak <= options.max_rss_mb,
                   fmt::format("{} {} hosts: peak memory {:.1f} MiB (<= {:.0f} MiB)", r.format,
                               r.hosts, peak, options.max_rss_mb));
  }
}

}  // namespace

void SetupEndToEnd(CLI::App& app, EndToEndOptions& options) {
  AddExportMatrixOptions(app, options.imports);
  AddRoundsOption(app, options.rounds);
  app.add_option("--report-hosts", options.report_hosts, "Hosts (all exposed) in the report run")
      ->capture_default_str();
}

int RunEndToEnd(const EndToEndOptions& options) {
  std::cout << LoadAverage() << " at the start\n\n";
  std::vector<ImportRow> rows;
  for (const std::string& format : options.imports.formats) {
    for (const unsigned hosts : options.imports.hosts) {
      rows.push_back(BenchImport(options, format, hosts));
    }
  }
  PrintImports(options, rows);
  const unsigned largest =
      *std::max_element(options.imports.hosts.begin(), options.imports.hosts.end());
  BenchLifecycle(options, largest);
  const double pages_per_s = BenchReport(options);

  std::cout << "\n## Targets\n\n";
  Verdicts verdicts;
  CheckImports(options, rows, verdicts);
  verdicts.Check(pages_per_s >= options.min_report_pages_per_s,
                 fmt::format("report {:.0f} host pages/s >= {:.0f}", pages_per_s,
                             options.min_report_pages_per_s));
  std::cout << '\n' << LoadAverage() << " at the end\n";
  return verdicts.all_met ? 0 : 1;
}

}  // namespace ttmtrack::bench
