#include "cli/cli_app.hpp"

#include <algorithm>
#include <cstdlib>
#include <ostream>

#include <CLI/CLI.hpp>
#include <Poco/Exception.h>

#include "cli/config/config.hpp"
#include "cli/format/terminal_text.hpp"
#include "cli/help_formatter.hpp"
#include "core/error.hpp"

#if !defined(TTMTRACK_VERSION) || !defined(TTMTRACK_DEFAULT_CONFIG)
#error "TTMTRACK_VERSION and TTMTRACK_DEFAULT_CONFIG must be defined by the build"
#endif

namespace ttmtrack::cli {
namespace {

constexpr const char* kFooter = R"(
Database: --db PATH, else $TTMTRACK_DB, else the config file's `database`,
else ./ttmtrack.db.
Config file: --config PATH, else $TTMTRACK_CONFIG, else
)" TTMTRACK_DEFAULT_CONFIG R"( when it exists (every key: config check --help).

Exit codes:
  0   success
  64  usage error: unknown command or option, bad value
  65  bad input: a malformed, truncated, hostile or unsupported export
  66  an input file or the database is missing or unreadable
  69  run: a notification could not be delivered (nothing else failed)
  70  internal or database error
  74  I/O error (cannot write output)
  75  the database is busy or locked by another process, or another run or
      import --from holds the run lock; retry
  78  bad config file or environment setting (file, line and key are named)
With several import files, every good file is imported and the exit code is
that of the first file that failed.

Docs: README.md and docs/ in the ttmtrack sources.)";

// Under every command's help instead of the whole footer: the exit codes are listed once.
constexpr const char* kCommandFooter =
    "Exit codes, the database and the config file: ttmtrack --help.";

// One line for a usage error, then where to read more: the help of the command that was being
// parsed ("ttmtrack history --help"), as git and ripgrep point to theirs.
std::string FailureMessage(const CLI::App* app, const CLI::Error& error) {
  std::string command = "ttmtrack";
  for (const CLI::App* sub = app; sub != nullptr;) {
    const std::vector<CLI::App*> parsed = sub->get_subcommands();
    sub = parsed.empty() ? nullptr : parsed.front();
    if (sub != nullptr) command += " " + sub->get_name();
  }
  return "ttmtrack: " + SafeTerminalText(error.what()) + "\nRun '" + command +
         " --help' for more information.\n";
}

}  // namespace

struct CliApp::Commands {
  CLI::App* import = nullptr;
  CLI::App* scans = nullptr;
  CLI::App* detections = nullptr;
  CLI::App* rules = nullptr;
  CLI::App* status = nullptr;
  CLI::App* triage = nullptr;
  CLI::App* gaps = nullptr;
  CLI::App* history = nullptr;
  CLI::App* config = nullptr;
  CLI::App* report = nullptr;
  CLI::App* run = nullptr;
  CLI::App* verify = nullptr;
  CLI::App* evidence = nullptr;
};

CliApp::CliApp()
    : app_(std::make_unique<CLI::App>(
          "ttmtrack " TTMTRACK_VERSION
          " - track exposed ttm_cmd listeners (detection c564e5ab) from Nessus and OpenVAS "
          "scans to verified remediation",
          "ttmtrack")),
      commands_(std::make_unique<Commands>()) {
  CLI::App& app = *app_;
  // Before the commands are added: they share the formatter.
  app.formatter(std::make_shared<HelpFormatter>(TerminalWidth()));
  app.failure_message(FailureMessage);
  app.set_version_flag("--version", TTMTRACK_VERSION);
  app.require_subcommand(1);
  app.add_option("--db", options_.db_path,
                 "SQLite database file, also written sqlite:PATH (default: $TTMTRACK_DB, else "
                 "the config file's database key, else ./ttmtrack.db); postgresql:// URIs are "
                 "recognised but not built yet")
      ->type_name("PATH");
  app.add_option("--config", options_.config_file,
                 "Config file (default: $TTMTRACK_CONFIG, else " TTMTRACK_DEFAULT_CONFIG
                 " when it exists; /dev/null: none)")
      ->type_name("PATH");
  commands_->import = SetupImportCommand(app, options_.import);
  commands_->scans = SetupScansCommand(app, options_.scans);
  commands_->detections = SetupDetectionsCommand(app, options_.detections);
  commands_->status = SetupStatusCommand(app, options_.status);
  commands_->history = SetupHistoryCommand(app, options_.history);
  commands_->triage = SetupTriageCommand(app, options_.triage);
  commands_->gaps = SetupGapsCommand(app, options_.gaps);
  commands_->report = SetupReportCommand(app, options_.report);
  commands_->rules = SetupRulesCommand(app, options_.rules);
  commands_->config = SetupConfigCommand(app, options_.config);
  commands_->run = SetupRunCommand(app, options_.run);
  commands_->verify = SetupVerifyCommand(app, options_.verify);
  commands_->evidence = SetupEvidenceCommand(app, options_.evidence);
  app.footer(kFooter);
  for (CLI::App* command : app.get_subcommands([](const CLI::App*) { return true; })) {
    const std::string footer = command->get_footer();
    command->footer(footer.empty() ? kCommandFooter : footer + "\n\n" + kCommandFooter);
    for (CLI::App* action : command->get_subcommands([](const CLI::App*) { return true; })) {
      const std::string action_footer = action->get_footer();
      action->footer(action_footer.empty() ? kCommandFooter
                                           : action_footer + "\n\n" + kCommandFooter);
    }
  }
}

