// Store: triage decisions (docs/triage.md) and the status of each exposure beside its state:
// the decision on it, its deadline and whether it is stale. Decisions are facts people add;
// nothing here writes anything but a new triage_decisions row.
#include <optional>
#include <unordered_map>

#include "core/ascii_text.hpp"
#include "core/enum_text.hpp"
#include "core/error.hpp"
#include "core/host_key.hpp"
#include "core/lifecycle.hpp"
#include "db/sql/write_transaction.hpp"
#include "db/store.hpp"
#include "db/store_impl.hpp"
#include "db/store_text.hpp"

namespace ttmtrack::db {
namespace {

core::DecisionRecord ReadDecision(const sql::Statement& row) {
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
  sql::WriteTransaction transaction(impl_->db);
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
      "survives_reopen) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) RETURNING id");
  insert.Bind(1, record.target.ToString())
      .Bind(2, core::ToText(record.kind))
      .Bind(3, record.reason)
      .Bind(4, record.by)
      .Bind(5, record.made_at)
      .Bind(6, record.until)
      .Bind(7, record.ticket)
      .Bind(8, record.survives_reopen ? 1 : 0);
  insert.Step();
  record.id = insert.Int64(0);
  insert.Reset();
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

void ForEachExposureChanges(sql::Connection& db, const ExposureFilter& filter,
                            const ChangesVisitor& visit) {
  // Outcomes come by their primary key (exposure_id, scan_id), so only each exposure's own rows
  // are sorted into timeline order (core::Replay's: scan time, then sha256; I7).
  auto select = db.Prepare(
      "SELECT o.exposure_id, o.kind, s.id, s.scan_time, s.sha256 FROM outcomes o "
      "JOIN scans s ON s.id = o.scan_id WHERE o.kind <> ?1 AND o.exposure_id IN "
      "(SELECT e.id FROM exposures e WHERE (?2 IS NULL OR e.state = ?2) AND "
      "(?3 IS NULL OR e.ip = ?3)) ORDER BY o.exposure_id, s.scan_time, s.sha256");
  select.Bind(1, core::ToText(core::OutcomeKind::kNotCovered));
  if (filter.state) select.Bind(2, core::ToText(*filter.state));
  if (filter.ip) select.Bind(3, core::HostKey(*filter.ip));
  core::LifecycleResult folded;
  core::Outcome outcome;  // reused: only what ApplyOutcome reads is set
  std::optional<std::int64_t> current;
  while (select.Step()) {
    const std::int64_t id = select.Int64(0);
    if (current && *current != id) {
      visit(*current, folded.changes);
      folded = {};
    }
    current = id;
    outcome.kind = ParseStored<core::OutcomeKind>(select.Text(1));
    outcome.scan.id = select.Int64(2);
    outcome.scan.time = select.Int64(3);
    outcome.scan.sha256 = select.Text(4);
    core::ApplyOutcome(folded, outcome);
  }
  if (current) visit(*current, folded.changes);
}

std::vector<core::ExposureStatus> AssessExposures(sql::Connection& db,
                                                  const std::vector<core::Exposure>& exposures,
                                                  const ExposureFilter& filter,
                                                  const TriageContext& triage,
                                                  const ChangesVisitor& also) {
  std::unordered_map<std::int64_t, std::size_t> position;
  position.reserve(exposures.size());
  for (std::size_t i = 0; i < exposures.size(); ++i) position.emplace(exposures[i].id, i);
  std::vector<std::optional<core::ExposureStatus>> assessed(exposures.size());
  ForEachExposureChanges(db, filter,
                         [&](std::int64_t id, std::span<const core::StateChange> changes) {
                           if (also) also(id, changes);
                           if (const auto at = position.find(id); at != position.end()) {
                             assessed[at->second] = triage.Assess(exposures[at->second], changes);
                           }
                         });
  std::vector<core::ExposureStatus> statuses;
  statuses.reserve(exposures.size());
  for (std::size_t i = 0; i < exposures.size(); ++i) {
    // No covering outcome: no change either (cannot happen for a stored exposure).
    statuses.push_back(assessed[i] ? std::move(*assessed[i]) : triage.Assess(exposures[i], {}));
  }
  return statuses;
}

std::vector<core::ExposureStatus> Store::ListExposureStatuses(const ExposureFilter& filter,
                                                              std::int64_t now) {
  return AssessExposures(impl_->db, ListExposures(filter), filter,
                         {ListDecisions(), GetDeadlinePolicy(), now});
}

}  // namespace ttmtrack::db
