// ttmtrack-bench: every speed and memory figure of the project, measured by one program with a
// subcommand per part (docs/benchmark.md says how to run each). Not a test: wall-clock targets
// on a shared CI machine would be flaky. Exit 0 when it ran (and, for end-to-end, every target
// was met), 1 when a target was missed, 70 when something failed.
#include <filesystem>
#include <iostream>
#include <string>

#include <CLI/CLI.hpp>

#include "bench/end_to_end_bench.hpp"
#include "bench/importer_bench.hpp"
#include "bench/nightly_bench.hpp"
#include "bench/recompute_bench.hpp"
#include "bench/report_scale_bench.hpp"
#include "bench/reports_bench.hpp"
#include "bench/verify_bench.hpp"

namespace {

struct BenchOptions {
  std::string work_dir = (std::filesystem::temp_directory_path() / "ttmtrack-bench").string();
  bool keep = false;
  ttmtrack::bench::EndToEndOptions end_to_end;
  ttmtrack::bench::ImporterOptions importer;
  ttmtrack::bench::NightlyOptions nightly;
  ttmtrack::bench::RecomputeOptions recompute;
  ttmtrack::bench::ReportsOptions reports;
  ttmtrack::bench::VerifyOptions verify;
  ttmtrack::bench::ReportScaleOptions report_scale;
  std::string read_export;
  bool one_thread = false;
};

int Dispatch(const CLI::App& app, BenchOptions& o) {
  namespace bench = ttmtrack::bench;
  if (app.got_subcommand("read-export")) {
    return bench::ReadExportAndCount(o.read_export, o.one_thread);
  }
  if (app.got_subcommand("verify")) return bench::RunVerify(o.verify);
  std::filesystem::create_directories(o.work_dir);
  std::cerr << "ttmtrack-bench: working in " << o.work_dir << '\n';
  if (app.got_subcommand("end-to-end")) {
    o.end_to_end.work_dir = o.work_dir;
    o.end_to_end.keep = o.keep;
    return bench::RunEndToEnd(o.end_to_end);
  }
  if (app.got_subcommand("importer")) {
    o.importer.work_dir = o.work_dir;
    o.importer.keep = o.keep;
    return bench::RunImporter(o.importer);
  }
  if (app.got_subcommand("nightly")) {
    o.nightly.work_dir = o.work_dir;
    o.nightly.keep = o.keep;
    return bench::RunNightly(o.nightly);
  }
  if (app.got_subcommand("recompute")) {
    o.recompute.work_dir = o.work_dir;
    o.recompute.keep = o.keep;
    return bench::RunRecompute(o.recompute);
  }
  if (app.got_subcommand("report-scale")) {
    o.report_scale.work_dir = o.work_dir;
    o.report_scale.keep = o.keep;
    return bench::RunReportScale(o.report_scale);
  }
  o.reports.work_dir = o.work_dir;
  o.reports.keep = o.keep;
  return bench::RunReports(o.reports);
}

}  // namespace

int main(int argc, char** argv) {
  BenchOptions o;
  CLI::App app{
      "ttmtrack-bench: speed and peak memory of ttmtrack on generated exports "
      "(docs/benchmark.md). Exit 0 when it ran and every target was met, 1 when a target was "
      "missed, 70 when something failed."};
  app.add_option("--work", o.work_dir, "Scratch folder for exports and databases")
      ->capture_default_str();
  app.add_flag("--keep", o.keep, "Keep the generated files and databases");
  app.require_subcommand(1);
  app.fallthrough();
  ttmtrack::bench::SetupEndToEnd(
      *app.add_subcommand("end-to-end",
                          "The real ttmtrack binary: import, lifecycle and report, with targets"),
      o.end_to_end);
  ttmtrack::bench::SetupImporter(
      *app.add_subcommand("importer", "The importer alone: parse speed and peak memory"),
      o.importer);
  ttmtrack::bench::SetupNightly(
      *app.add_subcommand("nightly", "A year of nightly imports into one database"), o.nightly);
  ttmtrack::bench::SetupRecompute(
      *app.add_subcommand("recompute", "The lifecycle recomputation in the store"), o.recompute);
  ttmtrack::bench::SetupReports(
      *app.add_subcommand("reports", "Report rendering alone, HTML and JSON"), o.reports);
  ttmtrack::bench::SetupVerify(
      *app.add_subcommand("verify", "The vantage-point prober of ttmtrack verify, on loopback"),
      o.verify);
  ttmtrack::bench::SetupReportScale(
      *app.add_subcommand("report-scale",
                          "ttmtrack report at 10,000 hosts and at a year of nightly scans, with "
                          "targets"),
      o.report_scale);
  // The child the importer benchmark measures; not for people (an empty group hides it).
  CLI::App* read_export =
      app.add_subcommand("read-export", "Read one export into a counting sink")->group("");
  read_export->add_option("file", o.read_export)->required();
  read_export->add_flag("--one-thread", o.one_thread, "Without the reading thread");
  CLI11_PARSE(app, argc, argv);
  try {
    return Dispatch(app, o);
  } catch (const std::exception& error) {
    std::cerr << "ttmtrack-bench: " << error.what() << '\n';
    return 70;
  }
}
