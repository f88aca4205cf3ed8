#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/dropped_out_host.hpp"
#include "core/exposure.hpp"
#include "core/knowledge.hpp"
#include "core/result_filter.hpp"
#include "core/rule.hpp"
#include "core/scan_info.hpp"
#include "core/scan_ref.hpp"
#include "core/setting_catalogue.hpp"

namespace ttmtrack::db {

// Plain rows the Store hands out (db/store.hpp). Values, no handles: they outlive the Store.
// Times are epoch seconds UTC. Every string that came from an export is untrusted text.

// One imported scan, as `ttmtrack scans` lists it.
struct ScanRow {
  std::int64_t id = 0;
  core::ScanInfo info;         // file name, sha256, format, scanner, names, status, started/ended
  std::int64_t scan_time = 0;  // ordering time (docs/schema.md, scans.scan_time)
  std::int64_t imported_at = 0;
  std::int64_t hosts = 0;       // distinct hosts stored for this scan
  std::int64_t results = 0;     // results read (every ResultRecord, matched or not)
  std::int64_t detections = 0;  // c564e5ab detections stored from this scan
  // Coverage facts, as the export stated them (nullopt / empty = the export does not say).
  std::optional<std::int64_t> enabled_plugin_count;
  std::optional<std::string> port_range;
  // Whether a c564e5ab plugin was enabled, as last judged by the lifecycle (JudgePluginEnabled
  // against the current rules); value kUnknown with an empty basis before the first recompute.
  core::Judgement plugin_enabled;
  // GVM: the report's result filter and paging as the export states them; nullopt when it
  // states none (every Nessus scan).
  std::optional<core::ResultFilter> result_filter;
  // Could the export show a c564e5ab result (core::JudgeExportFilter): kNo when its filter or
  // paging could hide one (outcomes not-covered, export-filtered); kUnknown with an empty
  // basis when it states no filter.
  core::Judgement export_filter;

  // The short reference outcomes and verifications carry (its JSON starts a `scans` row).
  core::ScanRef Ref() const;
};

// One stored detection: a result that a rule matched, with its evidence verbatim.
struct DetectionRow {
  std::int64_t id = 0;
  core::ScanRef scan;
  std::string ip;
  std::string hostname;  // this scan's FQDN, else NetBIOS name, else ReportHost name; may be empty
  std::uint16_t port = 0;
  std::string protocol;
  std::string service_name;
  std::string plugin_id;
  std::string plugin_name;
  std::string plugin_family;
  int severity = 0;
  std::string severity_label;
  std::string output;
  // The enabled rule that matches this detection now (rules are re-applied on every rule
  // change); nullopt when none does any more: the detection is then kept as a raw observation
  // but makes no exposure (docs/rules.md).
  std::optional<core::Rule> rule;
  std::int64_t source_line = 0;
  // Its matched rule's tier (docs/verification.md, "Detection tiers"); kept when no rule
  // matches any more.
  core::DetectionTier tier = core::DetectionTier::kConfirmed;
};

// Filter for ListDetections; every set field must match. `ip`: any spelling of the host
// (core::HostKey).
struct DetectionFilter {
  std::optional<std::string> ip;
  std::optional<std::uint16_t> port;
  std::optional<std::int64_t> scan_id;
  bool include_unmatched = false;  // also detections no enabled rule matches any more
};

// Filter for ListExposures. `ip`: any spelling of the host (core::HostKey).
struct ExposureFilter {
  std::optional<core::ExposureState> state;
  std::optional<std::string> ip;
};

// What one import did to the exposures, classified per exposure (docs/verification.md,
// "Import summary"). Every exposure that exists after the import is in exactly one bucket.
struct LifecycleCounts {
  int new_exposures = 0;   // did not exist before this import
  int still_open = 0;      // open/reopened before and after
  int verified_fixed = 0;  // open/reopened before, fixed after
  int reopened = 0;        // fixed before, open/reopened after
  int still_fixed = 0;     // fixed before and after
  // This scan's outcome for the exposure is not-covered and its state did not change (counted
  // here instead of still_open/still_fixed): "could not be checked by this scan".
  int not_checked = 0;
};

// How the exposures changed between a snapshot taken with ListExposures and now, over the scans
// imported in between (`ttmtrack run`'s summary, docs/cli.md). Classified like one import's
// LifecycleCounts, except that not_checked counts the exposures none of those scans covered
// (every outcome not-covered) and whose state did not change; with no scans in between it is 0.
struct ExposureChanges {
  LifecycleCounts counts;
  std::vector<core::Exposure> new_exposures;  // ordered like ListExposures
  std::vector<core::Exposure> reopened;       // fixed before, open or reopened now
  std::vector<core::Exposure> verified_fixed;
};

// A host that dropped out of scanning: one home, in core (reports show them too).
using DroppedOutHost = core::DroppedOutHost;

enum class ImportStatus { kImported, kAlreadyImported };

struct ImportResult {
  ImportStatus status = ImportStatus::kImported;
  std::int64_t scan_id = 0;  // the new scan, or the one already stored with this XML
  // kAlreadyImported: the file the stored scan was imported from (the same XML as this one,
  // maybe plain where this one is gzip, or under another name).
  std::string stored_file_name;
  std::int64_t hosts = 0;
  std::int64_t results = 0;
  std::int64_t detections = 0;
  int learned_rules = 0;      // ID rules learned from this scan (docs/rules.md)
  LifecycleCounts lifecycle;  // all zero for kAlreadyImported
  // Hosts whose time could not be read (their times are unknown and this scan cannot prove
  // them complete), and the first one's reason with its line and host.
  std::int64_t unreadable_host_times = 0;
  std::string first_unreadable_time;
};

enum class AddRuleStatus { kAdded, kAlreadyExists };

struct AddRuleResult {
  AddRuleStatus status = AddRuleStatus::kAdded;
  core::Rule rule;  // the new rule, or the existing one with the same kind and value
};

enum class RemoveRuleStatus { kRemoved, kNotFound, kIsDefault };

// One setting and its value, as `ttmtrack config list` shows it.
struct SettingInfo {
  const core::SettingDefinition* definition = nullptr;  // in core::SettingCatalogue()
  std::string value;  // stored (canonical) value, or the default when none is stored
};

}  // namespace ttmtrack::db
