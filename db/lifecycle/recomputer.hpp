#pragma once

// Private to db/: the machinery behind RecomputeLifecycle and RecomputeAfterImport
// (db/lifecycle_recompute.hpp), shared by lifecycle_recompute.cpp (everything) and
// lifecycle_recompute_import.cpp (one new scan).

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/coverage_policy.hpp"
#include "core/exposure_observation.hpp"
#include "core/lifecycle.hpp"
#include "core/plugin_enablement.hpp"
#include "core/rule.hpp"
#include "db/lifecycle_recompute.hpp"
#include "db/sqlite/statement.hpp"

namespace ttmtrack::db {

namespace sqlite {
class Database;
}

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

struct StoredOutcome {
  bool present = false;
  std::string kind;
  std::string reason;
  std::string assumption;
  std::string basis;
};

// One recomputation. Borrows `db` (a write transaction must be open). Single use.
class LifecycleRecomputer {
 public:
  LifecycleRecomputer(sqlite::Database& db, const core::CoveragePolicy& policy);

  RecomputeStats RunAll(RulesChanged rules_changed);
  RecomputeStats RunAfterImport(std::int64_t scan_id);

 private:
  // Full recomputation (lifecycle_recompute.cpp).
  void RematchDetections(const std::vector<core::Rule>& rules);
  void SyncExposures();
  void JudgeScans(const std::vector<core::Rule>& rules);
  core::PluginJudgement Judge(const sqlite::Statement& scan, const std::vector<core::Rule>& rules);
  void StoreJudgements();
  // Every exposure, in (ip, port, protocol) order.
  void ForEachExposure(const std::function<void(const ExposureRow&)>& process);
  bool AnyScanNeedsProbes() const;
  void LoadHostFacts(const std::string& ip);
  void ProcessExposure(const ExposureRow& row);
  void MarkScans(sqlite::Statement& select, const ExposureRow& row, std::vector<char>& marks);
  void WriteOutcomes(std::int64_t exposure_id, const std::vector<core::Outcome>& timeline);
  void WriteOutcome(std::int64_t exposure_id, const core::Outcome& outcome);
  void UpdateExposure(const ExposureRow& row, const core::LifecycleResult& result);
  std::size_t ScanIndex(std::int64_t scan_id) const;

  // One new scan (lifecycle_recompute_import.cpp).
  std::int64_t AddExposuresOf(std::int64_t scan_id);
  void LoadScanFacts(std::int64_t scan_id);
  void DecideInNewScan(const ExposureRow& row, std::size_t scan, bool scan_is_last);
  void ReplayStored(const ExposureRow& row);

  sqlite::Database& db_;
  core::CoveragePolicy policy_;
  sqlite::Statement select_detected_;
  sqlite::Statement select_probed_;
  sqlite::Statement select_outcomes_;
  sqlite::Statement upsert_outcome_;
  sqlite::Statement update_exposure_;

  // One observation per scan, in lifecycle order (scan time, sha256), with the scan's own
  // facts filled in; the exposure's fields are filled in place, so a scan's strings are not
  // copied per exposure, and outcomes come out already in the order Replay wants.
  std::vector<core::ExposureObservation> templates_;
  std::unordered_map<std::int64_t, std::size_t> scan_index_;
  // Per scan index, for the host being processed: -1 not in scan, else a HostCompletion.
  std::vector<int> completion_;
  std::string facts_ip_;  // whose facts completion_ holds
  std::vector<char> detected_;
  std::vector<char> probed_;
  std::vector<StoredOutcome> stored_;  // one exposure's rows as stored, by scan index
  // Whether some scan leaves DecideOutcome to ask whether the port was probed (range
  // "default", unknown or unreadable; a plugin enabled only through coverage rules, I12); when
  // none does, probes are not looked up.
  bool needs_probes_ = true;

  // The new scan's facts about existing exposures, keyed "ip|port|protocol" (or ip for hosts).
  std::unordered_map<std::string, int> new_scan_hosts_;
  std::unordered_set<std::string> new_scan_detected_;
  std::unordered_set<std::string> new_scan_probed_;

  RecomputeStats stats_;
};

}  // namespace ttmtrack::db
