// Store: read-only queries (scans, detections, exposures, history).
#include <algorithm>
#include <map>
#include <tuple>

#include "core/host_key.hpp"
#include "db/result_filters_table.hpp"
#include "db/rules_table.hpp"
#include "db/store.hpp"
#include "db/store_impl.hpp"
#include "db/store_text.hpp"

namespace ttmtrack::db {
namespace {

// The select-list and joins of ReadScanRow (a function: the list is built at run time).
std::string ScanRowSelect() {
  return "SELECT s.id, s.file_name, s.sha256, s.format, s.gzip, s.scanner, s.scanner_version, "
         "s.scan_name, s.policy_name, s.report_id, s.run_status, s.started_at, s.ended_at, "
         "s.scan_time, s.imported_at, s.hosts_read, s.results_read, "
         "(SELECT count(*) FROM detections d WHERE d.scan_id = s.id), ps.count, s.port_range, "
         "j.plugin_enabled, j.plugin_basis, j.export_complete, j.export_basis, s.file_sha256, "
         "s.file_size, " +
         ResultFilterColumns("f") +
         " FROM scans s LEFT JOIN plugin_sets ps ON ps.id = s.plugin_set_id "
         "LEFT JOIN scan_judgements j ON j.scan_id = s.id "
         "LEFT JOIN scan_result_filters f ON f.scan_id = s.id ";
}

ScanRow ReadScanRow(const sql::Statement& r) {
  ScanRow row;
  row.id = r.Int64(0);
  row.info.file_name = r.Text(1);
  row.info.sha256 = r.Text(2);
  row.info.format = ParseStored<core::ScanFormat>(r.Text(3));
  row.info.gzip = r.Int(4) != 0;
  row.info.scanner = r.Text(5);
  row.info.scanner_version = r.Text(6);
  row.info.scan_name = r.Text(7);
  row.info.policy_name = r.Text(8);
  row.info.report_id = r.Text(9);
  row.info.run_status = r.Text(10);
  row.info.started_at = r.OptionalInt64(11);
  row.info.ended_at = r.OptionalInt64(12);
  row.scan_time = r.Int64(13);
  row.imported_at = r.Int64(14);
  row.hosts = r.Int64(15);
  row.results = r.Int64(16);
  row.detections = r.Int64(17);
  row.enabled_plugin_count = r.OptionalInt64(18);
  row.port_range = r.OptionalText(19);
  if (!r.IsNull(20)) row.plugin_enabled = {ParseStored<core::Knowledge>(r.Text(20)), r.Text(21)};
  if (!r.IsNull(22)) row.export_filter = {ParseStored<core::Knowledge>(r.Text(22)), r.Text(23)};
  row.info.file_sha256 = r.OptionalText(24).value_or("");
  row.info.file_size = static_cast<std::uint64_t>(r.OptionalInt64(25).value_or(0));
  row.result_filter = ReadResultFilter(r, 26);
  return row;
}

std::vector<ScanRow> SelectScans(sql::Connection& db, const std::string& where,
                                 const std::function<void(sql::Statement&)>& bind) {
  auto select = db.Prepare(ScanRowSelect() + where);
  bind(select);
  std::vector<ScanRow> rows;
  while (select.Step()) rows.push_back(ReadScanRow(select));
  return rows;
}

std::vector<core::Evidence> SelectEvidence(sql::Connection& db, const core::Exposure& e) {
  auto select =
      db.Prepare("SELECT " + ScanRefColumns("s") + ", " + EvidenceColumns("d") +
                 " FROM detections d JOIN scans s ON s.id = d.scan_id "
                 "WHERE d.ip = ?1 AND d.port = ?2 AND d.protocol = ?3 AND d.rule_id IS NOT NULL "
                 "ORDER BY s.scan_time, s.sha256, d.id");
  select.Bind(1, e.ip).Bind(2, static_cast<std::int64_t>(e.port)).Bind(3, e.protocol);
  std::vector<core::Evidence> evidence;
  while (select.Step()) {
    core::Evidence item = ReadEvidenceRow(select, 6);
    item.scan = ReadScanRef(select, 0);
    evidence.push_back(std::move(item));
  }
  return evidence;
}

std::vector<core::Outcome> SelectTimeline(sql::Connection& db, std::int64_t exposure_id) {
  auto select = db.Prepare("SELECT " + ScanRefColumns("s") +
                           ", o.kind, o.reason, o.assumption, o.basis FROM outcomes o "
                           "JOIN scans s ON s.id = o.scan_id WHERE o.exposure_id = ?1 "
                           "ORDER BY s.scan_time, s.sha256");
  select.Bind(1, exposure_id);
  std::vector<core::Outcome> timeline;
  while (select.Step()) {
    core::Outcome o;
    o.exposure_id = exposure_id;
    o.scan = ReadScanRef(select, 0);
    o.kind = ParseStored<core::OutcomeKind>(select.Text(6));
    o.reason = ParseStored<core::NotCoveredReason>(select.Text(7));
    o.assumption = select.Text(8);
    o.basis = select.Text(9);
    timeline.push_back(std::move(o));
  }
  return timeline;
}

}  // namespace

core::ScanRef ScanRow::Ref() const {
  core::ScanRef ref;
  ref.id = id;
  ref.file_name = info.file_name;
  ref.scanner = info.scanner;
  ref.scan_name = info.scan_name;
  ref.time = scan_time;
  ref.sha256 = info.sha256;
  return ref;
}

std::string ScanRefColumns(std::string_view alias) {
  const std::string a(alias);
  return a + ".id, " + a + ".file_name, " + a + ".scanner, " + a + ".scan_name, " + a +
         ".scan_time, " + a + ".sha256";
}

core::ScanRef ReadScanRef(const sql::Statement& row, int first) {
  core::ScanRef ref;
  ref.id = row.Int64(first);
  ref.file_name = row.Text(first + 1);
  ref.scanner = row.Text(first + 2);
  ref.scan_name = row.Text(first + 3);
  ref.time = row.OptionalInt64(first + 4);
  ref.sha256 = row.Text(first + 5);
  return ref;
}

std::optional<core::ScanRef> ReadOptionalScanRef(const sql::Statement& row, int first) {
  if (row.IsNull(first)) return std::nullopt;
  return ReadScanRef(row, first);
}

std::string EvidenceColumns(std::string_view alias) {
  const std::string a(alias);
  return a + ".port, " + a + ".protocol, " + a + ".plugin_id, " + a + ".plugin_name, " + a +
         ".severity, " + a + ".output, " + a + ".tier";
}

core::Evidence ReadEvidenceRow(const sql::Statement& row, int first) {
  core::Evidence item;
  item.port = static_cast<std::uint16_t>(row.Int(first));
  item.protocol = row.Text(first + 1);
  item.plugin_id = row.Text(first + 2);
  item.plugin_name = row.Text(first + 3);
  item.severity = row.Int(first + 4);
  item.output = row.Text(first + 5);
  item.tier = ParseStored<core::DetectionTier>(row.Text(first + 6));
  return item;
}

std::string HostNameExpression(std::string_view alias) {
  const std::string a(alias);
  return "coalesce(nullif(" + a + ".fqdn, ''), nullif(" + a + ".netbios_name, ''), CASE WHEN " + a +
         ".name <> " + a + ".ip THEN " + a + ".name ELSE '' END)";
}

std::optional<ScanRow> FindScan(sql::Connection& db, std::int64_t id) {
  auto rows = SelectScans(db, "WHERE s.id = ?1", [&](sql::Statement& s) { s.Bind(1, id); });
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

std::optional<ScanRow> Store::FindScanBySha256(const std::string& sha256) {
  auto rows =
      SelectScans(impl_->db, "WHERE s.sha256 = ?1", [&](sql::Statement& s) { s.Bind(1, sha256); });
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

bool Store::MayHoldFile(std::uint64_t file_size, const std::string& file_tail_sha256) {
  auto select = impl_->db.Prepare(
      "SELECT 1 FROM scans WHERE file_size = ?1 "
      "AND (file_tail_sha256 IS NULL OR file_tail_sha256 = ?2) LIMIT 1");
  select.Bind(1, static_cast<std::int64_t>(file_size)).Bind(2, file_tail_sha256);
  return select.Step();
}

std::optional<ScanRow> Store::FindScanByFile(std::uint64_t file_size,
                                             const std::string& file_sha256) {
  auto rows = SelectScans(impl_->db, "WHERE s.file_sha256 = ?1 AND s.file_size = ?2 LIMIT 1",
                          [&](sql::Statement& s) {
                            s.Bind(1, file_sha256).Bind(2, static_cast<std::int64_t>(file_size));
                          });
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

std::vector<ScanRow> Store::ListScans() {
  return SelectScans(impl_->db, "ORDER BY s.scan_time, s.sha256", [](sql::Statement&) {});
}

std::vector<DetectionRow> Store::ListDetections(const DetectionFilter& filter) {
  std::map<std::int64_t, core::Rule> rules;
  for (core::Rule& rule : LoadRules(impl_->db)) rules.emplace(rule.id, std::move(rule));
  auto select = impl_->db.Prepare(
      "SELECT d.id, " + ScanRefColumns("s") + ", d.ip, " + HostNameExpression("h") +
      ", d.port, d.protocol, d.service_name, d.plugin_id, d.plugin_name, d.plugin_family, "
      "d.severity, d.severity_label, d.output, d.rule_id, d.source_line, d.tier "
      "FROM detections d JOIN scans s ON s.id = d.scan_id JOIN scan_hosts h "
      "ON h.id = d.scan_host_id WHERE (?1 IS NULL OR d.ip = ?1) AND (?2 IS NULL OR d.port = ?2) "
      "AND (?3 IS NULL OR d.scan_id = ?3) AND (?4 OR d.rule_id IS NOT NULL)");
  if (filter.ip) select.Bind(1, core::HostKey(*filter.ip));
  if (filter.port) select.Bind(2, static_cast<std::int64_t>(*filter.port));
  if (filter.scan_id) select.Bind(3, *filter.scan_id);
  select.Bind(4, filter.include_unmatched ? 1 : 0);
  std::vector<DetectionRow> rows;
  while (select.Step()) {
    DetectionRow d;
    d.id = select.Int64(0);
    d.scan = ReadScanRef(select, 1);
    d.ip = select.Text(7);
    d.hostname = select.Text(8);
    d.port = static_cast<std::uint16_t>(select.Int(9));
    d.protocol = select.Text(10);
    d.service_name = select.Text(11);
    d.plugin_id = select.Text(12);
    d.plugin_name = select.Text(13);
    d.plugin_family = select.Text(14);
    d.severity = select.Int(15);
    d.severity_label = select.Text(16);
    d.output = select.Text(17);
    if (const auto rule_id = select.OptionalInt64(18)) {
      if (const auto it = rules.find(*rule_id); it != rules.end()) d.rule = it->second;
    }
    d.source_line = select.Int64(19);
    d.tier = ParseStored<core::DetectionTier>(select.Text(20));
    rows.push_back(std::move(d));
  }
  // Sorted here, not in SQL: hosts take the one core order (core::HostKeyLess), whatever store.
  std::sort(rows.begin(), rows.end(), [](const DetectionRow& a, const DetectionRow& b) {
    if (a.scan.sha256 != b.scan.sha256) {
      return std::tie(a.scan.time, a.scan.sha256) < std::tie(b.scan.time, b.scan.sha256);
    }
    if (a.ip != b.ip) return core::HostKeyLess(a.ip, b.ip);
    return std::tie(a.port, a.protocol, a.id) < std::tie(b.port, b.protocol, b.id);
  });
  return rows;
}

std::string ExposureSelect(ExposureHostname hostname) {
  const std::string latest_name =
      "(SELECT " + HostNameExpression("h") +
      " FROM scan_hosts h JOIN scans hs "
      "ON hs.id = h.scan_id WHERE h.ip = e.ip AND (h.fqdn <> '' OR h.netbios_name <> '' OR "
      "(h.name <> '' AND h.name <> h.ip)) ORDER BY hs.scan_time DESC, hs.sha256 DESC LIMIT 1)";
  return "SELECT e.id, e.ip, e.port, e.protocol, e.state, e.first_seen, e.last_seen, "
         "e.last_checked, " +
         ScanRefColumns("v") + ", " +
         (hostname == ExposureHostname::kSelected ? latest_name : std::string("''")) +
         ", e.tier FROM exposures e LEFT JOIN scans v ON v.id = e.verified_by_scan_id ";
}

core::Exposure ReadExposure(const sql::Statement& row) {
  core::Exposure e;
  e.id = row.Int64(0);
  e.ip = row.Text(1);
  e.port = static_cast<std::uint16_t>(row.Int(2));
  e.protocol = row.Text(3);
  e.state = ParseStored<core::ExposureState>(row.Text(4));
  e.first_seen = row.OptionalInt64(5);
  e.last_seen = row.OptionalInt64(6);
  e.last_checked = row.OptionalInt64(7);
  e.verified_by = ReadOptionalScanRef(row, 8);
  e.hostname = row.Text(14);
  e.tier = ParseStored<core::DetectionTier>(row.Text(15));
  return e;
}

std::vector<core::Exposure> Store::ListExposures(const ExposureFilter& filter) {
  auto select =
      impl_->db.Prepare(ExposureSelect(ExposureHostname::kSelected) +
                        "WHERE (?1 IS NULL OR e.state = ?1) AND (?2 IS NULL OR e.ip = ?2)");
  if (filter.state) select.Bind(1, core::ToText(*filter.state));
  if (filter.ip) select.Bind(2, core::HostKey(*filter.ip));
  std::vector<core::Exposure> exposures;
  while (select.Step()) exposures.push_back(ReadExposure(select));
  std::sort(exposures.begin(), exposures.end(), [](const auto& a, const auto& b) {
    if (a.ip != b.ip) return core::HostKeyLess(a.ip, b.ip);
    return std::tie(a.port, a.protocol) < std::tie(b.port, b.protocol);
  });
  return exposures;
}

std::vector<core::ExposureReport> Store::History(const std::string& host,
                                                 std::optional<std::uint16_t> port) {
  std::vector<core::ExposureReport> reports;
  for (core::Exposure& exposure : ListExposures({.ip = host})) {
    if (port && exposure.port != *port) continue;
    core::ExposureReport report;
    report.evidence = SelectEvidence(impl_->db, exposure);
    report.timeline = SelectTimeline(impl_->db, exposure.id);
    report.vantage_checks = SelectVantageChecks(impl_->db, exposure);
    report.firewall_checks = SelectFirewallChecks(impl_->db, exposure);
    report.exposure = std::move(exposure);
    reports.push_back(std::move(report));
  }
  return reports;
}

std::vector<std::string> Store::ExposedHostIps() {
  auto select = impl_->db.Prepare("SELECT DISTINCT ip FROM exposures");
  std::vector<std::string> ips;
  while (select.Step()) ips.push_back(select.Text(0));
  std::sort(ips.begin(), ips.end(),
            [](const std::string& a, const std::string& b) { return core::HostKeyLess(a, b); });
  return ips;
}

}  // namespace ttmtrack::db
