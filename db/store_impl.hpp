#pragma once

// Private to db/: the Store's state and the helpers its .cpp files share.

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/coverage_policy.hpp"
#include "core/exposure_status.hpp"
#include "core/firewall_check.hpp"
#include "core/scan_ref.hpp"
#include "db/lifecycle/recomputer.hpp"
#include "db/sql/connection.hpp"
#include "db/sql/statement.hpp"
#include "db/store.hpp"

namespace ttmtrack::db {

class Store::Impl {
 public:
  Impl(const std::string& path, Store::Options options);

  std::int64_t Now() const;
  // The stored value of a known key, or its default. REQUIRES: core::FindSetting(key) != nullptr.
  std::string SettingValue(std::string_view key);
  core::CoveragePolicy Policy();
  // A full recomputation (lifecycle::Recomputer::RunAll) under the stored policy.
  // REQUIRES: a write transaction is open.
  void Recompute(lifecycle::RulesChanged rules_changed = lifecycle::RulesChanged::kYes);
  // The recomputation after importing scan `scan_id`: the incremental one
  // (lifecycle::Recomputer::RunAfterImport), or Recompute when the import learned a rule.
  void RecomputeAfterImport(std::int64_t scan_id, bool rules_changed);

  sql::Connection db;
  Store::Options options;
};

// SQL selecting the id of the latest scan of each task, a task being one (scanner, scan name):
// what "currently" means on the summary page, and what a host drops out of
// (HostsDroppedOutOfScanning). A complete SELECT, for `id IN (...)`.
inline constexpr const char* kLatestScanOfEachTask =
    "SELECT s.id FROM scans s WHERE NOT EXISTS (SELECT 1 FROM scans t WHERE "
    "t.scanner = s.scanner AND t.scan_name = s.scan_name AND "
    "(t.scan_time, t.sha256) > (s.scan_time, s.sha256))";

// The scan with this id, as ListScans gives it; nullopt when none.
std::optional<ScanRow> FindScan(sql::Connection& db, std::int64_t id);

// SQL select-list of a scan reference for a `scans` table aliased `alias`: six columns that
// ReadScanRef reads back starting at `first`.
std::string ScanRefColumns(std::string_view alias);
core::ScanRef ReadScanRef(const sql::Statement& row, int first);
// nullopt when the reference's id column is NULL (an outer join found no scan).
std::optional<core::ScanRef> ReadOptionalScanRef(const sql::Statement& row, int first);

// SQL select-list of a matched detection as evidence, for a `detections` table aliased `alias`:
// seven columns (port to tier) that ReadEvidenceRow reads back starting at `first`.
std::string EvidenceColumns(std::string_view alias);
// The evidence of one detection row, but for its scan, which the caller sets: from ReadScanRef
// on the same row, or from a cache of scan references (HostReportReader).
core::Evidence ReadEvidenceRow(const sql::Statement& row, int first);

// SQL select-list and joins of an exposure as ListExposures gives it (exposures aliased `e`),
// to be followed by a WHERE clause; ReadExposure reads a row back. kSelected: its hostname is
// the host's latest name (a subquery per exposure); kLeftEmpty: '' (for a caller that reads
// the host's names anyway, HostReportReader).
enum class ExposureHostname { kSelected, kLeftEmpty };
std::string ExposureSelect(ExposureHostname hostname);
core::Exposure ReadExposure(const sql::Statement& row);

// SQL expression naming a scan_hosts row aliased `alias`: FQDN, else NetBIOS name, else the
// scanned name when it is not the IP itself; '' when none.
std::string HostNameExpression(std::string_view alias);

// SQL select-list of a vantage-point check, for a `vantage_checks` table aliased `alias`: nine
// columns that ReadVantageCheckRow reads back starting at `first`, as a check of `exposure`
// (whose address and port the row's own are).
std::string VantageCheckColumns(std::string_view alias);
core::VantageCheckRecord ReadVantageCheckRow(const sql::Statement& row, int first,
                                             const core::Exposure& exposure);
// Every vantage-point check of the exposure's (ip, port, protocol), oldest first.
std::vector<core::VantageCheckRecord> SelectVantageChecks(sql::Connection& db,
                                                          const core::Exposure& exposure);

// SQL select-list of a firewall_checks row (no alias; columns ip first) that ReadFirewallCheck
// reads back starting at `first`.
std::string FirewallCheckColumns();
core::FirewallCheck ReadFirewallCheck(const sql::Statement& row, int first);
// Every firewall-ruleset answer for the exposure's (ip, port, protocol), oldest collection first.
std::vector<core::FirewallCheck> SelectFirewallChecks(sql::Connection& db,
                                                      const core::Exposure& exposure);

// What judging an exposure's status needs beside its own facts: read once per report or
// listing, not once per exposure.
struct TriageContext {
  std::vector<core::DecisionRecord> records;  // every record, in the order made
  core::DeadlinePolicy policy;
  std::int64_t now = 0;

  // REQUIRES: `changes` are the exposure's state changes in timeline order.
  core::ExposureStatus Assess(const core::Exposure& exposure,
                              std::span<const core::StateChange> changes) const {
    return core::AssessExposure(exposure, changes, records, policy, now);
  }
};

// Calls `visit` with the id and the state changes of every exposure `filter` selects that has a
// covering outcome (detected or absent), one exposure at a time in id order: the covering
// outcomes are read in one pass, ordered by exposure and timeline, and folded as they come
// (core::ApplyOutcome), so memory holds one exposure's changes, not the database's outcomes.
using ChangesVisitor =
    std::function<void(std::int64_t exposure_id, std::span<const core::StateChange> changes)>;
void ForEachExposureChanges(sql::Connection& db, const ExposureFilter& filter,
                            const ChangesVisitor& visit);

// The status of each of `exposures` (what ListExposures(filter) gave), in their order, from one
// pass of ForEachExposureChanges; `also`, when set, sees each exposure's changes too (the
// summary's chart counts them in the same pass).
std::vector<core::ExposureStatus> AssessExposures(sql::Connection& db,
                                                  const std::vector<core::Exposure>& exposures,
                                                  const ExposureFilter& filter,
                                                  const TriageContext& triage,
                                                  const ChangesVisitor& also = {});

}  // namespace ttmtrack::db
