#include "cli/commands/status_command.hpp"

#include <CLI/CLI.hpp>

#include "cli/command_options.hpp"
#include "cli/format/row_writer.hpp"
#include "cli/help_formatter.hpp"
#include "cli/store_access.hpp"
#include "core/enum_text.hpp"
#include "core/error.hpp"
#include "core/json_fields.hpp"

namespace ttmtrack::cli {

CLI::App* SetupStatusCommand(CLI::App& app, StatusOptions& options) {
  CLI::App* command = app.add_subcommand(
      "status", "One row per exposure (host, port, protocol): open, fixed or reopened");
  SetLongDescription(
      *command,
      "One row per exposure: a (host, port, protocol) at which c564e5ab was ever detected. "
      "open = detected and never proved fixed since; fixed = the latest scan that could have "
      "seen it did not (that scan is `verified_by`); reopened = detected again after being "
      "fixed. tier = the strongest evidence it ever had: confirmed (the listener answered the "
      "probe "
      "with the TTM signature) or unconfirmed (an open TTM port that answered in no known "
      "protocol: a possible listener); both are detections. Scans that could not have seen an "
      "exposure (host missing, host scan "
      "interrupted, plugin not enabled, port outside the range) never change its state: see "
      "`ttmtrack history IP` for why.");
  RestrictTo(command->add_option("--state", options.state, "Only exposures in this state"),
             core::AllTexts<core::ExposureState>());
  command->add_option("--host", options.host, "Only this host (IP address)")->type_name("IP");
  AddFormatOption(*command, options.format);
  return command;
}

int RunStatusCommand(const StatusOptions& options, const CommandContext& context) {
  db::Store store = OpenStore(context, StoreMode::kMustExist);
  db::ExposureFilter filter;
  if (options.state) filter.state = core::FromText<core::ExposureState>(*options.state);
  if (options.host) filter.ip = *options.host;
  auto writer =
      MakeRowWriter(options.format,
                    {{"ip", "IP"},
                     {"port", "PORT"},
                     {"protocol", "PROTO"},
                     {"state", "STATE"},
                     {"tier", "TIER"},
                     {"hostname", "HOST NAME", 30},
                     {"first_seen", "FIRST SEEN"},
                     {"last_seen", "LAST SEEN"},
                     {"last_checked", "LAST CHECKED"},
                     {"verified_by.file", "VERIFIED BY", 120, ShowScanLabel("verified_by")}},
                    context.out);
  for (const core::Exposure& exposure : store.ListExposures(filter)) {
    writer->Row(core::ExposureJson(exposure));
  }
  writer->Finish();
  return exit_code::kOk;
}

}  // namespace ttmtrack::cli
