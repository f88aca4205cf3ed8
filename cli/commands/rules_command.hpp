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

struct RulesOptions {
  enum class Action { kList, kAdd, kRemove, kEnable, kDisable };
  Action action = Action::kList;
  OutputFormat format = OutputFormat::kTable;
  // add: exactly one of these
  std::optional<std::string> nessus_id;
  std::optional<std::string> oid;
  std::optional<std::string> name_contains;
  std::optional<std::string> service;
  std::string note;
  // remove / enable / disable
  std::int64_t rule_id = 0;
};

// `ttmtrack rules list|add|remove|enable|disable`: which results count as c564e5ab
// (docs/rules.md). Every change recomputes the lifecycle.
CLI::App* SetupRulesCommand(CLI::App& app, RulesOptions& options);
int RunRulesCommand(const RulesOptions& options, const CommandContext& context);

}  // namespace ttmtrack::cli
