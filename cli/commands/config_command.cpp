#include "cli/commands/config_command.hpp"

#include <ostream>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "cli/format/row_writer.hpp"
#include "cli/store_access.hpp"
#include "core/error.hpp"

namespace ttmtrack::cli {

using Action = ConfigOptions::Action;

CLI::App* SetupConfigCommand(CLI::App& app, ConfigOptions& options) {
  CLI::App* command = app.add_subcommand(
      "config", "Settings kept in the database (coverage assumptions, Nessus time zone)");
  command->require_subcommand(1);
  CLI::App* list = command->add_subcommand("list", "Every setting, its value and default");
  list->add_option("--format", options.format, "table, json or csv")
      ->transform(CLI::CheckedTransformer(OutputFormatNames(), CLI::ignore_case));
  list->callback([&options] { options.action = Action::kList; });
  CLI::App* get = command->add_subcommand("get", "Print one setting's value");
  get->add_option("key", options.key, "Setting name (config list)")->required();
  get->callback([&options] { options.action = Action::kGet; });
  CLI::App* set = command->add_subcommand(
      "set", "Change a setting; the lifecycle is recomputed when it depends on it");
  set->add_option("key", options.key, "Setting name (config list)")->required();
  set->add_option("value", options.value, "New value")->required();
  set->callback([&options] { options.action = Action::kSet; });
  return command;
}

int RunConfigCommand(const ConfigOptions& options, const CommandContext& context) {
  db::Store store = OpenStore(
      context, options.action == Action::kSet ? StoreMode::kCreate : StoreMode::kMustExist);
  switch (options.action) {
    case Action::kGet: context.out << store.GetSetting(options.key) << '\n'; break;
    case Action::kSet:
      store.SetSetting(options.key, options.value);
      context.out << options.key << " = " << store.GetSetting(options.key) << '\n';
      break;
    case Action::kList: {
      auto writer = MakeRowWriter(options.format,
                                  {{"key", "KEY"},
                                   {"value", "VALUE"},
                                   {"default", "DEFAULT"},
                                   {"allowed", "ALLOWED"},
                                   {"description", "DESCRIPTION", 70}},
                                  context.out);
      for (const db::SettingInfo& setting : store.ListSettings()) {
        nlohmann::ordered_json row;
        row["key"] = setting.key;
        row["value"] = setting.value;
        row["default"] = setting.default_value;
        row["allowed"] = setting.allowed;
        row["description"] = setting.description;
        writer->Row(row);
      }
      writer->Finish();
      break;
    }
  }
  return exit_code::kOk;
}

}  // namespace ttmtrack::cli
