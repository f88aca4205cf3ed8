#pragma once

#include <optional>
#include <string>

#include "cli/command_context.hpp"
#include "cli/format/output_format.hpp"

namespace CLI {
class App;
}

namespace ttmtrack::cli {

struct StatusOptions {
  std::optional<std::string> state;  // open | fixed | reopened
  std::optional<std::string> host;
  // A decision kind (accept, false-positive, compensating-control) whose decision applies, in
  // any status, or "none" for exposures without one.
  std::optional<std::string> decision;
  bool overdue_only = false;
  bool stale_only = false;
  OutputFormat format = OutputFormat::kTable;
};

// `ttmtrack status`: one row per exposure with its state and what proves it.
CLI::App* SetupStatusCommand(CLI::App& app, StatusOptions& options);
int RunStatusCommand(const StatusOptions& options, const CommandContext& context);

}  // namespace ttmtrack::cli
