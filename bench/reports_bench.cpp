// Rendering speed on a large estate (docs/reports.md, "Speed"):
//   ttmtrack_reports_bench [HOSTS] [OUT_DIR] [html|json]
// writes the summary and HOSTS synthetic host pages (default 5000) with ReportWriter and prints
// the wall time. Each host is the scenario's three-exposure host with its address changed.

#include <chrono>
#include <iostream>
#include <string>

#include "reports/report_writer.hpp"
#include "tests/reports/scenario.hpp"
#include "tests/support/temp_dir.hpp"

int main(int argc, char** argv) {
  using namespace ttmtrack::reports;
  const int hosts = argc > 1 ? std::stoi(argv[1]) : 5000;
  ttmtrack::test::TempDir temp;
  const std::filesystem::path out = argc > 2 ? std::filesystem::path(argv[2]) : temp.path();
  ReportOptions options = testing::FixedOptions();
  if (argc > 3 && std::string(argv[3]) == "json") options.format = ReportFormat::kJson;

  const testing::Scenario scenario = testing::MakeScenario();
  ttmtrack::core::SummaryReport summary = scenario.summary;
  summary.exposures.clear();
  std::vector<ttmtrack::core::HostReport> estate;
  estate.reserve(static_cast<std::size_t>(hosts));
  for (int i = 0; i < hosts; ++i) {
    ttmtrack::core::HostReport host = scenario.hosts[static_cast<std::size_t>(i % 3)];
    host.identity.ip = "10." + std::to_string(i / 65536 % 256) + "." +
                       std::to_string(i / 256 % 256) + "." + std::to_string(i % 256);
    for (auto& report : host.exposures) {
      report.exposure.ip = host.identity.ip;
      summary.exposures.push_back(report.exposure);
    }
    estate.push_back(std::move(host));
  }

  const auto start = std::chrono::steady_clock::now();
  ReportWriter writer(out, options);
  writer.WriteSummary(summary);
  std::uintmax_t bytes = 0;
  for (const auto& host : estate) bytes += std::filesystem::file_size(writer.WriteHost(host));
  const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
  std::cout << writer.files_written() << " files (" << hosts << " host pages, "
            << summary.exposures.size() << " exposures, " << bytes / (1024 * 1024)
            << " MiB of host pages) in " << elapsed.count() << " s\n";
  return 0;
}