CliApp::~CliApp() = default;

void CliApp::Parse(std::vector<std::string> args) {
  CheckCommandName(*app_, args);
  // CLI11 takes the arguments last-first.
  std::reverse(args.begin(), args.end());
  app_->parse(args);
}

int CliApp::Run(std::ostream& out, std::ostream& err, bool show_progress, bool journal) {
  const Config config = Config::Load(options_.config_file);
  const CommandContext context{options_.db_path.value_or(config.Text("database")),
                               out,
                               err,
                               show_progress,
                               &config,
                               journal};
  const Commands& c = *commands_;
  if (c.import->parsed()) return RunImportCommand(options_.import, context);
  if (c.scans->parsed()) return RunScansCommand(options_.scans, context);
  if (c.detections->parsed()) return RunDetectionsCommand(options_.detections, context);
  if (c.status->parsed()) return RunStatusCommand(options_.status, context);
  if (c.history->parsed()) return RunHistoryCommand(options_.history, context);
  if (c.triage->parsed()) return RunTriageCommand(options_.triage, context);
  if (c.gaps->parsed()) return RunGapsCommand(options_.gaps, context);
  if (c.report->parsed()) return RunReportCommand(options_.report, context);
  if (c.rules->parsed()) return RunRulesCommand(options_.rules, context);
  if (c.config->parsed()) return RunConfigCommand(options_.config, context);
  if (c.run->parsed()) return RunRunCommand(options_.run, context);
  if (c.verify->parsed()) return RunVerifyCommand(options_.verify, context);
  if (c.evidence->parsed()) return RunEvidenceCommand(options_.evidence, context);
  throw Error(Error::Kind::kInternal, "no command was parsed");
}

int CliApp::Exit(const std::exception& error, std::ostream& out, std::ostream& err) {
  const auto* parse_error = dynamic_cast<const CLI::ParseError*>(&error);
  if (parse_error == nullptr) return exit_code::kSoftware;
  const int cli11_code = app_->exit(*parse_error, out, err);
  // CLI11 numbers its own errors (105, 106, ...); users' scripts get sysexits' EX_USAGE.
  return cli11_code == 0 ? exit_code::kOk : exit_code::kUsage;
}

int RunMain(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
            bool show_progress, bool journal) {
  CliApp app;
  try {
    app.Parse(args);
  } catch (const CLI::ParseError& error) {
    return app.Exit(error, out, err);
  }
  try {
    return app.Run(out, err, show_progress, journal);
  } catch (const Error& error) {
    err << "ttmtrack: " << SafeTerminalText(error.what()) << '\n';
    return error.ExitCode();
  } catch (const Poco::Exception& error) {
    err << "ttmtrack: internal error: " << SafeTerminalText(error.displayText()) << '\n';
    return exit_code::kSoftware;
  } catch (const std::exception& error) {
    err << "ttmtrack: internal error: " << SafeTerminalText(error.what()) << '\n';
    return exit_code::kSoftware;
  }
}

}  // namespace ttmtrack::cli
