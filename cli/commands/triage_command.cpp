#include "cli/commands/triage_command.hpp"

#include <ostream>

#include <CLI/CLI.hpp>

#include "cli/command_options.hpp"
#include "cli/format/json_rows.hpp"
#include "cli/format/row_writer.hpp"
#include "cli/format/terminal_text.hpp"
#include "cli/help_formatter.hpp"
#include "cli/store_access.hpp"
#include "core/civil_time.hpp"
#include "core/enum_text.hpp"
#include "core/error.hpp"
#include "core/exposure_status.hpp"

namespace ttmtrack::cli {
namespace {

using Action = TriageOptions::Action;

constexpr std::size_t kDateLength = 10;  // YYYY-MM-DD

core::TriageTarget ParseTarget(const std::string& text) {
  std::string problem;
  if (std::optional<core::TriageTarget> target = core::TriageTarget::Parse(text, &problem)) {
    return *target;
  }
  throw Error(Error::Kind::kUsage,
              "triage target '" + text + "': " + problem +
                  " (expected IP:PORT[/PROTO] for one exposure, or an IP or CIDR for every "
                  "exposure there now and later)");
}

void AddDecisionCommand(CLI::App& triage, TriageOptions& options, core::DecisionKind kind,
                        const std::string& help) {
  CLI::App* command = triage.add_subcommand(std::string(core::ToText(kind)), help);
  command->add_option("target", options.target, "IP:PORT[/PROTO], IP or CIDR")->required();
  command->add_option("--reason", options.reason, "Why (shown in status, history, the report)")
      ->required();
  command->add_option("--by", options.by, "Who decided")->required();
  if (kind != core::DecisionKind::kRevoke) {
    command->add_option("--until", options.until,
                        "The decision lapses then (ISO 8601; a date alone: at the end of that "
                        "day, UTC)");
    command->add_option("--ticket", options.ticket, "A reference (change or risk ticket)");
  }
  if (kind == core::DecisionKind::kAccept || kind == core::DecisionKind::kCompensatingControl) {
    command->add_flag("--survives-reopen", options.survives_reopen,
                      "Keep applying after the exposure is verified fixed and then reopens "
                      "(default: a verified fix closes the decision for good)");
  }
  command->callback([&options, kind] {
    options.action = Action::kDecide;
    options.kind = kind;
  });
}

int List(db::Store& store, const TriageOptions& options, const CommandContext& context) {
  auto writer = MakeRowWriter(options.format,
                              {{"record", "#"},
                               {"made_at", "MADE AT"},
                               {"target", "TARGET"},
                               {"decision", "DECISION"},
                               {"by", "BY", 24},
                               {"until", "UNTIL"},
                               {"ticket", "TICKET", 20},
                               {"survives_reopen", "SURVIVES REOPEN"},
                               {"reason", "REASON", 60}},
                              context.out);
  for (const core::DecisionRecord& record : store.ListDecisions()) {
    writer->Row(TriageRecordJson(record));
  }
  writer->Finish();
  return exit_code::kOk;
}

int Decide(db::Store& store, const TriageOptions& options, const CommandContext& context) {
  core::DecisionRecord record;
  record.target = ParseTarget(options.target);
  record.kind = options.kind;
  record.reason = options.reason;
  record.by = options.by;
  if (options.until) record.until = ParseUntil(*options.until);
  record.ticket = options.ticket;
  record.survives_reopen = options.survives_reopen;
  record = store.RecordDecision(record);
  context.out << "recorded decision " << record.id << ": " << core::ToText(record.kind) << " "
              << record.target.ToString() << " by " << SafeTerminalText(record.by);
  if (record.until) context.out << " until " << *core::FormatIso8601Utc(*record.until);
  context.out << '\n';
  return exit_code::kOk;
}

}  // namespace

std::int64_t ParseUntil(const std::string& text) {
  const core::Parsed<std::int64_t> parsed = core::ParseIso8601(text);
  if (!parsed) {
    throw Error(Error::Kind::kUsage,
                "--until: \"" + text + "\" is not a time: " + std::string(parsed.reason()));
  }
  return text.size() == kDateLength ? parsed.value() + core::kSecondsPerDay : parsed.value();
}

CLI::App* SetupTriageCommand(CLI::App& app, TriageOptions& options) {
  CLI::App* command = app.add_subcommand(
      "triage", "Record people's decisions on exposures: accept, false-positive, ... (list)");
  SetLongDescription(
      *command,
      "Decisions are append-only records (who, when, why, until, ticket) beside the evidence: "
      "the state (open, fixed, reopened) stays decided by scans alone, and no import or "
      "recomputation changes a decision. TARGET is IP:PORT[/PROTO] (one exposure; tcp by "
      "default) or an IP or CIDR (every exposure there, now and later). docs/triage.md has the "
      "rules: lapse at --until, a verified fix closes an acceptance, a reopening does not "
      "inherit it unless --survives-reopen, a false positive stays one when detected again.");
  command->require_subcommand(1);
  AddDecisionCommand(*command, options, core::DecisionKind::kAccept,
                     "Accept the risk (not overdue while active)");
  AddDecisionCommand(*command, options, core::DecisionKind::kFalsePositive,
                     "Declare the detection a false positive");
  AddDecisionCommand(*command, options, core::DecisionKind::kCompensatingControl,
                     "Record a compensating control (not overdue while active)");
  AddDecisionCommand(*command, options, core::DecisionKind::kRevoke,
                     "Revoke the decision on exactly this target (adds a record)");
  CLI::App* list = command->add_subcommand("list", "Every decision record, in the order made");
  AddFormatOption(*list, options.format);
  list->callback([&options] { options.action = Action::kList; });
  return command;
}

int RunTriageCommand(const TriageOptions& options, const CommandContext& context) {
  db::Store store = OpenStore(context, StoreMode::kMustExist);
  if (options.action == Action::kList) return List(store, options, context);
  return Decide(store, options, context);
}

}  // namespace ttmtrack::cli
