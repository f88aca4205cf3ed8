#include "bench/importer_bench.hpp"

#include <cstdint>
#include <filesystem>
#include <iostream>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "bench/bench_run.hpp"
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
}

int RunImporter(const ImporterOptions& options) {
  const std::string self = fs::read_symlink("/proc/self/exe").string();
  std::cout << "## Importer alone\n\n"
            << "| format | hosts | file MB | XML MB | read s | XML MB/s | peak RSS MB |\n"
            << "|---|---:|---:|---:|---:|---:|---:|\n";
  for (const std::string& format : options.exports.formats) {
    for (const unsigned hosts : options.exports.hosts) {
      const GeneratedExport file = Generate(
          options.work_dir,
          {.format = format, .hosts = hosts, .results_per_host = options.exports.results_per_host});
      const double file_mb = static_cast<double>(fs::file_size(file.path)) / 1e6;
      const process::ProcessResult read = MustRun({self, "read-export", file.path});
      std::cout << fmt::format("| {} | {} | {:.1f} | {:.1f} | {:.2f} | {:.1f} | {:.1f} |\n", format,
                               hosts, file_mb, file.xml_megabytes, read.seconds,
                               file.xml_megabytes / read.seconds, Megabytes(read.max_rss_kb));
      if (!options.keep) fs::remove(file.path);
    }
  }
  return 0;
}

int ReadExportAndCount(const std::string& path) {
  CountingSink sink;
  try {
    importer::ReadExport(path, "", {}, sink);
  } catch (const Error& e) {
    std::cerr << e.what() << '\n';
    return e.ExitCode();
  }
  std::cout << "hosts=" << sink.hosts << " results=" << sink.results << '\n';
  return 0;
}

}  // namespace ttmtrack::bench
