#pragma once

#include <optional>
#include <string>

#include "cli/command_context.hpp"
#include "cli/format/output_format.hpp"
#include "core/triage.hpp"

namespace CLI {
class App;
}

namespace ttmtrack::cli {

struct TriageOptions {
  enum class Action { kDecide, kList };
  Action action = Action::kList;
  core::DecisionKind kind = core::DecisionKind::kAccept;  // kDecide: what is recorded
  std::string target;
  std::string reason;
  std::string by;
  std::optional<std::string> until;  // ISO 8601; a date alone lasts to the end of that day (UTC)
  std::string ticket;
  bool survives_reopen = false;
  OutputFormat format = OutputFormat::kTable;
};

// `ttmtrack triage accept|false-positive|compensating-control|revoke TARGET ...` and
// `triage list`: people's decisions about exposures, append-only, beside the evidence
// (docs/triage.md).
CLI::App* SetupTriageCommand(CLI::App& app, TriageOptions& options);
int RunTriageCommand(const TriageOptions& options, const CommandContext& context);

// --until's value: an ISO 8601 time, or a date alone meaning the end of that day (UTC), i.e.
// the next midnight. Throws Error kUsage naming the option otherwise.
std::int64_t ParseUntil(const std::string& text);

}  // namespace ttmtrack::cli
