#include "cli/commands/gaps_command.hpp"

#include <CLI/CLI.hpp>

#include "cli/command_options.hpp"
#include "cli/format/row_writer.hpp"
#include "cli/help_formatter.hpp"
#include "cli/store_access.hpp"
#include "core/error.hpp"
#include "core/json_fields.hpp"

namespace ttmtrack::cli {

CLI::App* SetupGapsCommand(CLI::App& app, GapsOptions& options) {
  CLI::App* command = app.add_subcommand(
      "gaps",
      "Coverage gaps: hosts that dropped out of scanning, with the last scan that saw them");
  SetLongDescription(
      *command,
      "Every host that earlier scans of a task (scanner and scan name) reported and the task's "
      "latest scan does not. Its absence proves nothing: the latest scan did not look at it. "
      "Exposures that no scan has covered for stale.days are flagged `stale` in `status`.");
  AddFormatOption(*command, options.format);
  return command;
}

int RunGapsCommand(const GapsOptions& options, const CommandContext& context) {
  db::Store store = OpenStore(context, StoreMode::kMustExist);
  auto writer =
      MakeRowWriter(options.format,
                    {{"ip", "IP"},
                     {"hostname", "HOST NAME", 30},
                     {"scanner", "SCANNER"},
                     {"scan_name", "SCAN NAME", 30},
                     {"last_seen_by.file", "LAST SEEN BY", 60, ShowScanLabel("last_seen_by")},
                     {"latest_scan.file", "LATEST SCAN", 60, ShowScanLabel("latest_scan")}},
                    context.out);
  for (const db::DroppedOutHost& host : store.HostsDroppedOutOfScanning()) {
    writer->Row(core::DroppedOutHostJson(host));
  }
  writer->Finish();
  return exit_code::kOk;
}

}  // namespace ttmtrack::cli
