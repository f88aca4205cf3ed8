#include "bench/bench_run.hpp"

#include <cstdlib>
#include <filesystem>
#include <stdexcept>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

namespace ttmtrack::bench {

process::ProcessResult MustRun(const std::vector<std::string>& argv) {
  process::ProcessResult result = process::RunProcess(argv);
  if (result.exit_code != 0) {
    throw std::runtime_error(fmt::format("{} failed with exit code {}:\n{}{}", argv[0],
                                         result.exit_code, result.out, result.err));
  }
  return result;
}

void AddExportMatrixOptions(CLI::App& app, ExportMatrix& matrix) {
  app.add_option("--hosts", matrix.hosts, "Export sizes in hosts")
      ->delimiter(',')
      ->capture_default_str();
  app.add_option("--results-per-host", matrix.results_per_host)->capture_default_str();
  app.add_option("--formats", matrix.formats, "nessus, gvm, nessus-gz")
      ->delimiter(',')
      ->check(CLI::IsMember({"nessus", "gvm", "nessus-gz"}))
      ->capture_default_str();
}

void AddRoundsOption(CLI::App& app, int& rounds) {
  app.add_option("--rounds", rounds, "Runs of each program; figures are medians")
      ->check(CLI::Range(1, 99))
      ->capture_default_str();
}

GeneratedExport Generate(const std::string& work_dir, const ExportSpec& spec) {
  const bool gzip = spec.format == "nessus-gz";
  const bool gvm = spec.format == "gvm";
  GeneratedExport generated;
  generated.path = fmt::format("{}/{}-{}-s{}.{}{}", work_dir, spec.format, spec.hosts, spec.seed,
                               gvm ? "xml" : "nessus", gzip ? ".gz" : "");
  std::vector<std::string> argv{TTMTRACK_GEN_PATH,
                                gvm ? "gvm" : "nessus",
                                "--hosts",
                                std::to_string(spec.hosts),
                                "--results-per-host",
                                std::to_string(spec.results_per_host),
                                "--detect-every",
                                std::to_string(spec.detect_every),
                                "--seed",
                                std::to_string(spec.seed),
                                "--out",
                                generated.path};
  if (gzip) argv.emplace_back("--gzip");
  if (!spec.time.empty()) {
    argv.emplace_back("--time");
    argv.push_back(spec.time);
  }
  const std::string output = MustRun(argv).out;
  // ttmtrack-gen ends with "..., N bytes of XML".
  const auto at = output.rfind(" bytes of XML");
  if (at != std::string::npos) {
    const auto start = output.rfind(' ', at - 1);
    generated.xml_megabytes = std::stod(output.substr(start + 1, at - start - 1)) / 1e6;
  }
  return generated;
}

std::vector<std::string> Ttmtrack(const std::string& db, const std::vector<std::string>& args) {
  const char* other = std::getenv("TTMTRACK_BENCH_TTMTRACK");
  std::vector<std::string> argv{other != nullptr && *other != 0 ? other : TTMTRACK_BIN_PATH, "--db",
                                db};
  argv.insert(argv.end(), args.begin(), args.end());
  return argv;
}

void RemoveDatabase(const std::string& db) {
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db + suffix);
}

}  // namespace ttmtrack::bench
