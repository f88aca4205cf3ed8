#include "cli/commands/rules_command.hpp"

#include <ostream>

#include <CLI/CLI.hpp>

#include "cli/command_options.hpp"
#include "cli/format/row_writer.hpp"
#include "cli/format/terminal_text.hpp"
#include "cli/help_formatter.hpp"
#include "cli/store_access.hpp"
#include "core/enum_text.hpp"
#include "core/error.hpp"
#include "core/json_fields.hpp"

namespace ttmtrack::cli {
namespace {

using Action = RulesOptions::Action;

void AddFormat(CLI::App* command, RulesOptions& options) {
  AddFormatOption(*command, options.format);
}

int List(db::Store& store, const RulesOptions& options, const CommandContext& context) {
  auto writer = MakeRowWriter(options.format,
                              {{"rule_id", "ID"},
                               {"kind", "KIND"},
                               {"value", "VALUE", 40},
                               {"origin", "ORIGIN"},
                               {"scope", "SCOPE"},
                               {"tier", "TIER"},
                               {"enabled", "ENABLED"},
                               {"learned_from_scan", "LEARNED FROM SCAN"},
                               {"note", "NOTE", 50}},
                              context.out);
  for (const core::Rule& rule : store.ListRules()) writer->Row(core::RuleJson(rule));
  writer->Finish();
  return exit_code::kOk;
}

int Add(db::Store& store, const RulesOptions& options, const CommandContext& context) {
  core::RuleKind kind = core::RuleKind::kNessusId;
  std::string value;
  if (options.nessus_id) {
    value = *options.nessus_id;
  } else if (options.oid) {
    kind = core::RuleKind::kOid;
    value = *options.oid;
  } else if (options.name_contains) {
    kind = core::RuleKind::kNameContains;
    value = *options.name_contains;
  } else if (options.service) {
    kind = core::RuleKind::kServiceName;
    value = *options.service;
  } else {
    throw Error(Error::Kind::kUsage,
                "rules add needs one of --nessus-id, --oid, --name-contains, --service");
  }
  const db::AddRuleResult result = store.AddRule(kind, value, options.note);
  const std::string what =
      std::string(core::ToText(result.rule.kind)) + " " + SafeTerminalText(result.rule.value);
  if (result.status == db::AddRuleStatus::kAlreadyExists) {
    context.out << "rule " << result.rule.id << " (" << what << ", "
                << core::ToText(result.rule.origin) << ") already exists; nothing changed\n";
  } else {
    context.out << "added rule " << result.rule.id << " (" << what << "); lifecycle recomputed\n";
  }
  return exit_code::kOk;
}

int Remove(db::Store& store, const RulesOptions& options, const CommandContext& context) {
  switch (store.RemoveRule(options.rule_id)) {
    case db::RemoveRuleStatus::kRemoved:
      context.out << "removed rule " << options.rule_id << "; lifecycle recomputed\n";
      return exit_code::kOk;
    case db::RemoveRuleStatus::kNotFound:
      throw Error(Error::Kind::kUsage, "no rule with ID " + std::to_string(options.rule_id) +
                                           " (ttmtrack rules list shows them)");
    case db::RemoveRuleStatus::kIsDefault:
      throw Error(Error::Kind::kUsage,
                  "rule " + std::to_string(options.rule_id) +
                      " is a default rule and cannot be removed; disable it with "
                      "`ttmtrack rules disable " +
                      std::to_string(options.rule_id) + "`");
  }
  return exit_code::kSoftware;
}

int SetEnabled(db::Store& store, const RulesOptions& options, const CommandContext& context,
               bool enabled) {
  if (!store.SetRuleEnabled(options.rule_id, enabled)) {
    throw Error(Error::Kind::kUsage, "no rule with ID " + std::to_string(options.rule_id) +
                                         " (ttmtrack rules list shows them)");
  }
  context.out << (enabled ? "enabled" : "disabled") << " rule " << options.rule_id
              << "; lifecycle recomputed\n";
  return exit_code::kOk;
}

}  // namespace

CLI::App* SetupRulesCommand(CLI::App& app, RulesOptions& options) {
  CLI::App* command =
      app.add_subcommand("rules", "Which scan results count as c564e5ab (list, add, remove)");
  SetLongDescription(
      *command,
      "Which results count as c564e5ab is data: default rules (the project's own plugin IDs, "
      "plugin names containing \"Trading Technologies Messaging\", service ttm_cmd), rules you "
      "add, and plugin IDs learned from name matches. Every change recomputes the lifecycle.");
  command->require_subcommand(1);

  CLI::App* list = command->add_subcommand("list", "List every rule");
  AddFormat(list, options);
  list->callback([&options] { options.action = Action::kList; });

  CLI::App* add = command->add_subcommand("add", "Add a rule (exactly one of the options)");
  auto* nessus = add->add_option("--nessus-id", options.nessus_id, "A Nessus plugin ID");
  auto* oid = add->add_option("--oid", options.oid, "An OpenVAS/Greenbone NVT OID");
  auto* name = add->add_option("--name-contains", options.name_contains,
                               "Results whose plugin name contains TEXT (case-insensitive)");
  auto* service = add->add_option("--service", options.service, "Results on this service name");
  nessus->excludes(oid, name, service);
  oid->excludes(name, service);
  name->excludes(service);
  add->add_option("--note", options.note, "Why this rule exists (shown by rules list)");
  add->callback([&options] { options.action = Action::kAdd; });

  CLI::App* remove = command->add_subcommand("remove", "Remove a user or learned rule");
  remove->add_option("id", options.rule_id, "Rule ID (rules list)")->required();
  remove->callback([&options] { options.action = Action::kRemove; });

  CLI::App* enable = command->add_subcommand("enable", "Enable a rule");
  enable->add_option("id", options.rule_id, "Rule ID (rules list)")->required();
  enable->callback([&options] { options.action = Action::kEnable; });

  CLI::App* disable =
      command->add_subcommand("disable", "Disable a rule (it matches nothing until enabled)");
  disable->add_option("id", options.rule_id, "Rule ID (rules list)")->required();
  disable->callback([&options] { options.action = Action::kDisable; });
  return command;
}

int RunRulesCommand(const RulesOptions& options, const CommandContext& context) {
  db::Store store = OpenStore(
      context, options.action == Action::kList ? StoreMode::kMustExist : StoreMode::kCreate);
  switch (options.action) {
    case Action::kList: return List(store, options, context);
    case Action::kAdd: return Add(store, options, context);
    case Action::kRemove: return Remove(store, options, context);
    case Action::kEnable: return SetEnabled(store, options, context, true);
    case Action::kDisable: return SetEnabled(store, options, context, false);
  }
  return exit_code::kSoftware;
}

}  // namespace ttmtrack::cli
