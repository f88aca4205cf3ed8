#pragma once

#include <string>

#include "cli/command_context.hpp"
#include "cli/format/output_format.hpp"

namespace CLI {
class App;
}

namespace ttmtrack::cli {

struct ConfigOptions {
  enum class Action { kList, kGet, kSet, kCheck, kDescribe };
  Action action = Action::kList;
  OutputFormat format = OutputFormat::kTable;
  std::string key;
  std::string value;
};

// `ttmtrack config list|get KEY|set KEY VALUE|describe [KEY]`: settings stored in the database,
// such as what to assume when an export does not state its coverage (docs/verification.md,
// "Assumptions"). `ttmtrack config check`: the config file (cli/config/config.hpp) — every key with
// its effective value and where that came from; a bad file exits 78 before this runs.
CLI::App* SetupConfigCommand(CLI::App& app, ConfigOptions& options);
int RunConfigCommand(const ConfigOptions& options, const CommandContext& context);

}  // namespace ttmtrack::cli
