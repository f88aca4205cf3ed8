#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/coverage_policy.hpp"
#include "core/exposure.hpp"
#include "core/exposure_status.hpp"
#include "core/firewall_check.hpp"
#include "core/host_report.hpp"
#include "core/rule.hpp"
#include "core/scan_sink.hpp"
#include "core/triage.hpp"
#include "db/store_types.hpp"

namespace ttmtrack::db {

// The ttmtrack database: imported scans, their hosts and coverage facts, c564e5ab detections,
// rules, settings, and the derived lifecycle (exposures and outcomes). docs/schema.md describes
// the tables, docs/verification.md the lifecycle, docs/rules.md the rules.
//
// Derived data: exposures and outcomes are recomputed from scans, hosts, detections, rules and
// settings after every import, rule change and setting change (RecomputeLifecycle), so any
// import order gives the same states and histories.
//
// Ownership and threads: a Store owns one database connection (db/open_connection.hpp). Not
// thread-safe; use one Store per thread (SQLite's WAL and busy timeout let several processes
// share the file).
//
// Errors: every method throws ttmtrack::Error — kBusy when the database stays locked past the
// busy timeout, kDatabase for other SQLite failures, kUsage for invalid arguments (unknown
// setting key, bad value, bad rule value), kBadInput when an import's data is unusable. Expected
// outcomes (already imported, rule exists, default rule) are return values.
class Store {
 public:
  struct Options {
    using PhaseObserver = std::function<void(std::string_view)>;
    // Clock for imported_at and rules.created_at; tests pin it. Defaults to the system clock.
    std::function<std::int64_t()> now;
    // Ceiling of SQLite's page cache, KiB. Memory use is this plus a bounded constant,
    // whatever the size of an export or the database (docs/benchmark.md).
    int page_cache_kib = 8192;
    // A test hook (db/sql/phase_observer.hpp): told each named point an import passes, from
    // BEGIN through the recomputation to inside the COMMIT. Empty: no observation at all.
    PhaseObserver phase_observer;
  };

  // The newest schema version this build knows (SQLite keeps it in PRAGMA user_version).
  static int SupportedSchemaVersion();

  // Opens or creates the database `path` names (a file, or a location db/open_connection.hpp
  // parses) and runs pending migrations in one transaction. Throws kDatabase when the file is not
  // a database or its schema version is newer than SupportedSchemaVersion() (the message names
  // both versions), kBusy when locked, kUsage for a location this build cannot open.
  explicit Store(const std::string& path);
  Store(const std::string& path, Options options);
  Store(Store&&) noexcept;
  Store& operator=(Store&&) noexcept;
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;
  ~Store();

  int SchemaVersion();
  const std::string& path() const;

  // --- Import --------------------------------------------------------------------------------

  // The stored scan whose XML has this SHA-256 (its identity); nullopt when none.
  std::optional<ScanRow> FindScanBySha256(const std::string& sha256);
  // Whether a stored scan was read from a file of exactly `file_size` bytes that ended in the
  // same bytes (ScanInfo::file_tail_sha256): only then can a file be one already imported, and
  // is it worth hashing before parsing (docs/importer.md, "Scan identity"). Scans stored before
  // schema v4 have no size and never match; those stored before v8 have no tail hash and match
  // on their size alone.
  bool MayHoldFile(std::uint64_t file_size, const std::string& file_tail_sha256);
  // The stored scan read from a file with these bytes; nullopt when none.
  std::optional<ScanRow> FindScanByFile(std::uint64_t file_size, const std::string& file_sha256);

