#include "cli/commands/import_command.hpp"

#include <chrono>
#include <ostream>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "cli/command_options.hpp"
#include "cli/format/import_summary.hpp"
#include "cli/format/terminal_text.hpp"
#include "cli/help_formatter.hpp"
#include "cli/import_progress.hpp"
#include "cli/journal_stream.hpp"
#include "cli/spool/drop_folder_session.hpp"
#include "cli/store_access.hpp"
#include "core/error.hpp"

namespace ttmtrack::cli {
namespace {

using Json = nlohmann::ordered_json;

void PrintJson(const Json& json, const CommandContext& context) {
  context.out << json.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
}

int ImportFiles(const ImportOptions& options, const CommandContext& context) {
  db::Store store = OpenStore(context, StoreMode::kCreate);
  importer::ReadOptions read_options = ReadOptionsFor(store);
  int exit_code = exit_code::kOk;
  Json report = Json::array();
  for (const std::string& file : options.files) {
    ImportProgress progress(file, context);
    read_options.progress = progress.Callback();
    try {
      const db::ImportResult result = ImportExportFile(store, file, read_options);
      progress.Done();
      if (result.unreadable_host_times > 0) {
        context.err << SafeTerminalText(UnreadableTimesWarning(file, result)) << '\n' << std::flush;
      }
      if (options.format == OutputFormat::kJson) {
        report.push_back(ImportSummaryJson(file, result));
      } else {
        context.out << SafeTerminalText(ImportSummaryLine(file, result)) << '\n' << std::flush;
      }
    } catch (const Error& error) {
      // One bad file must not stop the others (STYLE.md §3: the per-file catch). The
      // transaction has rolled back: the database is exactly as before this file.
      progress.Done();
      context.err << SafeTerminalText(error.what()) << '\n' << std::flush;
      if (options.format == OutputFormat::kJson) report.push_back(ImportFailureJson(file, error));
      if (exit_code == exit_code::kOk) exit_code = error.ExitCode();
    }
  }
  if (options.format == OutputFormat::kJson) PrintJson(report, context);
  return exit_code;
}

int ImportFolder(const ImportOptions& options, const CommandContext& context) {
  DropFolderSession session({.incoming = *options.from,
                             .done = options.done,
                             .failed = options.failed,
                             .settle_seconds = options.settle_seconds,
                             .lock_timeout_seconds = options.lock_timeout_seconds},
                            context);
  const DropFolder& folder = session.folder();
  int exit_code = exit_code::kOk;
  Json report = Json::array();
  session.Import([&](const DropResult& result) {
    if (exit_code == exit_code::kOk) exit_code = result.exit_code;
    if (options.format == OutputFormat::kJson) {
      report.push_back(DropResultJson(result));
      return;
    }
    if (result.import.unreadable_host_times > 0) {
      context.err << JournalPrefix(context.journal, 4)
                  << SafeTerminalText(UnreadableTimesWarning(result.name, result.import)) << '\n'
                  << std::flush;
    }
    const int priority = DropResultPriority(result);
    std::ostream& stream = priority <= 3 ? context.err : context.out;
    stream << (priority <= 3 ? JournalPrefix(context.journal, priority) : "")
           << SafeTerminalText(DropResultLine(result, folder)) << '\n'
           << std::flush;
  });
  if (options.format == OutputFormat::kJson) PrintJson(report, context);
  return exit_code;
}

}  // namespace

std::pair<CLI::Option*, CLI::Option*> AddSpoolTimingOptions(
    CLI::App& command, std::optional<std::int64_t>& settle_seconds,
    std::optional<std::int64_t>& lock_timeout_seconds) {
  CLI::Option* settle =
      command
          .add_option("--settle-seconds", settle_seconds,
                      "Leave files modified less than this long ago (default: config "
                      "spool.settle-seconds, else 60)")
          ->type_name("SECONDS")
          ->check(CLI::Range(0, 31536000).description(""));
  CLI::Option* lock = command
                          .add_option("--lock-timeout", lock_timeout_seconds,
                                      "Seconds to wait for another run to finish (default: "
                                      "config lock.timeout-seconds, else 0)")
                          ->type_name("SECONDS")
                          ->check(CLI::Range(0, 31536000).description(""));
  return {settle, lock};
}

CLI::App* SetupImportCommand(CLI::App& app, ImportOptions& options) {
  CLI::App* command = app.add_subcommand(
      "import", "Import Nessus v2 (.nessus) and OpenVAS/GVM XML exports, plain or gzip");
  SetLongDescription(
      *command,
      "Import Nessus v2 (.nessus) and OpenVAS/GVM report XML exports, plain or gzip-compressed "
      "(the format is recognised from the content, not the file name). Each file is one "
      "transaction: a malformed, truncated or hostile file is reported as FILE:LINE:COL and "
      "stores nothing, while the other files still import. A scan is identified by the SHA-256 "
      "of its XML: importing it again, under any name, plain or gzip, is a no-op. A scan dated "
      "more than import.future-margin-hours after the import is refused. After each file the "
      "lifecycle of every exposure is recomputed.\n\n"
      "With --from DIR, imports the drop folder DIR instead: every export in it that nobody has "
      "modified for the settle time, in the order the scans ran, moving each imported (or "
      "already imported) file to the done folder and each refused one to the failed folder "
      "with FILE.error saying why. Files still being written, names starting with '.' or "
      "ending in .part or .tmp, and links are left alone. Nothing is ever deleted. Only one "
      "run or import --from works on a database at a time (exit 75 when busy).");
  command->add_option("FILE", options.files, "Export files to import");
  AddFormatOption(*command, options.format, {OutputFormat::kTable, OutputFormat::kJson},
                  "Output: table (one line per file, the default) or json; no csv: a file's "
                  "summary is nested (its exposure counts), not one flat row");
  CLI::Option* from = command
                          ->add_option("--from", options.from,
                                       "Import the drop folder DIR (instead of FILE arguments)")
                          ->type_name("DIR");
  from->excludes(command->get_option("FILE"));
  command
      ->add_option("--done", options.done,
                   "Where imported files go (default: config spool.done, else DIR/done)")
      ->type_name("DIR")
      ->needs(from);
  command
      ->add_option("--failed", options.failed,
                   "Where refused files go with FILE.error (default: config spool.failed, else "
                   "DIR/failed)")
      ->type_name("DIR")
      ->needs(from);
  const auto [settle, lock_timeout] =
      AddSpoolTimingOptions(*command, options.settle_seconds, options.lock_timeout_seconds);
  settle->needs(from);
  lock_timeout->needs(from);
  return command;
}

int RunImportCommand(const ImportOptions& options, const CommandContext& context) {
  if (options.from) return ImportFolder(options, context);
  if (options.files.empty()) {
    throw Error(Error::Kind::kUsage, "import: give export FILEs, or --from DIR");
  }
  return ImportFiles(options, context);
}

}  // namespace ttmtrack::cli
