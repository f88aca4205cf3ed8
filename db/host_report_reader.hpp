#pragma once

// Private to db/: the batched reads behind Store::ReadHostReports and Store::BuildHostReport.

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/host_report.hpp"
#include "db/sql/statement.hpp"

namespace ttmtrack::db {

namespace sql {
class Connection;
}

// Reads the reports of a window of hosts with five queries (identity and scans, exposures,
// evidence, timeline, vantage-point checks), each `... WHERE ip IN (?1, ..., ?kWindow)`,
// prepared once by the constructor and reused for every window: the cost per host is rows read,
// not statements prepared and planned (issue 16: per-host statements were the top of the
// report's profile). Each scan is read once too, the first time a row names it, into a cache
// of references by id: a year of nightly history is 365 scans but hundreds of thousands of rows
// naming one, each of which would otherwise join and read its scan's six columns again.
// Firewall-ruleset answers are read the same way, a sixth query per window.
//
// Borrows `db`, which must outlive the reader. Not thread-safe (one connection). Throws
// ttmtrack::Error (kDatabase, kBusy).
class HostReportReader {
 public:
  // Hosts per window. A window's reports are in memory at once: with a year of nightly scans a
  // host report is about 300 KB, so a window stays within a few MB; with one scan a window
  // is tiny, and 10,000 hosts are 1,250 windows, 5,000 queries: a fraction of a second.
  static constexpr std::size_t kWindow = 8;

  explicit HostReportReader(sql::Connection& db);

  // The reports of `hosts` (host keys, at most kWindow), in that order; a host that no scan
  // ever reported and that has no exposure is left out. Each report is what
  // Store::BuildHostReport gives for its host.
  std::vector<core::HostReport> Read(std::span<const std::string> hosts);

 private:
  void Bind(sql::Statement& statement, std::span<const std::string> hosts);
  // Also each host's latest name (HostNameExpression) into `names`, by window position.
  void ReadIdentities(std::span<const std::string> hosts, std::vector<core::HostReport>& reports,
                      std::vector<std::string>& names);
  void ReadExposures(std::span<const std::string> hosts, std::vector<core::HostReport>& reports);
  void ReadEvidence(std::span<const std::string> hosts, std::vector<core::HostReport>& reports);
  void ReadTimelines(std::span<const std::string> hosts, std::vector<core::HostReport>& reports);
  // Firewall-ruleset answers: one query per window too (most hosts have none).
  void ReadFirewallChecks(std::span<const std::string> hosts,
                          std::vector<core::HostReport>& reports);
  void ReadVantageChecks(std::span<const std::string> hosts,
                         std::vector<core::HostReport>& reports);
  // The scan with this id, which a row of the window's queries names: from the cache, else
  // read and cached. Valid until the reader is destroyed (references into an unordered_map
  // survive insertions).
  const core::ScanRef& Scan(std::int64_t id);

  std::unordered_map<std::int64_t, core::ScanRef> scans_;
  sql::Statement scan_;
  sql::Statement identities_;
  sql::Statement exposures_;
  sql::Statement evidence_;
  sql::Statement timelines_;
  sql::Statement firewall_checks_;
  sql::Statement vantage_checks_;
};

}  // namespace ttmtrack::db
