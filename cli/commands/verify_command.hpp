#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cli/command_context.hpp"
#include "cli/format/output_format.hpp"

namespace CLI {
class App;
}

namespace ttmtrack::cli {

struct VerifyOptions {
  std::optional<std::string> from;  // the vantage point's name; default: this machine's
  double timeout_seconds = 4;
  int concurrency = 256;
  bool trusted_vantage = false;
  OutputFormat format = OutputFormat::kTable;
  std::vector<std::string> targets;  // IP:PORT, [IPv6]:PORT
};

// `ttmtrack verify [--from NAME] [--timeout S] [--concurrency N] [--format ...] [TARGET...]`:
// checks each target (default: every open or reopened exposure) from this machine with the
// plugins' probe and signature (evidence::PortProber), stores every check as a vantage-point
// check (docs/verification.md, "Vantage-point checks") and prints one row per check.
CLI::App* SetupVerifyCommand(CLI::App& app, VerifyOptions& options);
int RunVerifyCommand(const VerifyOptions& options, const CommandContext& context);

}  // namespace ttmtrack::cli
