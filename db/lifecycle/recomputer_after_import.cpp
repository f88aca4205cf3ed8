// The recomputation after importing one scan when no rule changed (docs/verification.md,
// "Recomputation"). Why it equals a full recomputation:
//  - an outcome depends only on its own scan's facts, the rules and the policy (I1); rules and
//    policy are unchanged, so every old (exposure, scan) outcome stands; a plugin judgement
//    depends on the scan's own coverage, its detections and the rules, so old ones stand too;
//  - detections of the new scan were matched by ScanWriter against these same rules, and no
//    exposure can disappear, so the exposure set only grows by the new scan's detections;
//  - Replay is a left fold of core::ApplyOutcome (I7): when the new scan sorts after every
//    other, its outcome is applied to the stored state; otherwise the exposure is replayed from
//    its stored outcomes; a not-covered outcome changes nothing wherever it sorts (I4).
// New exposures get every scan's outcome, exactly as in a full recomputation.
#include "core/error.hpp"
#include "db/lifecycle/recomputer.hpp"
#include "db/rules_table.hpp"
#include "db/sql/connection.hpp"
#include "db/sql/statement.hpp"
#include "db/store_text.hpp"

namespace ttmtrack::db::lifecycle {
namespace {

std::string Key(const std::string& ip, std::int64_t port, const std::string& protocol) {
  return ip + '|' + std::to_string(port) + '|' + protocol;
}

core::LifecycleResult FromRow(const ExposureRow& row) {
  core::LifecycleResult result;
  result.state = ParseStored<core::ExposureState>(row.state);
  result.first_seen = row.first_seen;
  result.last_seen = row.last_seen;
  result.last_checked = row.last_checked;
  if (row.verified_by) {
    result.verified_by = core::ScanRef{};
    result.verified_by->id = *row.verified_by;
  }
  return result;
}

}  // namespace

std::int64_t Recomputer::AddExposuresOf(std::int64_t scan_id) {
  auto max = db_.Prepare("SELECT coalesce(max(id), 0) FROM exposures");
  max.Step();
  const std::int64_t last_old = max.Int64(0);
  // Row ids of new rows exceed every existing one (INTEGER PRIMARY KEY picks max + 1).
  auto insert = db_.Prepare(
      "INSERT INTO exposures(ip, port, protocol, state) "
      "SELECT DISTINCT ip, port, protocol, CAST(?2 AS TEXT) FROM detections "
      "WHERE scan_id = ?1 AND rule_id IS NOT NULL ORDER BY ip, port, protocol "
      "ON CONFLICT(ip, port, protocol) DO NOTHING");
  insert.Bind(1, scan_id).Bind(2, core::ToText(core::ExposureState::kOpen));
  insert.Run();
  return last_old;
}

void Recomputer::LoadScanFacts(std::int64_t scan_id) {
  auto hosts = db_.Prepare(
      "SELECT ip, completion, CASE WHEN unreadable_time IS NULL THEN 0 ELSE 1 END "
      "FROM scan_hosts WHERE scan_id = ?1 "
      "AND ip IN (SELECT ip FROM exposures)");
  hosts.Bind(1, scan_id);
  while (hosts.Step()) {
    new_scan_hosts_[hosts.Text(0)] = PackHostFact(hosts.Text(1), hosts.Int(2) != 0);
  }
  auto detected = db_.Prepare(
      "SELECT DISTINCT ip, port, protocol FROM detections "
      "WHERE scan_id = ?1 AND rule_id IS NOT NULL");
  detected.Bind(1, scan_id);
  while (detected.Step()) {
    new_scan_detected_.insert(Key(detected.Text(0), detected.Int64(1), detected.Text(2)));
  }
  auto probed = db_.Prepare(
      "SELECT sh.ip, p.port, p.protocol FROM scan_hosts sh "
      "JOIN scan_host_ports p ON p.scan_host_id = sh.id "
      "JOIN exposures e ON e.ip = sh.ip AND e.port = p.port AND e.protocol = p.protocol "
      "WHERE sh.scan_id = ?1");
  probed.Bind(1, scan_id);
  while (probed.Step()) {
    new_scan_probed_.insert(Key(probed.Text(0), probed.Int64(1), probed.Text(2)));
  }
}

void Recomputer::DecideInNewScan(const ExposureRow& row, std::size_t scan, bool scan_is_last) {
  core::ExposureObservation& o = templates_[scan];
  const std::string key = Key(row.ip, row.port, row.protocol);
  const auto host = new_scan_hosts_.find(row.ip);
  o.exposure_id = row.id;
  o.port = row.port;
  o.protocol = row.protocol;
  o.detected = new_scan_detected_.count(key) != 0;
  UnpackHostFact(host != new_scan_hosts_.end() ? host->second : kNotInScan, o);
  o.port_seen_open = new_scan_probed_.count(key) != 0;
  const core::Outcome outcome = core::DecideOutcome(o, policy_);
  WriteOutcome(row.id, outcome);
  if (outcome.kind == core::OutcomeKind::kNotCovered) return;  // I4: wherever it sorts
  if (scan_is_last && !vantage_detections_) {
    core::LifecycleResult result = FromRow(row);
    core::ApplyOutcome(result, outcome);
    UpdateExposure(row, result);
  } else {
    ReplayStored(row);
  }
}

void Recomputer::ReplayStored(const ExposureRow& row) {
  std::vector<core::Outcome> outcomes;
  select_outcomes_.Bind(1, row.id);
  while (select_outcomes_.Step()) {
    core::Outcome o;
    o.exposure_id = row.id;
    o.scan = templates_[ScanIndex(select_outcomes_.Int64(0))].scan;
    o.kind = ParseStored<core::OutcomeKind>(select_outcomes_.Text(1));
    outcomes.push_back(std::move(o));
  }
  select_outcomes_.Reset();
  AppendVantageDetections(row, outcomes);
  UpdateExposure(row, core::Replay(std::move(outcomes)));
}

void Recomputer::RunAfterImport(std::int64_t scan_id) {
  const std::vector<core::Rule> rules = LoadRules(db_);
  LoadVantage();
  db_.Phase("recompute:exposures");
  const std::int64_t last_old = AddExposuresOf(scan_id);
  db_.Phase("recompute:judge");
  JudgeScans(rules);
  const std::size_t scan = ScanIndex(scan_id);
  const bool scan_is_last = scan + 1 == templates_.size();
  LoadScanFacts(scan_id);
  ForEachExposure([&](const ExposureRow& row) {
    db_.Phase("recompute:exposure");
    if (row.id > last_old) {
      ProcessExposure(row);
    } else {
      DecideInNewScan(row, scan, scan_is_last);
    }
  });
  StoreExposureTiers();
}

}  // namespace ttmtrack::db::lifecycle