  // Imports one scan in one transaction (BEGIN IMMEDIATE). Calls `read` with a sink that stores
  // what it receives as it arrives (nothing is buffered: memory stays flat whatever the export
  // size); the scan's identity arrives with EndScan (ScanInfo::sha256, the SHA-256 of its XML,
  // and file_sha256). When a stored scan has the same XML or the same file bytes, the import is
  // rolled back and returns kAlreadyImported with that scan: the same scan plain and gzip is one
  // scan. Otherwise it recomputes the lifecycle and commits.
  // `read` must call BeginScan, then Host/Result any number of times, then EndScan (the
  // core::ScanSink contract). If `read` throws, the transaction rolls back, nothing is stored,
  // and the exception propagates unchanged. Throws kInternal when `read` returns without
  // calling EndScan or EndScan brings no SHA-256, kBadInput for a result that names no host at
  // all and for a scan dated after the import by more than import.future-margin-hours.
  ImportResult ImportScan(const std::function<void(core::ScanSink&)>& read);

  // Recomputes rule matches of stored detections, plugin enablement per scan, every outcome and
  // every exposure state (docs/verification.md). Called by the mutating methods; public for
  // tests and the benchmark.
  void RecomputeLifecycle();

  // --- Rules (docs/rules.md) -----------------------------------------------------------------

  std::vector<core::Rule> ListRules();  // ordered by id; disabled rules included
  // Adds a user rule. kNessusId values must be decimal digits; kOid values dotted digits;
  // name/service values non-empty (trimmed). Throws kUsage otherwise. A rule with the same kind
  // and value → kAlreadyExists, nothing changed; except a learned coverage-scope rule, which
  // becomes this user match rule (enabled) → kAdded.
  AddRuleResult AddRule(core::RuleKind kind, const std::string& value, const std::string& note);
  // Removes a user or learned rule; default rules cannot be removed (kIsDefault; disable them).
  RemoveRuleStatus RemoveRule(std::int64_t id);
  // Enables or disables any rule; false when no rule has this id. A disabled rule matches
  // nothing and does not count for plugin enablement.
  bool SetRuleEnabled(std::int64_t id, bool enabled);

  // --- Vantage-point checks (docs/verification.md, "Vantage-point checks") -------------------

  // Stores the checks of one `ttmtrack verify` run in one transaction and recomputes the
  // lifecycle: a check that counts as a detection (VantageCheckRecord::IsDetection) may open,
  // keep open or reopen an exposure. Throws kUsage for a record without a vantage name.
  void RecordVantageChecks(const std::vector<core::VantageCheckRecord>& checks);

  // --- Firewall-ruleset evidence (docs/verification.md, "Firewall-ruleset evidence") ---------

  // Stores the answers of one `ttmtrack evidence firewall` run, all or none (one transaction);
  // recorded_at is set to Now() where it is 0. Changes no exposure's state: the answers are
  // evidence, not outcomes. Throws kUsage for an answer without ip, file or sha256.
  void RecordFirewallChecks(const std::vector<core::FirewallCheck>& checks);

  // --- Settings ------------------------------------------------------------------------------
  // The keys, their types, defaults and validation are core/setting_catalogue.hpp's
  // (docs/verification.md, "Assumptions"); the store keeps canonical values and reads them back.

  // Every setting of core::SettingCatalogue(), in its order, with its value.
  std::vector<SettingInfo> ListSettings();
  // Throws kUsage for an unknown key.
  std::string GetSetting(const std::string& key);
  // Validates, stores, and recomputes the lifecycle when the key affects it. Throws kUsage for
  // an unknown key or an invalid value (the message lists the allowed values).
  void SetSetting(const std::string& key, const std::string& value);
  core::CoveragePolicy GetCoveragePolicy();
  // import.nessus-utc-offset in seconds east of UTC (importer::ReadOptions for zone-less times).
  int NessusUtcOffsetSeconds();
  std::int64_t FutureMarginSeconds();

  // --- Queries -------------------------------------------------------------------------------
  // A host is identified by its key (core/host_key.hpp): the canonical address text, or the
  // name of a host exported without one. Arguments and filters naming a host take any spelling
  // of it ("::FFFF:10.0.0.5", "[10.0.0.5]"); the store applies core::HostKey. Rows carry keys.
  // Hosts are ordered by core::HostKeyLess, sorted in C++ rather than in SQL, so every store
  // lists them in one order (docs/schema.md, "Order of hosts").

