#include "cli/commands/history_command.hpp"

#include <CLI/CLI.hpp>

#include "cli/command_options.hpp"
#include "cli/format/json_rows.hpp"
#include "cli/format/row_writer.hpp"
#include "cli/store_access.hpp"
#include "core/error.hpp"
#include "core/host_key.hpp"
#include "core/ip_address.hpp"
#include "core/lifecycle.hpp"

namespace ttmtrack::cli {
namespace {

// The scan's detection at the exposure that the history row shows: the first of the strongest
// tier (a scan may report both tiers' plugins when one port answers both ways).
const core::Evidence* StrongestDetection(const core::ExposureReport& report,
                                         const core::ScanRef& scan) {
  const core::Evidence* found = nullptr;
  for (const core::Evidence& evidence : report.evidence) {
    if (evidence.scan.sha256 != scan.sha256) continue;
    if (found == nullptr || (found->tier != core::DetectionTier::kConfirmed &&
                             evidence.tier == core::DetectionTier::kConfirmed)) {
      found = &evidence;
    }
  }
  return found;
}

// "accept of TARGET by NAME until TIME (TICKET): REASON"; the writer makes it terminal-safe.
std::string ShowDecision(const nlohmann::ordered_json& row) {
  const nlohmann::ordered_json& d = row["decision"];
  std::string text = d["decision"].get<std::string>() + " of " + d["target"].get<std::string>() +
                     " by " + d["by"].get<std::string>();
  if (d["until"].is_string()) text += " until " + d["until"].get<std::string>();
  if (d["ticket"].is_string()) text += " (" + d["ticket"].get<std::string>() + ")";
  if (d["survives_reopen"].get<bool>()) text += ", survives reopening";
  return text + ": " + d["reason"].get<std::string>();
}

// The table of history rows: one column per field of a row (docs/json.md, "history").
std::unique_ptr<RowWriter> MakeHistoryWriter(OutputFormat format, std::ostream& out) {
  // What the outcome rests on, whole: the facts from the export, wrapped on a terminal.
  Column basis{"basis", "BASIS"};
  basis.wrap = true;
  return MakeRowWriter(format,
                       {{"port", "PORT"},
                        {"protocol", "PROTO"},
                        {"time", "TIME"},
                        {"scanner", "SCANNER"},
                        // The verification file is what an auditor looks for: whole.
                        {"file", "FILE", 0, ShowBaseName("file")},
                        {"outcome", "OUTCOME"},
                        {"state_after", "STATE AFTER"},
                        {"tier", "TIER"},
                        {"reason", "REASON"},
                        {"assumption", "ASSUMPTION"},
                        basis,
                        // The plugin output's first line; json and csv carry it whole.
                        {"evidence", "EVIDENCE (first line)", 50, ShowFirstLine("evidence")},
                        {"decision", "DECISION", 80, ShowDecision}},
                       out);
}

// Writes one exposure's rows with the state after each: the lifecycle applied one outcome at a
// time, in the timeline's (scan time, sha256) order, exactly as Replay does; a vantage-point
// check that counts as a detection is applied as one at its time, after the scans of the same
// second. Firewall-ruleset answers go in by their collection time, after the scans of the same
// second, and never change the state; decisions covering the exposure by the time they were
// made (after a scan of the same time).
void WriteExposureHistory(RowWriter& writer, const core::ExposureReport& report,
                          const std::vector<core::DecisionRecord>& records) {
  core::LifecycleResult state;
  std::size_t next_check = 0;
  auto checks_until = [&](std::optional<std::int64_t> time) {
    for (; next_check < report.vantage_checks.size(); ++next_check) {
      const core::VantageCheckRecord& check = report.vantage_checks[next_check];
      if (time && check.checked_at >= *time) break;
      if (check.IsDetection()) {
        core::Outcome detected;
        detected.kind = core::OutcomeKind::kDetected;
        detected.scan.time = check.checked_at;
        core::ApplyOutcome(state, detected);
      }
      writer.Row(VantageHistoryJson(report.exposure, check, state.state));
    }
  };
  std::size_t next_firewall = 0;
  auto firewall_until = [&](std::optional<std::int64_t> time) {
    for (; next_firewall < report.firewall_checks.size(); ++next_firewall) {
      const core::FirewallCheck& check = report.firewall_checks[next_firewall];
      if (time && check.collected_at >= *time) break;
      writer.Row(FirewallHistoryJson(report.exposure, check, state.state));
    }
  };
  auto record = records.begin();
  const auto write_decisions_until = [&](std::optional<std::int64_t> time) {
    for (; record != records.end() && (!time || record->made_at < *time); ++record) {
      const core::Exposure& e = report.exposure;
      if (record->target.Covers(e.ip, e.port, e.protocol)) {
        writer.Row(HistoryDecisionJson(e, *record));
      }
    }
  };
  for (const core::Outcome& outcome : report.timeline) {
    checks_until(outcome.scan.time);
    firewall_until(outcome.scan.time);
    write_decisions_until(outcome.scan.time);
    core::ApplyOutcome(state, outcome);
    writer.Row(HistoryJson(report.exposure, outcome, state.state,
                           outcome.kind == core::OutcomeKind::kDetected
                               ? StrongestDetection(report, outcome.scan)
                               : nullptr));
  }
  checks_until(std::nullopt);
  firewall_until(std::nullopt);
  write_decisions_until(std::nullopt);
}

}  // namespace

CLI::App* SetupHistoryCommand(CLI::App& app, HistoryOptions& options) {
  CLI::App* command = app.add_subcommand(
      "history", "Every scan's outcome for a host's exposures, with the reason when not covered");
  command->add_option("IP", options.host, "The host (IP address)")->required();
  AddPortOption(*command, options.port, "Only the exposure on this port");
  AddFormatOption(*command, options.format);
  return command;
}

int RunHistoryCommand(const HistoryOptions& options, const CommandContext& context) {
  db::Store store = OpenStore(context, StoreMode::kMustExist);
  const std::string ip = core::HostKey(options.host);
  const std::vector<core::ExposureReport> exposures = store.History(ip, options.port);
  // A host an export named without an address is kept under that name (core/host_key.hpp), so
  // only text that is neither an address nor such a host is a typing error.
  if (exposures.empty() && !core::IpAddress::ParseTolerant(options.host)) {
    throw Error(Error::Kind::kUsage, "history: '" + options.host +
                                         "' is not a valid IP address (e.g. 10.40.8.11 or "
                                         "2001:db8::5), nor a host name ttmtrack status lists");
  }
  if (exposures.empty()) {
    throw Error(Error::Kind::kNoInput,
                "no exposure recorded for host " + ip +
                    (options.port ? " port " + std::to_string(*options.port) : std::string()) +
                    " (ttmtrack status lists the exposures)");
  }
  const std::unique_ptr<RowWriter> writer = MakeHistoryWriter(options.format, context.out);
  const std::vector<core::DecisionRecord> records = store.ListDecisions();
  for (const core::ExposureReport& report : exposures) {
    WriteExposureHistory(*writer, report, records);
  }
  writer->Finish();
  return exit_code::kOk;
}

}  // namespace ttmtrack::cli
