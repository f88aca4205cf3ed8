#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "cli/command_context.hpp"
#include "cli/format/output_format.hpp"

namespace CLI {
class App;
class Option;
}  // namespace CLI

namespace ttmtrack::cli {

struct ImportOptions {
  std::vector<std::string> files;
  OutputFormat format = OutputFormat::kTable;  // table: one line per file; json: an array
  // --from DIR: import the drop folder DIR instead of files (docs/cli.md, "import --from").
  // Unset options come from the config file (spool.*, lock.timeout-seconds).
  std::optional<std::string> from;
  std::optional<std::string> done;
  std::optional<std::string> failed;
  std::optional<std::int64_t> settle_seconds;
  std::optional<std::int64_t> lock_timeout_seconds;
};

// `ttmtrack import FILE...`: each file in its own transaction; a bad file is reported as
// FILE:LINE:COL: message and skipped, the others still import. Returns the exit code of the
// first failing file, 0 when none failed.
// `ttmtrack import --from DIR [--done DIR] [--failed DIR]`: the same for every settled export
// in a drop folder, under the run lock, moving each file out (cli/spool/drop_folder.hpp).
CLI::App* SetupImportCommand(CLI::App& app, ImportOptions& options);

// --settle-seconds and --lock-timeout, which `import --from` and `run` share; returns them.
std::pair<CLI::Option*, CLI::Option*> AddSpoolTimingOptions(
    CLI::App& command, std::optional<std::int64_t>& settle_seconds,
    std::optional<std::int64_t>& lock_timeout_seconds);
int RunImportCommand(const ImportOptions& options, const CommandContext& context);

}  // namespace ttmtrack::cli
