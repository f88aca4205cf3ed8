#pragma once

#include "cli/command_context.hpp"
#include "cli/format/output_format.hpp"

namespace CLI {
class App;
}

namespace ttmtrack::cli {

struct GapsOptions {
  OutputFormat format = OutputFormat::kTable;
};

// `ttmtrack gaps`: coverage gaps — every host that dropped out of scanning (earlier scans of a
// task reported it, the task's latest scan does not; db::Store::HostsDroppedOutOfScanning),
// with the last scan that saw it.
CLI::App* SetupGapsCommand(CLI::App& app, GapsOptions& options);
int RunGapsCommand(const GapsOptions& options, const CommandContext& context);

}  // namespace ttmtrack::cli
