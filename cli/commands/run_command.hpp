#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "cli/command_context.hpp"

namespace CLI {
class App;
}

namespace ttmtrack::cli {

struct RunOptions {
  std::string format = "text";                       // text | json
  std::optional<std::int64_t> settle_seconds;        // else spool.settle-seconds
  std::optional<std::int64_t> lock_timeout_seconds;  // else lock.timeout-seconds
  bool no_report = false;
  bool no_notify = false;
};

// `ttmtrack run`: the nightly job in one step, driven by the config file (docs/cli.md, "run";
// docs/install.md): under the run lock, import the drop folder (import --from), rewrite the
// report folder (written aside, swapped in), work out the run summary (file counts, exposure
// changes, hosts that dropped out of scanning), send one notification per configured target,
// print the summary (stdout) after one line per file (stderr, journald priorities when stderr
// is the journal). Returns RunSummary::ExitCode().
CLI::App* SetupRunCommand(CLI::App& app, RunOptions& options);
int RunRunCommand(const RunOptions& options, const CommandContext& context);

}  // namespace ttmtrack::cli
