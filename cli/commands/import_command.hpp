#pragma once

#include <string>
#include <vector>

#include "cli/command_context.hpp"
#include "cli/format/output_format.hpp"

namespace CLI {
class App;
}

namespace ttmtrack::cli {

struct ImportOptions {
  std::vector<std::string> files;
  OutputFormat format = OutputFormat::kTable;  // table: one line per file; json: an array
};

// `ttmtrack import FILE...`: each file in its own transaction; a bad file is reported as
// FILE:LINE:COL: message and skipped, the others still import. Returns the exit code of the
// first failing file, 0 when none failed.
CLI::App* SetupImportCommand(CLI::App& app, ImportOptions& options);
int RunImportCommand(const ImportOptions& options, const CommandContext& context);

}  // namespace ttmtrack::cli
