#pragma once

#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

#include "cli/commands/config_command.hpp"
#include "cli/commands/detections_command.hpp"
#include "cli/commands/history_command.hpp"
#include "cli/commands/import_command.hpp"
#include "cli/commands/report_command.hpp"
#include "cli/commands/rules_command.hpp"
#include "cli/commands/scans_command.hpp"
#include "cli/commands/status_command.hpp"

namespace CLI {
class App;
}

namespace ttmtrack::cli {

// Every option of every command, filled by parsing (no global flag variables, STYLE.md §8).
struct CliOptions {
  std::string db_path = "ttmtrack.db";
  ImportOptions import;
  ScansOptions scans;
  DetectionsOptions detections;
  RulesOptions rules;
  StatusOptions status;
  HistoryOptions history;
  ConfigOptions config;
  ReportCommandOptions report;
};

// The `ttmtrack` command line: builds the CLI11 parser over a CliOptions, parses, and runs the
// chosen command. Owns its parser; `options()` stays valid for the object's lifetime.
class CliApp {
 public:
  CliApp();
  CliApp(const CliApp&) = delete;
  CliApp& operator=(const CliApp&) = delete;
  ~CliApp();

  // Parses arguments (without the program name). Throws CLI::ParseError (including
  // CLI::CallForHelp) for the caller to render with Exit().
  void Parse(std::vector<std::string> args);
  // Runs the parsed command. Throws ttmtrack::Error.
  int Run(std::ostream& out, std::ostream& err, bool show_progress);
  // Renders a parse error or help request the way CLI11 does; returns the exit code (0 for
  // help and --version, 64 for usage errors).
  int Exit(const std::exception& error, std::ostream& out, std::ostream& err);

  const CliOptions& options() const { return options_; }

 private:
  CliOptions options_;
  std::unique_ptr<CLI::App> app_;
  struct Commands;
  std::unique_ptr<Commands> commands_;
};

// The whole program: parse, run, and map every error to an exit code and a message (the second
// of the two places that catch, STYLE.md §3).
int RunMain(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
            bool show_progress);

}  // namespace ttmtrack::cli
