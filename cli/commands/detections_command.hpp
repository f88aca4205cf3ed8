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

struct DetectionsOptions {
  std::optional<std::string> host;
  std::optional<std::uint16_t> port;
  std::optional<std::int64_t> scan_id;
  bool include_unmatched = false;
  OutputFormat format = OutputFormat::kTable;
};

// `ttmtrack detections`: the raw observations — every result a rule matched, with its
// evidence (plugin output) verbatim in JSON and CSV, shortened in the table.
CLI::App* SetupDetectionsCommand(CLI::App& app, DetectionsOptions& options);
int RunDetectionsCommand(const DetectionsOptions& options, const CommandContext& context);

}  // namespace ttmtrack::cli
