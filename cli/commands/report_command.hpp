#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cli/command_context.hpp"

namespace CLI {
class App;
}

namespace ttmtrack::cli {

struct ReportCommandOptions {
  std::string out_dir = "report";
  std::optional<std::string> host;  // only this host's page
  std::string format = "html";      // html | json
  std::vector<std::string> trusted_nets;
  std::optional<std::string> generated_at;  // ISO 8601; else $SOURCE_DATE_EPOCH, else now
  std::optional<std::string> pack;          // also write the evidence pack (cli/evidence_pack.hpp)
  unsigned jobs = 0;                        // threads rendering host pages; 0: one per CPU
};

// `ttmtrack report`: the auditors' remediation report — DIR/index.html and one
// DIR/hosts/<ip>.html per host that ever had an exposure (docs/reports.md).
CLI::App* SetupReportCommand(CLI::App& app, ReportCommandOptions& options);
int RunReportCommand(const ReportCommandOptions& options, const CommandContext& context);

}  // namespace ttmtrack::cli
