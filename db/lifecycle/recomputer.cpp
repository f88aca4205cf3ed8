#include "db/lifecycle/recomputer.hpp"

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/error.hpp"
#include "core/export_filter.hpp"
#include "core/plugin_enablement.hpp"
#include "core/port_range.hpp"
#include "db/result_filters_table.hpp"
#include "db/rules_table.hpp"
#include "db/sql/connection.hpp"
#include "db/sql/statement.hpp"
#include "db/store_text.hpp"

namespace ttmtrack::db::lifecycle {
namespace {

std::vector<std::string> Split(const std::string& text) {
  std::vector<std::string> parts;
  if (text.empty()) return parts;
  std::size_t start = 0;
  while (true) {
    const std::size_t end = text.find(';', start);
    parts.push_back(text.substr(start, end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return parts;
}

// Two columns of the scan judgement query for one tier of the scan's own matched detections:
// whether there is one, and their highest QoD (core::ExportedDetections). Detections' tiers are
// are matched before scans are judged (at import, or by RematchDetections).
std::string SeenTierColumns(const char* tier) {
  const std::string where = std::string("WHERE d.scan_id = s.id AND d.rule_id IS NOT NULL AND ") +
                            "d.tier = '" + tier + "'";
  // CASE: a truth value read as a number (PostgreSQL's EXISTS is a boolean, not 0/1).
  return "CASE WHEN EXISTS (SELECT 1 FROM detections d " + where +
         ") THEN 1 ELSE 0 END, (SELECT max(d.qod) FROM detections d " + where + ")";
}

}  // namespace

Recomputer::Recomputer(sql::Connection& db, const core::CoveragePolicy& policy)
    : db_(db),
      policy_(policy),
      select_detected_(
          db.Prepare("SELECT DISTINCT scan_id FROM detections WHERE ip = ?1 AND port = ?2 "
                     "AND protocol = ?3 AND rule_id IS NOT NULL")),
      select_probed_(db.Prepare(
          "SELECT sh.scan_id FROM scan_hosts sh JOIN scan_host_ports p "
          "ON p.scan_host_id = sh.id WHERE sh.ip = ?1 AND p.port = ?2 AND p.protocol = ?3")),
      select_outcomes_(db.Prepare(
          "SELECT scan_id, kind, reason, assumption, basis FROM outcomes WHERE exposure_id = ?1")),
      upsert_outcome_(db.Prepare(
          "INSERT INTO outcomes(exposure_id, scan_id, kind, reason, assumption, basis) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT(exposure_id, scan_id) DO UPDATE SET "
          "kind = excluded.kind, reason = excluded.reason, assumption = excluded.assumption, "
          "basis = excluded.basis")),
      update_exposure_(
          db.Prepare("UPDATE exposures SET state = ?2, first_seen = ?3, last_seen = ?4, "
                     "last_checked = ?5, verified_by_scan_id = ?6 WHERE id = ?1")) {}

void Recomputer::RunAll(RulesChanged rules_changed) {
  const std::vector<core::Rule> rules = LoadRules(db_);
  if (rules_changed == RulesChanged::kYes) RematchDetections(rules);
  LoadVantage();
  db_.Phase("recompute:exposures");
  SyncExposures();
  db_.Phase("recompute:judge");
  JudgeScans(rules);
  ForEachExposure([this](const ExposureRow& row) {
    db_.Phase("recompute:exposure");
    ProcessExposure(row);
  });
  StoreExposureTiers();
}

std::size_t Recomputer::ScanIndex(std::int64_t scan_id) const {
  const auto it = scan_index_.find(scan_id);
  if (it == scan_index_.end()) {
    throw Error(Error::Kind::kInternal, "outcome for unknown scan " + std::to_string(scan_id));
  }
  return it->second;
}

void Recomputer::RematchDetections(const std::vector<core::Rule>& rules) {
  auto select = db_.Prepare(
      "SELECT d.id, s.format, d.plugin_id, d.plugin_name, d.service_name, d.rule_id, d.tier "
      "FROM detections d JOIN scans s ON s.id = d.scan_id");
  struct Change {
    std::int64_t id;
    std::optional<std::int64_t> rule_id;
    std::string tier;
  };
  std::vector<Change> changes;
  core::ResultRecord result;
  while (select.Step()) {
    result.plugin_id = select.Text(2);
    result.plugin_name = select.Text(3);
    result.service_name = select.Text(4);
    const auto match =
        core::MatchRule(result, ParseStored<core::ScanFormat>(select.Text(1)), rules);
    const std::optional<std::int64_t> rule_id =
        match ? std::optional<std::int64_t>(match->id) : std::nullopt;
    // Each detection's tier is derived like its rule (core::TierOf); a detection no rule
    // matches keeps its last tier: it makes no exposure.
    std::string tier =
        match ? std::string(core::ToText(core::TierOf(*match, result))) : select.Text(6);
    if (rule_id != select.OptionalInt64(5) || tier != select.Text(6)) {
      changes.push_back({select.Int64(0), rule_id, std::move(tier)});
    }
  }
  // Applied after the scan: SQLite leaves it undefined whether a running SELECT sees rows the
  // same connection changes under it.
  auto update = db_.Prepare("UPDATE detections SET rule_id = ?2, tier = ?3 WHERE id = ?1");
  for (const Change& change : changes) {
    update.Bind(1, change.id).Bind(2, change.rule_id).Bind(3, change.tier);
    update.Run();
  }
}

void Recomputer::SyncExposures() {
  auto insert = db_.Prepare(
      "INSERT INTO exposures(ip, port, protocol, state) "
      "SELECT DISTINCT ip, port, protocol, CAST(?1 AS TEXT) FROM detections "
      "WHERE rule_id IS NOT NULL "
      "ORDER BY ip, port, protocol "
      "ON CONFLICT(ip, port, protocol) DO NOTHING");
  insert.Bind(1, core::ToText(core::ExposureState::kOpen));
  insert.Run();
  AddVantageExposures();
  db_.Exec(
      "DELETE FROM exposures WHERE NOT EXISTS (SELECT 1 FROM detections d "
      "WHERE d.rule_id IS NOT NULL AND d.ip = exposures.ip AND d.port = exposures.port "
      "AND d.protocol = exposures.protocol) AND NOT EXISTS (SELECT 1 FROM vantage_checks v "
      "WHERE v.untrusted = 1 AND v.outcome IN ('reachable-confirmed', 'reachable-unconfirmed') "
      "AND v.ip = exposures.ip AND v.port = exposures.port AND v.protocol = exposures.protocol)");
}

core::PluginJudgement Recomputer::Judge(const sql::Statement& scan,
                                        const std::vector<core::Rule>& rules) {
  core::ScanCoverage coverage;
  const bool detected_any = scan.Int(8) != 0;
  // A detection settles it (JudgePluginEnabled step 1): no need to load 100,000 IDs.
  if (!scan.IsNull(4) && !detected_any) {
    auto select = db_.Prepare("SELECT ids FROM plugin_sets WHERE id = ?1");
    select.Bind(1, scan.Int64(4));
    if (select.Step()) coverage.enabled_plugin_ids = Split(select.Blob(0));
  }
  coverage.enabled_families = Split(scan.Text(5));
  coverage.disabled_families = Split(scan.Text(6));
  coverage.mixed_families = Split(scan.Text(9));
  if (scan.Int(10) != 0) {
    coverage.individual_plugins.emplace();
    auto select = db_.Prepare(
        "SELECT plugin_id, family, enabled FROM scan_plugin_items WHERE scan_id = ?1 "
        "ORDER BY plugin_id");
    select.Bind(1, scan.Int64(0));
    while (select.Step()) {
      coverage.individual_plugins->push_back({select.Text(0), select.Text(1), select.Int(2) != 0});
    }
  }
  return core::JudgePluginEnabled(coverage, ParseStored<core::ScanFormat>(scan.Text(3)), rules,
                                  detected_any);
}

void Recomputer::JudgeScans(const std::vector<core::Rule>& rules) {
  auto select = db_.Prepare(
      "SELECT s.id, s.sha256, s.scan_time, s.format, s.plugin_set_id, s.enabled_families, "
      "s.disabled_families, s.port_range, CASE WHEN EXISTS (SELECT 1 FROM detections d "
      "WHERE d.scan_id = s.id AND d.rule_id IS NOT NULL) THEN 1 ELSE 0 END, s.mixed_families, "
      "s.individual_selection, " +
      SeenTierColumns("confirmed") + ", " + SeenTierColumns("unconfirmed") + ", " +
      ResultFilterColumns("f") +
      " FROM scans s LEFT JOIN scan_result_filters f ON f.scan_id = s.id "
      "ORDER BY s.scan_time, s.sha256");
  // Scans of one policy share every input of JudgePluginEnabled, and a plugin set can hold
  // 100,000 IDs: judge each distinct combination once. An individual selection is stored per
  // scan (it is short), so a scan that has one is judged on its own.
  std::map<std::string, core::PluginJudgement> cache;
  templates_.clear();
  scan_index_.clear();
  while (select.Step()) {
    core::ExposureObservation o;
    o.scan.id = select.Int64(0);
    o.scan.sha256 = select.Text(1);
    o.scan.time = select.Int64(2);
    o.port_range = select.OptionalText(7);
    const std::string key = select.Text(3) + '|' + std::to_string(select.Int64(4)) + '|' +
                            select.Text(5) + '|' + select.Text(6) + '|' + select.Text(9) + '|' +
                            std::to_string(select.Int(8)) + (select.IsNull(4) ? "n" : "s") +
                            (select.Int(10) != 0 ? "|" + std::to_string(o.scan.id) : "");
    auto it = cache.find(key);
    if (it == cache.end()) it = cache.emplace(key, Judge(select, rules)).first;
    o.plugin_enabled = it->second;
    o.plugin_coverage_only = it->second.coverage_only;
    core::ExportedDetections seen;
    for (auto [tier, column] : {std::pair{&seen.confirmed, 11}, std::pair{&seen.unconfirmed, 13}}) {
      tier->any = select.Int(column) != 0;
      if (const auto qod = select.OptionalInt64(column + 1)) tier->max_qod = static_cast<int>(*qod);
    }
    o.export_filter = core::JudgeExportFilter(ReadResultFilter(select, 15), seen);
    scan_index_.emplace(o.scan.id, templates_.size());
    templates_.push_back(std::move(o));
  }
  needs_probes_ = AnyScanNeedsProbes();
  StoreJudgements();
}

void Recomputer::StoreJudgements() {
  struct Stored {
    std::string plugin, plugin_basis, export_complete, export_basis;
  };
  std::unordered_map<std::int64_t, Stored> stored;
  auto select = db_.Prepare(
      "SELECT scan_id, plugin_enabled, plugin_basis, export_complete, export_basis "
      "FROM scan_judgements");
  while (select.Step()) {
    stored[select.Int64(0)] = {select.Text(1), select.Text(2), select.Text(3), select.Text(4)};
  }
  auto upsert = db_.Prepare(
      "INSERT INTO scan_judgements(scan_id, plugin_enabled, plugin_basis, export_complete, "
      "export_basis) VALUES (?1, ?2, ?3, ?4, ?5) "
      "ON CONFLICT(scan_id) DO UPDATE SET plugin_enabled = excluded.plugin_enabled, "
      "plugin_basis = excluded.plugin_basis, export_complete = excluded.export_complete, "
      "export_basis = excluded.export_basis");
  for (const core::ExposureObservation& o : templates_) {
    const std::string_view plugin = core::ToText(o.plugin_enabled.value);
    const std::string_view complete = core::ToText(o.export_filter.value);
    const auto it = stored.find(o.scan.id);
    if (it != stored.end() && it->second.plugin == plugin &&
        it->second.plugin_basis == o.plugin_enabled.basis &&
        it->second.export_complete == complete &&
        it->second.export_basis == o.export_filter.basis) {
      continue;
    }
    upsert.Bind(1, o.scan.id)
        .Bind(2, plugin)
        .Bind(3, o.plugin_enabled.basis)
        .Bind(4, complete)
        .Bind(5, o.export_filter.basis);
    upsert.Run();
  }
}

void Recomputer::ForEachExposure(const std::function<void(const ExposureRow&)>& process) {
  // In batches by key, so memory does not follow the number of exposures, and no statement
  // reads the exposures table while `process` updates it.
  constexpr std::int64_t kBatch = 4096;
  const std::string select_from =
      "SELECT id, ip, port, protocol, state, first_seen, last_seen, last_checked, "
      "verified_by_scan_id FROM exposures ";
  const std::string in_key_order = " ORDER BY ip, port, protocol LIMIT ?1";
  auto first = db_.Prepare(select_from + in_key_order);
  auto next = db_.Prepare(select_from + "WHERE (ip, port, protocol) > (?2, ?3, ?4)" + in_key_order);
  std::vector<ExposureRow> batch;
  sql::Statement* select = &first;
  while (true) {
    select->Bind(1, kBatch);
    if (!batch.empty()) {
      const ExposureRow& last = batch.back();
      select->Bind(2, last.ip).Bind(3, static_cast<std::int64_t>(last.port)).Bind(4, last.protocol);
    }
    batch.clear();
    while (select->Step()) {
      ExposureRow& row = batch.emplace_back();
      row.id = select->Int64(0);
      row.ip = select->Text(1);
      row.port = static_cast<std::uint16_t>(select->Int(2));
      row.protocol = select->Text(3);
      row.state = select->Text(4);
      row.first_seen = select->OptionalInt64(5);
      row.last_seen = select->OptionalInt64(6);
      row.last_checked = select->OptionalInt64(7);
      row.verified_by = select->OptionalInt64(8);
    }
    select->Reset();
    for (const ExposureRow& row : batch) process(row);
    if (static_cast<std::int64_t>(batch.size()) < kBatch) return;
    select = &next;
  }
}

int PackHostFact(std::string_view completion, bool unreadable_time) {
  return static_cast<int>(ParseStored<core::HostCompletion>(completion)) |
         (unreadable_time ? kUnreadableTime : 0);
}

void UnpackHostFact(int fact, core::ExposureObservation& o) {
  o.host_in_scan = fact != kNotInScan;
  o.host_completion = o.host_in_scan ? static_cast<core::HostCompletion>(fact & ~kUnreadableTime)
                                     : core::HostCompletion::kUnknown;
  o.host_time_unreadable = o.host_in_scan && (fact & kUnreadableTime) != 0;
}

void Recomputer::LoadHostFacts(const std::string& ip) {
  if (ip == facts_ip_ && completion_.size() == templates_.size()) return;
  facts_ip_ = ip;
  completion_.assign(templates_.size(), kNotInScan);
  auto select = db_.Prepare(
      "SELECT scan_id, completion, CASE WHEN unreadable_time IS NULL THEN 0 ELSE 1 END "
      "FROM scan_hosts WHERE ip = ?1");
  select.Bind(1, ip);
  while (select.Step()) {
    completion_[ScanIndex(select.Int64(0))] = PackHostFact(select.Text(1), select.Int(2) != 0);
  }
}

void Recomputer::MarkScans(sql::Statement& select, const ExposureRow& row,
                           std::vector<char>& marks) {
  marks.assign(templates_.size(), 0);
  select.Bind(1, row.ip).Bind(2, static_cast<std::int64_t>(row.port)).Bind(3, row.protocol);
  while (select.Step()) marks[ScanIndex(select.Int64(0))] = 1;
  select.Reset();
}

void Recomputer::ProcessExposure(const ExposureRow& row) {
  LoadHostFacts(row.ip);
  MarkScans(select_detected_, row, detected_);
  if (needs_probes_) {
    MarkScans(select_probed_, row, probed_);
  } else {
    probed_.assign(templates_.size(), 0);
  }
  std::vector<core::Outcome> outcomes;
  outcomes.reserve(templates_.size());
  for (std::size_t k = 0; k < templates_.size(); ++k) {
    core::ExposureObservation& o = templates_[k];
    o.exposure_id = row.id;
    o.port = row.port;
    o.protocol = row.protocol;
    o.detected = detected_[k] != 0;
    UnpackHostFact(completion_[k], o);
    o.port_seen_open = probed_[k] != 0;
    outcomes.push_back(core::DecideOutcome(o, policy_));
  }
  AppendVantageDetections(row, outcomes);
  const core::LifecycleResult result = core::Replay(std::move(outcomes));
  if (!result.state) {
    throw Error(Error::Kind::kInternal,
                "exposure " + row.ip + ":" + std::to_string(row.port) + " has no detected outcome");
  }
  WriteOutcomes(row.id, result.timeline);
  UpdateExposure(row, result);
}

void Recomputer::WriteOutcomes(std::int64_t exposure_id,
                               const std::vector<core::Outcome>& timeline) {
  stored_.assign(templates_.size(), StoredOutcome{});
  select_outcomes_.Bind(1, exposure_id);
  while (select_outcomes_.Step()) {
    StoredOutcome& s = stored_[ScanIndex(select_outcomes_.Int64(0))];
    s = {true, select_outcomes_.Text(1), select_outcomes_.Text(2), select_outcomes_.Text(3),
         select_outcomes_.Text(4)};
  }
  select_outcomes_.Reset();
  for (const core::Outcome& o : timeline) {
    if (IsVantageOutcome(o)) continue;  // kept in vantage_checks, not in outcomes
    StoredOutcome& s = stored_[ScanIndex(o.scan.id)];
    const std::string_view kind = core::ToText(o.kind);
    const std::string_view reason = core::ToText(o.reason);
    const bool same = s.present && s.kind == kind && s.reason == reason &&
                      s.assumption == o.assumption && s.basis == o.basis;
    // Every scan yields an outcome for every exposure and outcomes cascade with their scan, so
    // no stored row is left without a computed one.
    if (!same) WriteOutcome(exposure_id, o);
  }
}

void Recomputer::WriteOutcome(std::int64_t exposure_id, const core::Outcome& o) {
  upsert_outcome_.Bind(1, exposure_id)
      .Bind(2, o.scan.id)
      .Bind(3, core::ToText(o.kind))
      .Bind(4, core::ToText(o.reason))
      .Bind(5, o.assumption)
      .Bind(6, o.basis);
  upsert_outcome_.Run();
}

void Recomputer::UpdateExposure(const ExposureRow& row, const core::LifecycleResult& result) {
  const std::string_view state = core::ToText(*result.state);
  const std::optional<std::int64_t> verified_by =
      result.verified_by ? std::optional<std::int64_t>(result.verified_by->id) : std::nullopt;
  if (state == row.state && result.first_seen == row.first_seen &&
      result.last_seen == row.last_seen && result.last_checked == row.last_checked &&
      verified_by == row.verified_by) {
    return;
  }
  update_exposure_.Bind(1, row.id)
      .Bind(2, state)
      .Bind(3, result.first_seen)
      .Bind(4, result.last_seen)
      .Bind(5, result.last_checked)
      .Bind(6, verified_by);
  update_exposure_.Run();
}

bool Recomputer::AnyScanNeedsProbes() const {
  for (const core::ExposureObservation& o : templates_) {
    if (o.plugin_coverage_only) return true;  // I12 asks whether the port was seen open
    if (!o.port_range) return true;
    const auto range = core::PortRange::Parse(*o.port_range);
    if (!range || range->IsScannerDefault()) return true;
  }
  return false;
}

}  // namespace ttmtrack::db::lifecycle
