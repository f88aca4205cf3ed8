#include "bench/importer_bench.hpp"

#include <cstdint>
#include <filesystem>
#include <iostream>
#include <tuple>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "bench/bench_run.hpp"
#include "bench/rounds.hpp"
#include "core/error.hpp"
#include "core/scan_sink.hpp"
#include "importer/export_reader.hpp"

namespace ttmtrack::bench {
namespace {

namespace fs = std::filesystem;

struct CountingSink : core::ScanSink {
  void BeginScan(const core::ScanInfo& /*scan*/) override {}
  void Host(const core::HostRecord& /*host*/) override { ++hosts; }
  void Result(const core::ResultRecord& /*result*/) override { ++results; }
  void EndScan(const core::ScanInfo& /*scan*/, const core::ScanCoverage& /*coverage*/) override {}

  std::int64_t hosts = 0;
  std::int64_t results = 0;
};

}  // namespace

void SetupImporter(CLI::App& app, ImporterOptions& options) {
  AddExportMatrixOptions(app, options.exports);
  AddRoundsOption(app, options.rounds);
}

int RunImporter(const ImporterOptions& options) {
  const std::string self = fs::read_symlink("/proc/self/exe").string();
  std::cout << "## Importer alone\n\n"
            << LoadAverage() << " at the start; medians of " << options.rounds
            << " rounds; × = the importer's time over the yardstick's in the same round "
               "(gzip: the yardsticks read from zcat)\n\n"
            << "| format | hosts | XML MB | read s | × stream | × sax | CPU s | × stream CPU | "
               "× sax CPU | one thread: × stream | one thread: CPU s | stream s | sax s | peak "
               "RSS MB |\n"
            << "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n";
  for (const std::string& format : options.exports.formats) {
    for (const unsigned hosts : options.exports.hosts) {
      const GeneratedExport file = Generate(
          options.work_dir,
          {.format = format, .hosts = hosts, .results_per_host = options.exports.results_per_host});
      const bool gzip = format == "nessus-gz";
      const RoundResults runs =
          RunRounds({{"read", {self, "read-export", file.path}},
                     {"read, one thread", {self, "read-export", "--one-thread", file.path}},
                     XmllintStream(file.path, gzip),
                     XmllintSax(file.path, gzip)},
                    options.rounds);
      const auto& [read, one_thread, stream, sax] = std::tie(runs[0], runs[1], runs[2], runs[3]);
      std::cout << fmt::format(
          "| {} | {} | {:.1f} | {:.2f} | {:.2f} | {:.2f} | {:.2f} | {:.2f} | {:.2f} | {:.2f} | "
          "{:.2f} | {:.2f} | {:.2f} | {:.1f} |\n",
          format, hosts, file.xml_megabytes, MedianSeconds(read), MedianRatio(read, stream),
          MedianRatio(read, sax), MedianCpuSeconds(read), MedianCpuRatio(read, stream),
          MedianCpuRatio(read, sax), MedianRatio(one_thread, stream), MedianCpuSeconds(one_thread),
          MedianSeconds(stream), MedianSeconds(sax), MedianRssMegabytes(read));
      if (!options.keep) fs::remove(file.path);
    }
  }
  std::cout << '\n' << LoadAverage() << " at the end\n";
  return 0;
}

int ReadExportAndCount(const std::string& path, bool one_thread) {
  CountingSink sink;
  importer::ReadOptions options;
  options.read_ahead = !one_thread;
  try {
    importer::ReadExport(path, options, sink);
  } catch (const Error& e) {
    std::cerr << e.what() << '\n';
    return e.ExitCode();
  }
  std::cout << "hosts=" << sink.hosts << " results=" << sink.results << '\n';
  return 0;
}

}  // namespace ttmtrack::bench
