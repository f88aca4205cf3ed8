#include "cli/commands/config_command.hpp"

#include <cctype>
#include <filesystem>
#include <ostream>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/command_options.hpp"
#include "cli/config/config.hpp"
#include "cli/config/config_keys.hpp"
#include "cli/format/row_writer.hpp"
#include "cli/format/terminal_text.hpp"
#include "cli/store_access.hpp"
#include "core/error.hpp"
#include "core/json_fields.hpp"
#include "core/setting_catalogue.hpp"

#ifndef TTMTRACK_DEFAULT_CONFIG
#error "TTMTRACK_DEFAULT_CONFIG must be defined by the build"
#endif

namespace ttmtrack::cli {

using Action = ConfigOptions::Action;

namespace {

const char* OriginName(ConfigOrigin origin) {
  switch (origin) {
    case ConfigOrigin::kDefault: return "default";
    case ConfigOrigin::kFile: return "file";
    case ConfigOrigin::kEnvironment: return "environment";
  }
  return "unknown";
}

// The key table of the help text: `config check --help` (and man ttmtrack-config) lists every
// key without reading any file.
std::string ConfigCheckDescription() {
  std::string text =
      "\nThe config file: `config check` reads the config file the way every command does "
      "(--config, else $TTMTRACK_CONFIG, "
      "else " TTMTRACK_DEFAULT_CONFIG
      " when it exists), checks every key and value, and prints each key's effective value "
      "with where it came from: file:line, the environment variable, or the built-in default. "
      "A bad file exits 78 naming the file, line and key. Precedence: command line > "
      "environment > file > built-in default. The keys (format: key = value, # comments):\n";
  for (const ConfigKey& key : ConfigKeys()) {
    text += "\n  " + std::string(key.name) + " (" + EnvironmentName(key.name) + ")\n    " +
            std::string(key.description) + ". Default: ";
    if (!key.default_value.empty()) {
      text += std::string(key.default_value);
    } else {
      text += key.unset.empty() ? std::string("unset") : std::string(key.unset);
    }
    if (!key.choices.empty()) text += "; one of " + std::string(key.choices);
    text += ".\n";
  }
  return text;
}

int RunConfigCheck(const ConfigOptions& options, const CommandContext& context) {
  const Config& config = ConfigOf(context);
  auto writer = MakeRowWriter(
      options.format,
      {{"key", "KEY"}, {"value", "VALUE", 50}, {"origin", "ORIGIN"}, {"where", "WHERE", 60}},
      context.out);
  for (const ConfigKey& key : ConfigKeys()) {
    const ConfigEntry& entry = config.Entry(key.name);
    nlohmann::ordered_json row;
    row["key"] = key.name;
    // A secret never appears here: the password lives in its own file, only the path is set.
    row["value"] =
        entry.value.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(entry.value);
    row["origin"] = OriginName(entry.origin);
    row["where"] = entry.where;
    writer->Row(row);
  }
  writer->Finish();
  return exit_code::kOk;
}

// `config describe`: one setting at a time, as a page a newcomer can read.
void Describe(const db::SettingInfo& setting, std::ostream& out) {
  const core::SettingDefinition& d = *setting.definition;
  const std::size_t width = TerminalWidth();
  out << d.key << " = " << setting.value << "  (default " << d.default_value
      << "; allowed: " << core::AllowedValues(d.type) << ")\n";
  std::string description(d.description);
  if (!description.empty()) description[0] = static_cast<char>(std::toupper(description[0]));
  out << "  " << WrapText(description + ".", width, 2) << '\n';
  for (const core::SettingValueMeaning& meaning : core::ValueMeanings(d.type)) {
    out << "    "
        << WrapText(std::string(meaning.value) + ": " + std::string(meaning.meaning), width, 6)
        << '\n';
  }
  out << "  "
      << WrapText(d.affects_lifecycle
                      ? "Changing it recomputes every exposure's outcomes and state."
                      : "Changing it affects later imports only.",
                  width, 2)
      << '\n';
}

// The stored values when there is a database, else the defaults: a newcomer can read what the
// settings mean before importing anything.
int RunConfigDescribe(const ConfigOptions& options, const CommandContext& context) {
  if (!options.key.empty()) core::RequireSetting(options.key);  // names the known keys
  std::vector<db::SettingInfo> settings;
  if (std::filesystem::exists(context.db_path)) {
    settings = OpenStore(context, StoreMode::kMustExist).ListSettings();
  } else {
    for (const core::SettingDefinition& d : core::SettingCatalogue()) {
      settings.push_back({&d, std::string(d.default_value)});
    }
  }
  bool first = true;
  for (const db::SettingInfo& setting : settings) {
    if (!options.key.empty() && setting.definition->key != options.key) continue;
    if (!first) context.out << '\n';
    first = false;
    Describe(setting, context.out);
  }
  context.out << "\nMore: docs/verification.md, \"Assumptions\"; change one with ttmtrack config "
                 "set KEY VALUE.\n";
  return exit_code::kOk;
}

}  // namespace

CLI::App* SetupConfigCommand(CLI::App& app, ConfigOptions& options) {
  CLI::App* command = app.add_subcommand(
      "config",
      "Settings kept in the database (coverage assumptions, Nessus time zone); config check: "
      "the config file");
  command->require_subcommand(1);
  CLI::App* list = command->add_subcommand("list", "Every setting, its value and default");
  AddFormatOption(*list, options.format);
  list->callback([&options] { options.action = Action::kList; });
  CLI::App* describe = command->add_subcommand(
      "describe", "Explain a setting (every setting without KEY): what each value means");
  describe->add_option("key", options.key, "Setting name (config list)");
  describe->callback([&options] { options.action = Action::kDescribe; });
  CLI::App* get =
      command->add_subcommand("get", "Print one setting's value (config describe KEY explains it)");
  get->add_option("key", options.key, "Setting name (config list)")->required();
  get->callback([&options] { options.action = Action::kGet; });
  CLI::App* set = command->add_subcommand(
      "set", "Change a setting; the lifecycle is recomputed when it depends on it");
  set->add_option("key", options.key, "Setting name (config list)")->required();
  set->add_option("value", options.value, "New value")->required();
  set->callback([&options] { options.action = Action::kSet; });
  CLI::App* check = command->add_subcommand(
      "check", "Check the config file; print every key's value and where it came from");
  // The key table as a footer, so that it shows in `config --help` and `config check --help`
  // (and their man pages) without filling the command lists.
  check->footer(ConfigCheckDescription() + check->get_footer());
  command->footer(ConfigCheckDescription() + command->get_footer());
  AddFormatOption(*check, options.format);
  check->callback([&options] { options.action = Action::kCheck; });
  return command;
}

int RunConfigCommand(const ConfigOptions& options, const CommandContext& context) {
  if (options.action == Action::kCheck) return RunConfigCheck(options, context);
  if (options.action == Action::kDescribe) return RunConfigDescribe(options, context);
  db::Store store = OpenStore(
      context, options.action == Action::kSet ? StoreMode::kCreate : StoreMode::kMustExist);
  switch (options.action) {
    case Action::kCheck: break;  // handled above: it needs no database
    case Action::kGet: context.out << store.GetSetting(options.key) << '\n'; break;
    case Action::kDescribe: break;  // handled above: a database is optional
    case Action::kSet:
      store.SetSetting(options.key, options.value);
      context.out << options.key << " = " << store.GetSetting(options.key) << '\n';
      break;
    case Action::kList: {
      Column description{"description", "DESCRIPTION"};
      description.wrap = true;  // read whole: what assume and strict mean
      auto writer = MakeRowWriter(options.format,
                                  {{"key", "KEY"},
                                   {"value", "VALUE"},
                                   {"default", "DEFAULT"},
                                   {"allowed", "ALLOWED"},
                                   description},
                                  context.out);
      for (const db::SettingInfo& setting : store.ListSettings()) {
        writer->Row(core::SettingJson(*setting.definition, setting.value));
      }
      writer->Finish();
      break;
    }
  }
  return exit_code::kOk;
}

}  // namespace ttmtrack::cli
