// Store: triage decisions (docs/triage.md) and the status of each exposure beside its state:
// the decision on it, its deadline and whether it is stale. Decisions are facts people add;
// nothing here writes anything but a new triage_decisions row.
#include <map>

#include "core/ascii_text.hpp"
#include "core/enum_text.hpp"
#include "core/error.hpp"
#include "db/sqlite/transaction.hpp"
#include "db/store.hpp"
#include "db/store_impl.hpp"
#include "db/store_text.hpp"

namespace ttmtrack::db {
namespace {

core::DecisionRecord ReadDecision(const sqlite::Statement& row) {
  core::DecisionRecord record;
  record.id = row.Int64(0);
  std::string problem;
  const std::optional<core::TriageTarget> target = core::TriageTarget::Parse(row.Text(1), &problem);
  if (!target) {
    throw Error(Error::Kind::kDatabase, "triage decision " + std::to_string(record.id) +
                                            " has an unreadable target: " + problem);
  }
  record.target = *target;
  record.kind = ParseStored<core::DecisionKind>(row.Text(2));
  record.reason = row.Text(3);
  record.by = row.Text(4);
  record.made_at = row.Int64(5);
  record.until = row.OptionalInt64(6);
  record.ticket = row.Text(7);
  record.survives_reopen = row.Int(8) != 0;
  return record;
}

void Require(bool condition, const std::string& message) {
  if (!condition) throw Error(Error::Kind::kUsage, message);
}

}  // namespace

std::int64_t Store::Now() { return impl_->Now(); }

core::DecisionRecord Store::RecordDecision(core::DecisionRecord record) {
  Require(!core::Trim(record.reason).empty(), "a decision needs a reason (--reason)");
  Require(!core::Trim(record.by).empty(), "a decision needs the name of who made it (--by)");
  sqlite::Transaction transaction(impl_->db);
  record.made_at = impl_->Now();
  if (record.kind == core::DecisionKind::kRevoke) {
    record.until.reset();
    record.survives_reopen = false;
    const std::string target = record.target.ToString();
    bool standing = false;
    for (const core::DecisionRecord& earlier : ListDecisions()) {
      if (earlier.target.ToString() == target) {
        standing = earlier.kind != core::DecisionKind::kRevoke;
      }
    }
    Require(standing, "no decision on " + target +
                          " to revoke (a revoke names the exact target of the decision; "
                          "`ttmtrack triage list` shows them)");
  } else if (record.until) {
    Require(*record.until > record.made_at, "--until is not in the future");
  }
  auto insert = impl_->db.Prepare(
      "INSERT INTO triage_decisions(target, kind, reason, decided_by, made_at, until_at, ticket, "
      "survives_reopen) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
  insert.Bind(1, record.target.ToString())
      .Bind(2, core::ToText(record.kind))
      .Bind(3, record.reason)
      .Bind(4, record.by)
      .Bind(5, record.made_at)
      .Bind(6, record.until)
      .Bind(7, record.ticket)
      .Bind(8, record.survives_reopen ? 1 : 0);
  insert.Run();
  record.id = impl_->db.LastInsertRowId();
  transaction.Commit();
  return record;
}

std::vector<core::DecisionRecord> Store::ListDecisions() {
  auto select = impl_->db.Prepare(
      "SELECT id, target, kind, reason, decided_by, made_at, until_at, ticket, survives_reopen "
      "FROM triage_decisions ORDER BY made_at, id");
  std::vector<core::DecisionRecord> records;
  while (select.Step()) records.push_back(ReadDecision(select));
  return records;
}

core::DeadlinePolicy Store::GetDeadlinePolicy() {
  return core::DeadlinePolicyFromSettings(
      [this](std::string_view key) { return impl_->SettingValue(key); });
}

std::vector<core::ExposureStatus> Store::ListExposureStatuses(const ExposureFilter& filter,
                                                              std::int64_t now) {
  const std::vector<core::Exposure> exposures = ListExposures(filter);
  // Every exposure's covering outcomes, replayed for its state changes (core::Replay orders
  // them by scan time and sha256): the changes are derived, not stored.
  std::map<std::int64_t, std::vector<core::Outcome>> covering;
  auto select = impl_->db.Prepare(
      "SELECT o.exposure_id, o.kind, s.id, s.scan_time, s.sha256 FROM outcomes o "
      "JOIN scans s ON s.id = o.scan_id WHERE o.kind <> ?1");
  select.Bind(1, core::ToText(core::OutcomeKind::kNotCovered));
  while (select.Step()) {
    core::Outcome outcome;
    outcome.exposure_id = select.Int64(0);
    outcome.kind = ParseStored<core::OutcomeKind>(select.Text(1));
    outcome.scan.id = select.Int64(2);
    outcome.scan.time = select.Int64(3);
    outcome.scan.sha256 = select.Text(4);
    covering[outcome.exposure_id].push_back(std::move(outcome));
  }
  const std::vector<core::DecisionRecord> records = ListDecisions();
  const core::DeadlinePolicy policy = GetDeadlinePolicy();
  std::vector<core::ExposureStatus> statuses;
  statuses.reserve(exposures.size());
  for (const core::Exposure& exposure : exposures) {
    auto it = covering.find(exposure.id);
    const core::LifecycleResult replayed =
        core::Replay(it == covering.end() ? std::vector<core::Outcome>() : std::move(it->second));
    statuses.push_back(core::AssessExposure(exposure, replayed.changes, records, policy, now));
  }
  return statuses;
}

}  // namespace ttmtrack::db
