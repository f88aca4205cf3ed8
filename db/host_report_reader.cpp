#include "db/host_report_reader.hpp"

#include <algorithm>
#include <map>
#include <tuple>
#include <utility>

#include "db/sql/connection.hpp"
#include "db/store_impl.hpp"
#include "db/store_text.hpp"

namespace ttmtrack::db {
namespace {

// "(?1, ?2, ..., ?N)" for N = the window.
std::string InList() {
  std::string list = "(";
  for (std::size_t i = 1; i <= HostReportReader::kWindow; ++i) {
    list += (i == 1 ? "?" : ", ?") + std::to_string(i);
  }
  return list + ")";
}

// Where `ip` is in the window; rows come grouped by host, so the last answer is tried first.
class WindowIndex {
 public:
  explicit WindowIndex(std::span<const std::string> hosts) : hosts_(hosts) {}
  std::size_t Of(const std::string& ip) {
    if (last_ < hosts_.size() && hosts_[last_] == ip) return last_;
    last_ = static_cast<std::size_t>(std::find(hosts_.begin(), hosts_.end(), ip) - hosts_.begin());
    return last_;  // hosts_.size() when not in the window (cannot happen: the query binds them)
  }

 private:
  std::span<const std::string> hosts_;
  std::size_t last_ = 0;
};

// The exposure of `report` on (port, protocol); nullptr when it has none.
core::ExposureReport* FindExposure(core::HostReport& report, std::int64_t port,
                                   const std::string& protocol) {
  for (core::ExposureReport& e : report.exposures) {
    if (e.exposure.port == port && e.exposure.protocol == protocol) return &e;
  }
  return nullptr;
}

// Orders `items` (outcomes or evidence, each with its cached scan) in timeline order, core::
// Replay's (scan time, then sha256; I7), as an ORDER BY on the joined scans would, without the
// join and SQLite's sorter: rows come in import order (scan ids), which for nightly imports
// already is timeline order. Stable: the rows of one scan keep the order they came in.
template <typename Item>
void OrderByScan(std::vector<Item>& items) {
  const auto before = [](const Item& a, const Item& b) {
    return std::tie(a.scan.time, a.scan.sha256) < std::tie(b.scan.time, b.scan.sha256);
  };
  if (!std::is_sorted(items.begin(), items.end(), before)) {
    std::stable_sort(items.begin(), items.end(), before);
  }
}

}  // namespace

HostReportReader::HostReportReader(sql::Connection& db)
    : scan_(db.Prepare("SELECT " + ScanRefColumns("s") + " FROM scans s WHERE s.id = ?1")),
      // Oldest scan first, so each identity attribute ends as the latest non-empty value.
      identities_(db.Prepare("SELECT h.ip, h.fqdn, h.netbios_name, h.os, h.mac, " +
                             HostNameExpression("h") +
                             ", h.scan_id FROM scan_hosts h JOIN scans s ON s.id = h.scan_id "
                             "WHERE h.ip IN " +
                             InList() + " ORDER BY h.ip, s.scan_time, s.sha256")),
      exposures_(
          db.Prepare(ExposureSelect(ExposureHostname::kLeftEmpty) + "WHERE e.ip IN " + InList())),
      // By id within each exposure: ReadEvidence orders them by their cached scans (OrderByScan).
      evidence_(db.Prepare("SELECT d.ip, d.scan_id, " + EvidenceColumns("d") +
                           " FROM detections d WHERE d.ip IN " + InList() +
                           " AND d.rule_id IS NOT NULL ORDER BY d.ip, d.port, d.protocol, d.id")),
      // Unordered: ReadTimelines orders each exposure's rows by their cached scans.
      timelines_(db.Prepare("SELECT o.exposure_id, o.scan_id, o.kind, o.reason, o.assumption, "
                            "o.basis FROM outcomes o "
                            "JOIN exposures e ON e.id = o.exposure_id WHERE e.ip IN " +
                            InList())),
      firewall_checks_(db.Prepare("SELECT " + FirewallCheckColumns() +
                                  " FROM firewall_checks WHERE ip IN " + InList() +
                                  " ORDER BY ip, port, protocol, collected_at, id")),
      vantage_checks_(db.Prepare("SELECT v.ip, v.port, v.protocol, " + VantageCheckColumns("v") +
                                 " FROM vantage_checks v WHERE v.ip IN " + InList() +
                                 " ORDER BY v.ip, v.port, v.protocol, v.checked_at, v.id")) {}

void HostReportReader::Bind(sql::Statement& statement, std::span<const std::string> hosts) {
  statement.Reset();  // also clears the bindings: the unused places stay NULL, matching nothing
  for (std::size_t i = 0; i < hosts.size(); ++i) {
    statement.Bind(static_cast<int>(i + 1), hosts[i]);
  }
}

const core::ScanRef& HostReportReader::Scan(std::int64_t id) {
  if (const auto found = scans_.find(id); found != scans_.end()) return found->second;
  scan_.Reset();
  scan_.Bind(1, id);
  core::ScanRef ref;
  if (scan_.Step()) {
    ref = ReadScanRef(scan_, 0);
  } else {
    ref.id = id;  // cannot happen: every row naming a scan references it (foreign keys)
  }
  return scans_.emplace(id, std::move(ref)).first->second;
}

std::vector<core::HostReport> HostReportReader::Read(std::span<const std::string> hosts) {
  std::vector<core::HostReport> reports(hosts.size());
  for (std::size_t i = 0; i < hosts.size(); ++i) reports[i].identity.ip = hosts[i];
  std::vector<std::string> names(hosts.size());
  ReadIdentities(hosts, reports, names);
  ReadExposures(hosts, reports);
  for (std::size_t i = 0; i < hosts.size(); ++i) {
    for (core::ExposureReport& e : reports[i].exposures) e.exposure.hostname = names[i];
  }
  ReadEvidence(hosts, reports);
  ReadTimelines(hosts, reports);
  ReadVantageChecks(hosts, reports);
  ReadFirewallChecks(hosts, reports);
  std::erase_if(reports, [](const core::HostReport& report) {
    return report.identity.scans.empty() && report.exposures.empty();
  });
  return reports;
}

void HostReportReader::ReadIdentities(std::span<const std::string> hosts,
                                      std::vector<core::HostReport>& reports,
                                      std::vector<std::string>& names) {
  Bind(identities_, hosts);
  WindowIndex index(hosts);
  while (identities_.Step()) {
    const std::size_t at = index.Of(identities_.Text(0));
    // The exposures' hostname, as ListExposures selects it: the latest non-empty name.
    if (std::string name = identities_.Text(5); !name.empty()) names[at] = std::move(name);
    core::HostIdentity& id = reports[at].identity;
    for (auto [field, column] : {std::pair{&id.fqdn, 1}, std::pair{&id.netbios_name, 2},
                                 std::pair{&id.os, 3}, std::pair{&id.mac, 4}}) {
      std::string value = identities_.Text(column);
      if (!value.empty()) *field = std::move(value);
    }
    id.scans.push_back(Scan(identities_.Int64(6)));
  }
}

void HostReportReader::ReadExposures(std::span<const std::string> hosts,
                                     std::vector<core::HostReport>& reports) {
  Bind(exposures_, hosts);
  WindowIndex index(hosts);
  while (exposures_.Step()) {
    core::ExposureReport exposure;
    exposure.exposure = ReadExposure(exposures_);
    reports[index.Of(exposure.exposure.ip)].exposures.push_back(std::move(exposure));
  }
  for (core::HostReport& report : reports) {
    std::sort(report.exposures.begin(), report.exposures.end(), [](const auto& a, const auto& b) {
      return std::tie(a.exposure.port, a.exposure.protocol) <
             std::tie(b.exposure.port, b.exposure.protocol);
    });
  }
}

void HostReportReader::ReadEvidence(std::span<const std::string> hosts,
                                    std::vector<core::HostReport>& reports) {
  Bind(evidence_, hosts);
  WindowIndex index(hosts);
  while (evidence_.Step()) {
    core::Evidence item = ReadEvidenceRow(evidence_, 2);
    item.scan = Scan(evidence_.Int64(1));
    // A matched detection always has its exposure (the lifecycle derives them from these rows).
    if (core::ExposureReport* e =
            FindExposure(reports[index.Of(evidence_.Text(0))], item.port, item.protocol)) {
      e->evidence.push_back(std::move(item));
    }
  }
  for (core::HostReport& report : reports) {
    for (core::ExposureReport& e : report.exposures) OrderByScan(e.evidence);
  }
}

void HostReportReader::ReadTimelines(std::span<const std::string> hosts,
                                     std::vector<core::HostReport>& reports) {
  std::map<std::int64_t, core::ExposureReport*> by_id;
  for (core::HostReport& report : reports) {
    for (core::ExposureReport& e : report.exposures) by_id.emplace(e.exposure.id, &e);
  }
  Bind(timelines_, hosts);
  while (timelines_.Step()) {
    core::Outcome o;
    o.exposure_id = timelines_.Int64(0);
    o.scan = Scan(timelines_.Int64(1));
    o.kind = ParseStored<core::OutcomeKind>(timelines_.Text(2));
    o.reason = ParseStored<core::NotCoveredReason>(timelines_.Text(3));
    o.assumption = timelines_.Text(4);
    o.basis = timelines_.Text(5);
    if (const auto it = by_id.find(o.exposure_id); it != by_id.end()) {
      it->second->timeline.push_back(std::move(o));
    }
  }
  for (const auto& [id, e] : by_id) OrderByScan(e->timeline);
}

void HostReportReader::ReadFirewallChecks(std::span<const std::string> hosts,
                                          std::vector<core::HostReport>& reports) {
  Bind(firewall_checks_, hosts);
  WindowIndex index(hosts);
  while (firewall_checks_.Step()) {
    core::FirewallCheck check = ReadFirewallCheck(firewall_checks_, 0);
    // An answer is stored for an exposure that existed; one whose exposure a recomputation has
    // since removed has nowhere to be shown.
    if (core::ExposureReport* e =
            FindExposure(reports[index.Of(check.ip)], check.port, check.protocol)) {
      e->firewall_checks.push_back(std::move(check));
    }
  }
}

void HostReportReader::ReadVantageChecks(std::span<const std::string> hosts,
                                         std::vector<core::HostReport>& reports) {
  Bind(vantage_checks_, hosts);
  WindowIndex index(hosts);
  while (vantage_checks_.Step()) {
    // A check of a port that was never an exposure belongs to no report (History reads checks
    // per exposure too).
    if (core::ExposureReport* e = FindExposure(reports[index.Of(vantage_checks_.Text(0))],
                                               vantage_checks_.Int64(1), vantage_checks_.Text(2))) {
      e->vantage_checks.push_back(ReadVantageCheckRow(vantage_checks_, 3, e->exposure));
    }
  }
}

}  // namespace ttmtrack::db
