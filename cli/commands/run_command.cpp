#include "cli/commands/run_command.hpp"

#include <ctime>
#include <ostream>

#include <CLI/CLI.hpp>

#include "cli/command_options.hpp"
#include "cli/commands/import_command.hpp"
#include "cli/config/config.hpp"
#include "cli/format/import_summary.hpp"
#include "cli/format/terminal_text.hpp"
#include "cli/help_formatter.hpp"
#include "cli/journal_stream.hpp"
#include "cli/notify/notifier.hpp"
#include "cli/report_output.hpp"
#include "cli/run_summary.hpp"
#include "cli/spool/drop_folder_session.hpp"
#include "core/error.hpp"

namespace ttmtrack::cli {
namespace {

std::string DropFolderOf(const Config& config) {
  if (!config.IsSet("spool.incoming")) {
    throw Error(Error::Kind::kConfig,
                "run needs a drop folder: set spool.incoming in the config file" +
                    (config.file().empty() ? std::string() : " " + config.file()) +
                    " or $TTMTRACK_SPOOL_INCOMING");
  }
  return config.Text("spool.incoming");
}

// The report step. A report that cannot be written is part of the run's outcome, not the end
// of the run: the imports stand and the notifications must still go out, so its error is kept
// (STYLE.md §3 allows this catch: the step's failure is reported and the run continues).
std::optional<RunReport> WriteReport(db::Store& store, const CommandContext& context) {
  const Config& config = ConfigOf(context);
  if (!config.IsSet("report.folder")) return std::nullopt;
  RunReport report;
  report.folder = config.Text("report.folder");
  try {
    const WrittenReport written =
        PublishReportFolder(store, report.folder, ReportOptionsFor({}, context));
    report.written = true;
    report.host_pages = written.host_pages;
  } catch (const Error& error) {
    report.error = error.what();
    report.exit_code = error.ExitCode();
  }
  return report;
}

}  // namespace

CLI::App* SetupRunCommand(CLI::App& app, RunOptions& options) {
  CLI::App* command = app.add_subcommand(
      "run", "The nightly job: import the drop folder, rewrite the report, notify, summarise");
  SetLongDescription(
      *command,
      "The nightly job in one step, driven by the config file (ttmtrack-nightly.service runs "
      "it): import every settled export in the drop folder (spool.incoming) in the order the "
      "scans ran, moving each to spool.done or, refused, to spool.failed with FILE.error "
      "(exactly as import --from); rewrite report.folder as a whole (written aside, then "
      "swapped in, so a browser never sees half a report); send one message per configured "
      "target (webhook, e-mail) when something needs a person: new or reopened exposures, "
      "refused files, hosts that dropped out of scanning; print the run summary on stdout "
      "after one line per file on stderr. Only one run or import --from works on a database at "
      "a time: a second waits lock.timeout-seconds, then exits 75.\n\n"
      "Exit code: 0 when every file imported (or was already imported, or is still being "
      "written) and the report and every notification went out; otherwise the first failed "
      "file's code (65 refused, 66 unreadable, 70/74/75 database or disk trouble), else the "
      "report's, else 69 when a notification failed. A failed notification never undoes an "
      "import.");
  RestrictTo(command->add_option("--format", options.format, "Summary as text (default) or json"),
             {"text", "json"});
  AddSpoolTimingOptions(*command, options.settle_seconds, options.lock_timeout_seconds);
  command->add_flag("--no-report", options.no_report, "Do not rewrite the report folder");
  command->add_flag("--no-notify", options.no_notify, "Send no notifications");
  return command;
}

int RunRunCommand(const RunOptions& options, const CommandContext& context) {
  const Config& config = ConfigOf(context);
  RunSummary summary;
  summary.started_at = std::time(nullptr);
  summary.database = context.db_path;
  DropFolderSession session({.incoming = DropFolderOf(config),
                             .settle_seconds = options.settle_seconds,
                             .lock_timeout_seconds = options.lock_timeout_seconds},
                            context);
  summary.folder = session.folder();
  db::Store& store = session.store();
  const std::vector<core::Exposure> before = store.ListExposures();
  summary.files = session.Import([&](const DropResult& r) {
    if (r.import.unreadable_host_times > 0) {
      context.err << JournalPrefix(context.journal, 4)
                  << SafeTerminalText(UnreadableTimesWarning(r.name, r.import)) << '\n';
    }
    context.err << JournalPrefix(context.journal, DropResultPriority(r))
                << SafeTerminalText(DropResultLine(r, summary.folder)) << '\n'
                << std::flush;
  });
  summary.exposures = store.ChangesSince(before, summary.ImportedScanIds());
  summary.dropped_out = store.HostsDroppedOutOfScanning();
  for (const core::ExposureStatus& status : store.ListExposureStatuses({}, store.Now())) {
    summary.overdue += status.overdue ? 1 : 0;
    summary.stale += status.stale ? 1 : 0;
  }
  if (!options.no_report) summary.report = WriteReport(store, context);
  summary.finished_at = std::time(nullptr);
  if (!options.no_notify) summary.notifications = SendNotifications(summary, config);
  if (options.format == "json") {
    context.out << RunSummaryJson(summary).dump(2, ' ', false,
                                                nlohmann::ordered_json::error_handler_t::replace)
                << '\n';
  } else {
    context.out << RunSummaryText(summary);
  }
  context.out << std::flush;
  return summary.ExitCode();
}

}  // namespace ttmtrack::cli
