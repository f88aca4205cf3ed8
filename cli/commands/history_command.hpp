#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "cli/command_context.hpp"
#include "cli/format/output_format.hpp"

namespace CLI {
class App;
}

namespace ttmtrack::cli {

struct HistoryOptions {
  std::string host;
  std::optional<std::uint16_t> port;
  OutputFormat format = OutputFormat::kTable;
};

// `ttmtrack history IP`: every outcome of the host's exposures, scan by scan, with the reason
// for each not-covered and the state after it. Exit 66 when the host never had an exposure.
CLI::App* SetupHistoryCommand(CLI::App& app, HistoryOptions& options);
int RunHistoryCommand(const HistoryOptions& options, const CommandContext& context);

}  // namespace ttmtrack::cli
