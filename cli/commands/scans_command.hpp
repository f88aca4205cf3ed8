#pragma once

#include "cli/command_context.hpp"
#include "cli/format/output_format.hpp"

namespace CLI {
class App;
}

namespace ttmtrack::cli {

struct ScansOptions {
  OutputFormat format = OutputFormat::kTable;
};

// `ttmtrack scans`: every imported scan, ordered by scan time.
CLI::App* SetupScansCommand(CLI::App& app, ScansOptions& options);
int RunScansCommand(const ScansOptions& options, const CommandContext& context);

}  // namespace ttmtrack::cli
