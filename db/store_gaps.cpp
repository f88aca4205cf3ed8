// Store: coverage gaps — hosts that dropped out of scanning (docs/cli.md, "run"). The one home
// of this query: `ttmtrack run`'s summary and notifications use it, and the auditors' gaps
// command and summary page (issue 12) are to use it too.
#include <algorithm>

#include "core/host_key.hpp"
#include "db/store.hpp"
#include "db/store_impl.hpp"

namespace ttmtrack::db {

std::vector<DroppedOutHost> Store::HostsDroppedOutOfScanning() {
  // For every named task with more than one scan: each host an earlier scan reported that the
  // latest scan does not, with the most recent earlier scan that reported it.
  auto select = impl_->db.Prepare(
      "WITH latest AS (SELECT id, scanner, scan_name FROM scans WHERE scan_name <> '' AND id IN (" +
      std::string(kLatestScanOfEachTask) +
      ")), "
      "sightings AS (SELECT h.id AS host_row, h.ip, e.id AS scan_id, l.id AS latest_id, "
      "row_number() OVER (PARTITION BY l.id, h.ip ORDER BY e.scan_time DESC, e.sha256 DESC) "
      "AS recency "
      "FROM latest l JOIN scans e ON e.scanner = l.scanner AND e.scan_name = l.scan_name "
      "AND e.id <> l.id JOIN scan_hosts h ON h.scan_id = e.id "
      "WHERE NOT EXISTS (SELECT 1 FROM scan_hosts x WHERE x.scan_id = l.id AND x.ip = h.ip)) "
      "SELECT si.ip, " +
      HostNameExpression("h") + ", " + ScanRefColumns("seen") + ", " + ScanRefColumns("l") +
      " FROM sightings si JOIN scan_hosts h ON h.id = si.host_row "
      "JOIN scans seen ON seen.id = si.scan_id JOIN scans l ON l.id = si.latest_id "
      "WHERE si.recency = 1");
  std::vector<DroppedOutHost> hosts;
  while (select.Step()) {
    DroppedOutHost host;
    host.ip = select.Text(0);
    host.hostname = select.Text(1);
    host.last_seen_by = ReadScanRef(select, 2);
    host.latest_scan = ReadScanRef(select, 8);
    hosts.push_back(std::move(host));
  }
  std::sort(hosts.begin(), hosts.end(), [](const DroppedOutHost& a, const DroppedOutHost& b) {
    if (a.latest_scan.scanner != b.latest_scan.scanner) {
      return a.latest_scan.scanner < b.latest_scan.scanner;
    }
    if (a.latest_scan.scan_name != b.latest_scan.scan_name) {
      return a.latest_scan.scan_name < b.latest_scan.scan_name;
    }
    return core::HostKeyLess(a.ip, b.ip);
  });
  return hosts;
}

}  // namespace ttmtrack::db
