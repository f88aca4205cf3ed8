#pragma once

// The recomputation of the lifecycle's derived data (docs/verification.md, "Recomputation"):
// the Store runs one after every import, rule change and setting change.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/coverage_policy.hpp"
#include "core/exposure_observation.hpp"
#include "core/lifecycle.hpp"
#include "core/plugin_enablement.hpp"
#include "core/rule.hpp"
#include "db/sql/statement.hpp"

namespace ttmtrack::db {

namespace sql {
class Connection;
}

namespace lifecycle {

// What a recomputation may skip because the caller knows it did not change.
enum class RulesChanged { kYes, kNo };

// An exposures row as read, before the recomputation changes it.
struct ExposureRow {
  std::int64_t id = 0;
  std::string ip;
  std::uint16_t port = 0;
  std::string protocol;
  std::string state;
  std::optional<std::int64_t> first_seen;
  std::optional<std::int64_t> last_seen;
  std::optional<std::int64_t> last_checked;
  std::optional<std::int64_t> verified_by;
};

// An outcomes row as stored, compared with the new outcome before writing it.
struct StoredOutcome {
  bool present = false;
  std::string kind;
  std::string reason;
  std::string assumption;
  std::string basis;
};

// What one scan says about one host, packed in an int for the per-host vectors: kNotInScan, or
// the host's core::HostCompletion plus kUnreadableTime when a time of it could not be read.
inline constexpr int kNotInScan = -1;
inline constexpr int kUnreadableTime = 8;
int PackHostFact(std::string_view completion, bool unreadable_time);
// Fills the observation's host_in_scan, host_completion and host_time_unreadable.
void UnpackHostFact(int fact, core::ExposureObservation& o);

// One recomputation of exposures, outcomes, scan judgements and detection rules from the
// stored facts under `policy`. Borrows `db`, which must outlive it; single use (run one of the
// two); not thread-safe. Rows are written only where they change, so a recomputation that
// changes nothing writes nothing. Memory is bounded by one host's facts across all scans and a
// batch of exposures, not by the database. Throws ttmtrack::Error.
class Recomputer {
 public:
  Recomputer(sql::Connection& db, const core::CoveragePolicy& policy);

  // Recomputes everything, in this order:
  //  1. each detection's rule: MatchRule against the current enabled rules (NULL: none
  //     matches); skipped for RulesChanged::kNo (a setting change), when it could change nothing;
  //  2. exposures: one per (ip, port, protocol) with a matched detection; others are deleted;
  //  3. per scan: JudgePluginEnabled against every ID rule, stored in scan_judgements;
  //  4. per exposure and scan: DecideOutcome under the policy; then Replay for the state, with
  //     each vantage-point check that reached a TTM listener from an untrusted vantage point
  //     as a detection at its time (docs/verification.md, "Vantage-point checks");
  //  5. each exposure's tier: the strongest of its detections and vantage-point checks
  //     (docs/verification.md, "Detection tiers").
  // REQUIRES: a write transaction is open on `db`.
  void RunAll(RulesChanged rules_changed);

  // The same result as RunAll after importing scan `scan_id`, provided no rule and no setting
  // changed since the last recomputation (the import learned no rule): decides only the new
  // scan's outcomes and the outcomes of exposures it created, and replays only what they change
  // (recomputer_after_import.cpp explains why that is equal).
  // REQUIRES: a write transaction is open on `db`.
  void RunAfterImport(std::int64_t scan_id);

 private:
  // Full recomputation (recomputer.cpp).
  void RematchDetections(const std::vector<core::Rule>& rules);
  void SyncExposures();
  void JudgeScans(const std::vector<core::Rule>& rules);
  core::PluginJudgement Judge(const sql::Statement& scan, const std::vector<core::Rule>& rules);
  void StoreJudgements();
  // Every exposure, in (ip, port, protocol) order.
  void ForEachExposure(const std::function<void(const ExposureRow&)>& process);
  bool AnyScanNeedsProbes() const;
  void LoadHostFacts(const std::string& ip);
  void ProcessExposure(const ExposureRow& row);
  void MarkScans(sql::Statement& select, const ExposureRow& row, std::vector<char>& marks);
  void WriteOutcomes(std::int64_t exposure_id, const std::vector<core::Outcome>& timeline);
  void WriteOutcome(std::int64_t exposure_id, const core::Outcome& outcome);
  void UpdateExposure(const ExposureRow& row, const core::LifecycleResult& result);
  std::size_t ScanIndex(std::int64_t scan_id) const;

  // Each exposure's tier (tiers.cpp).
  void StoreExposureTiers();
  // Vantage-point checks (vantage_evidence.cpp).
  void LoadVantage();
  void AddVantageExposures();
  void AppendVantageDetections(const ExposureRow& row, std::vector<core::Outcome>& outcomes);
  static bool IsVantageOutcome(const core::Outcome& outcome) { return outcome.scan.id == 0; }

  // One new scan (recomputer_after_import.cpp).
  std::int64_t AddExposuresOf(std::int64_t scan_id);
  void LoadScanFacts(std::int64_t scan_id);
  void DecideInNewScan(const ExposureRow& row, std::size_t scan, bool scan_is_last);
  void ReplayStored(const ExposureRow& row);

  sql::Connection& db_;
  core::CoveragePolicy policy_;
  sql::Statement select_detected_;
  sql::Statement select_probed_;
  sql::Statement select_outcomes_;
  sql::Statement upsert_outcome_;
  sql::Statement update_exposure_;

  // One observation per scan, in lifecycle order (scan time, sha256), with the scan's own
  // facts filled in; the exposure's fields are filled in place, so a scan's strings are not
  // copied per exposure, and outcomes come out already in the order Replay wants.
  std::vector<core::ExposureObservation> templates_;
  std::unordered_map<std::int64_t, std::size_t> scan_index_;
  // Per scan index, for the host being processed: PackHostFact.
  std::vector<int> completion_;
  std::string facts_ip_;  // whose facts completion_ holds
  std::vector<char> detected_;
  std::vector<char> probed_;
  std::vector<StoredOutcome> stored_;  // one exposure's rows as stored, by scan index
  // Whether some scan leaves DecideOutcome to ask whether the port was probed (range
  // "default", unknown or unreadable; a plugin enabled only through coverage rules, I12); when
  // none does, probes are not looked up.
  bool needs_probes_ = true;
  // Whether any vantage-point check is a detection (an untrusted vantage point reached a TTM
  // listener); when none is, exposures are not looked up in vantage_checks.
  bool vantage_detections_ = false;

  // The new scan's facts about existing exposures, keyed "ip|port|protocol" (or ip for hosts).
  std::unordered_map<std::string, int> new_scan_hosts_;
  std::unordered_set<std::string> new_scan_detected_;
  std::unordered_set<std::string> new_scan_probed_;
};

}  // namespace lifecycle
}  // namespace ttmtrack::db