  std::vector<ScanRow> ListScans();  // ordered by scan time, then sha256
  // Ordered by scan (time, sha256), host, port, protocol, id.
  std::vector<DetectionRow> ListDetections(const DetectionFilter& filter);
  // One row per exposure, ordered by host, port, protocol; hostname = latest known FQDN, else
  // NetBIOS name, else ReportHost name that is not the IP itself.
  std::vector<core::Exposure> ListExposures(const ExposureFilter& filter = {});
  // The exposures of `host` (only `port` when given) with every detection as evidence, every
  // outcome, scan by scan, every vantage-point check and every firewall-ruleset answer. Empty
  // when the host has no exposure.
  std::vector<core::ExposureReport> History(const std::string& host,
                                            std::optional<std::uint16_t> port = std::nullopt);
  // The key of every host that ever had an exposure, in host order.
  std::vector<std::string> ExposedHostIps();
  // nullopt when no scan ever reported `host`; identity.ip is its key.
  // Decisions, deadlines and staleness are judged at `now` (the report's time; default Now()).
  std::optional<core::HostReport> BuildHostReport(const std::string& host,
                                                  std::optional<std::int64_t> now = std::nullopt);
  core::SummaryReport BuildSummary(std::optional<std::int64_t> now = std::nullopt);

  // --- Triage decisions (core/triage.hpp, docs/triage.md) ----------------------------------------

  // The store's clock (Options::now, else the system clock): the time decisions are recorded at
  // and the default time `status` judges deadlines at.
  std::int64_t Now();
  // Appends `record` made now (made_at is set, id assigned) and returns it. Throws kUsage for an
  // empty reason or name, an `until` not after now, and a revoke of a target whose latest
  // record is no decision. Never changes an existing record (the table refuses it).
  core::DecisionRecord RecordDecision(core::DecisionRecord record);
  // Every record, in the order made (made_at, id).
  std::vector<core::DecisionRecord> ListDecisions();
  // sla.days, sla.network-days and stale.days.
  core::DeadlinePolicy GetDeadlinePolicy();
  // ListExposures(filter) with each exposure's decision, deadline and staleness at `now`. The
  // covering outcomes are read in one pass and replayed one exposure at a time: memory grows
  // with the exposures listed, not with their history.
  std::vector<core::ExposureStatus> ListExposureStatuses(const ExposureFilter& filter,
                                                         std::int64_t now);
  // The reports of `hosts` (keys, as ExposedHostIps gives them), as BuildHostReport gives each
  // (decisions, deadlines and staleness judged at `now`), read a window of hosts at a time with
  // one query per kind of fact and window, the statements prepared once
  // (db/host_report_reader.hpp): what a report of the whole estate reads. Calls `visit` with
  // each window's reports, in the order of `hosts`; a host that no scan ever reported is left
  // out. Only one window of reports is in memory at a time, never the estate: each exposure's
  // status is judged from its own timeline in the window; the decision records and the
  // deadline settings are read once.
  void ReadHostReports(const std::vector<std::string>& hosts,
                       const std::function<void(std::vector<core::HostReport>)>& visit,
                       std::optional<std::int64_t> now = std::nullopt);

  // --- Nightly runs and coverage gaps ----------------------------------------------------------

  // How the exposures changed since `before` (what ListExposures returned earlier) over the
  // scans `scan_ids` imported since (ExposureChanges).
  ExposureChanges ChangesSince(const std::vector<core::Exposure>& before,
                               const std::vector<std::int64_t>& scan_ids);
  // Every host that dropped out of scanning (DroppedOutHost), ordered by scanner, scan name and
  // IP. The one query for it: run summaries, notifications and coverage-gap reports use it.
  std::vector<DroppedOutHost> HostsDroppedOutOfScanning();

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace ttmtrack::db
