#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/rule.hpp"
#include "core/scan_sink.hpp"
#include "db/sql/statement.hpp"

namespace ttmtrack::db {

namespace sql {
class Connection;
}

// The store's core::ScanSink: writes one scan into the database as the importer reads it, so
// memory stays flat whatever the export size. Nothing is buffered but a bounded cache of host
// row ids. Hosts are keyed by normalised IP (the host name when the export gives none) and
// merged per (scan, ip); a result may come before its host or name a host that never gets a
// Host record. Every result with a port records that port as probed (scan_host_ports). Results
// that a rule matches become detections with their evidence verbatim; a name match teaches its
// plugin ID as a learned match rule, a service-name match as a learned coverage rule
// (core::RuleToLearn), used from the next result on.
//
// The scan's identity (ScanInfo::sha256, the SHA-256 of its XML) arrives with EndScan, when the
// importer has read the whole file. The scans row is written at BeginScan under a placeholder
// and given its identity there; when a stored scan already has this XML (or this file),
// EndScan records which (duplicate_of) and the caller rolls the whole import back.
//
// REQUIRES: the caller holds a write transaction for the whole import and discards it when
// anything throws (Store::ImportScan). Borrows `db`, which must outlive the writer. Not
// thread-safe. Throws ttmtrack::Error: kInternal when the ScanSink call order is broken or
// EndScan brings no SHA-256, kBadInput for a host or result with neither IP nor name and for a
// scan dated more than the future margin after `now`, SQLite errors as kDatabase/kBusy.
class ScanWriter : public core::ScanSink {
 public:
  // `rules` are the current rules (enabled or not; MatchRule skips disabled ones); `now` is
  // stored as imported_at and learned rules' created_at. A scan whose times reach past
  // now + `future_margin_seconds` is refused (docs/verification.md, "Scans from the future").
  ScanWriter(sql::Connection& db, std::int64_t now, std::vector<core::Rule> rules,
             std::int64_t future_margin_seconds);

  void BeginScan(const core::ScanInfo& scan) override;
  void Host(const core::HostRecord& host) override;
  void Result(const core::ResultRecord& result) override;
  void EndScan(const core::ScanInfo& scan, const core::ScanCoverage& coverage) override;

  bool ended() const { return ended_; }
  // The stored scan with the same XML or the same file, found at EndScan; nullopt otherwise.
  std::optional<std::int64_t> duplicate_of() const { return duplicate_of_; }
  std::int64_t scan_id() const { return scan_id_; }
  std::int64_t hosts() const { return hosts_; }
  std::int64_t results() const { return results_; }
  std::int64_t detections() const { return detections_; }
  int learned_rules() const { return learned_rules_; }
  // Hosts whose time could not be read (HostRecord::unreadable_time), and the first reason.
  std::int64_t unreadable_host_times() const { return unreadable_host_times_; }
  const std::string& first_unreadable_time() const { return first_unreadable_time_; }

 private:
  void RequireStarted(const char* call) const;
  std::int64_t HostId(const std::string& key, const std::string& name);
  std::optional<std::int64_t> FindHost(const std::string& key);
  std::int64_t ExistingHost(const std::string& key);
  void MergeHost(std::int64_t id, const core::HostRecord& host);
  void RememberHost(const std::string& key, std::int64_t id);
  void RecordTimeTexts(std::int64_t host_id, const core::HostRecord& host);
  void RecordPort(std::int64_t host_id, std::uint16_t port, const std::string& protocol);
  void Learn(const core::ResultRecord& result, const core::Rule& matched);
  std::optional<std::int64_t> StorePluginSet(const core::ScanCoverage& coverage);
  void StorePluginItems(const core::ScanCoverage& coverage);
  std::optional<std::int64_t> FindDuplicate(const core::ScanInfo& scan);
  void RefuseFutureScan();

  sql::Connection& db_;
  std::int64_t now_;
  std::vector<core::Rule> rules_;
  std::int64_t future_margin_seconds_;
  core::ScanFormat format_ = core::ScanFormat::kNessusV2;
  std::string file_name_;

  sql::Statement insert_host_;
  sql::Statement merge_host_;
  sql::Statement strengthen_completion_;
  sql::Statement host_time_texts_;
  sql::Statement touch_host_;
  sql::Statement name_host_;
  sql::Statement find_host_;
  sql::Statement insert_port_;
  sql::Statement insert_detection_;

  // ip → scan_hosts.id for this scan. Bounded (cleared when full): a miss costs a look-up.
  std::unordered_map<std::string, std::int64_t> host_ids_;
  // (scan_hosts.id, port, tcp|udp) already in scan_host_ports for this scan. Bounded (cleared
  // when full): a miss costs one INSERT ... ON CONFLICT DO NOTHING, never a wrong row.
  std::unordered_set<std::uint64_t> recorded_ports_;

  bool started_ = false;
  bool ended_ = false;
  std::int64_t scan_id_ = 0;
  std::int64_t hosts_ = 0;
  std::int64_t results_ = 0;
  std::int64_t hosts_made_by_results_ = 0;  // rows a result made before its Host record
  std::int64_t detections_ = 0;
  int learned_rules_ = 0;
  std::optional<std::int64_t> duplicate_of_;
  std::int64_t unreadable_host_times_ = 0;
  std::string first_unreadable_time_;
};

// The statement that inserts a scan_hosts row or merges it into the row of the same (scan, key):
// the first non-empty attribute, the widest time span, the strongest completion. Parameters:
// 1 scan_id, 2 key, 3 name, 4 fqdn, 5 netbios_name, 6 os, 7 mac, 8 started_at, 9 ended_at,
// 10 completion text. Shared with the schema upgrade that re-keys hosts (mapped_address_rekey).
std::string_view UpsertScanHostSql();

}  // namespace ttmtrack::db
