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
      "`ttmtrack history IP` for why. Beside the state: the triage decision on the exposure "
      "(`ttmtrack triage`), its remediation deadline (`due`, `overdue`) and whether scans still "
      "cover it (`stale`), as of now (docs/triage.md).");
  RestrictTo(command->add_option("--state", options.state, "Only exposures in this state"),
             core::AllTexts<core::ExposureState>());
  command->add_option("--host", options.host, "Only this host (IP address)")->type_name("IP");
  std::vector<std::string> decisions{"none"};
  for (const core::DecisionKind kind : core::AllValues<core::DecisionKind>()) {
    if (kind != core::DecisionKind::kRevoke) decisions.emplace_back(core::ToText(kind));
  }
  RestrictTo(command->add_option("--decision", options.decision,
                                 "Only exposures with this decision (active, lapsed or closed), "
                                 "or none"),
             decisions);
  command->add_flag("--overdue", options.overdue_only, "Only overdue exposures");
  command->add_flag("--stale", options.stale_only, "Only stale exposures");
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
                     {"verified_by.file", "VERIFIED BY", 120, ShowScanLabel("verified_by")},
                     {"decision", "DECISION"},
                     {"decision_status", "DECISION STATUS"},
                     {"decision_by", "DECISION BY", 24},
                     {"decision_until", "DECISION UNTIL"},
                     {"due", "DUE"},
                     {"overdue", "OVERDUE"},
                     {"stale", "STALE"}},
                    context.out);
  for (const core::ExposureStatus& status : store.ListExposureStatuses(filter, store.Now())) {
    if (options.decision) {
      const std::string_view kind =
          status.decision ? core::ToText(status.decision->record.kind) : "none";
      if (kind != *options.decision) continue;
    }
    if (options.overdue_only && !status.overdue) continue;
    if (options.stale_only && !status.stale) continue;
    writer->Row(core::ExposureStatusJson(status));
  }
  writer->Finish();
  return exit_code::kOk;
}

}  // namespace ttmtrack::cli
