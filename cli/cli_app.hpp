#pragma once

#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli/commands/config_command.hpp"
#include "cli/commands/detections_command.hpp"
#include "cli/commands/evidence_command.hpp"
#include "cli/commands/gaps_command.hpp"
#include "cli/commands/history_command.hpp"
#include "cli/commands/import_command.hpp"
#include "cli/commands/report_command.hpp"
#include "cli/commands/rules_command.hpp"
#include "cli/commands/run_command.hpp"
#include "cli/commands/scans_command.hpp"
#include "cli/commands/status_command.hpp"
#include "cli/commands/triage_command.hpp"
#include "cli/commands/verify_command.hpp"

namespace CLI {
class App;
}

namespace ttmtrack::cli {

// Every option of every command, filled by parsing (no global flag variables, STYLE.md §8).
struct CliOptions {
  // --db; unset: the config's `database` key ($TTMTRACK_DB, the file, ./ttmtrack.db).
  std::optional<std::string> db_path;
  // --config; unset: $TTMTRACK_CONFIG, else /etc/ttmtrack/ttmtrack.conf when it exists.
  std::optional<std::string> config_file;
  ImportOptions import;
  ScansOptions scans;
  DetectionsOptions detections;
  RulesOptions rules;
  StatusOptions status;
  TriageOptions triage;
  GapsOptions gaps;
  HistoryOptions history;
  ConfigOptions config;
  ReportCommandOptions report;
  RunOptions run;
  VerifyOptions verify;
  EvidenceOptions evidence;
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
  // Reads the config file (Config::Load) and runs the parsed command. Throws ttmtrack::Error
  // (kConfig for a bad config file: then nothing runs).
  int Run(std::ostream& out, std::ostream& err, bool show_progress, bool journal = false);
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
// of the two places that catch, STYLE.md §3). `journal`: `err` is the systemd journal
// (IsJournalStream), so per-file lines carry priority prefixes.
int RunMain(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
            bool show_progress, bool journal = false);

}  // namespace ttmtrack::cli
