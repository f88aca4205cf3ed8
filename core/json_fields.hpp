#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/dropped_out_host.hpp"
#include "core/exposure.hpp"
#include "core/exposure_status.hpp"
#include "core/host_report.hpp"
#include "core/knowledge.hpp"
#include "core/outcome.hpp"
#include "core/result_filter.hpp"
#include "core/rule.hpp"
#include "core/scan_ref.hpp"
#include "core/setting_catalogue.hpp"
#include "core/triage.hpp"
#include "core/vantage_check.hpp"

// The one JSON form of each domain type, used by every JSON ttmtrack writes: the listing
// commands' `--format json` (cli/) and the report's index.json and hosts/*.json (reports/).
// docs/json.md documents every field once; names and types are a contract users' scripts rely
// on: add fields freely, never rename or retype one. Objects are ordered_json, so fields come out
// in the order written here. No field carries a database row id: ids follow the order of
// imports, and these objects are the same whatever order the scans were imported in (a scan is
// identified by its sha256).
//
// Pure functions of their arguments; strings are copied into the result.
namespace ttmtrack::core {

// ISO 8601 UTC ("2026-01-05T10:00:00Z"), or null when the time is unknown (IsKnownTime).
nlohmann::ordered_json TimeJson(std::optional<std::int64_t> epoch_seconds);
// Optional text: null when empty.
nlohmann::ordered_json TextOrNullJson(const std::string& text);
// The value, or null.
template <typename T>
nlohmann::ordered_json OptionalJson(const std::optional<T>& value) {
  return value ? nlohmann::ordered_json(*value) : nlohmann::ordered_json();
}
// true, false, or null for kUnknown.
nlohmann::ordered_json KnowledgeJson(Knowledge knowledge);

// {file, scanner, scan_name, scan_time, sha256}
nlohmann::ordered_json ScanRefJson(const ScanRef& scan);
// The inverse, for output built from JSON rows (the CLI's tables label a scan from its row):
// missing or mistyped fields stay empty, id stays 0.
ScanRef ScanRefFromJson(const nlohmann::ordered_json& json);
// {detection_id, ip, port, protocol}: what identifies an exposure.
nlohmann::ordered_json ExposureKeyJson(const Exposure& exposure);
// ExposureKeyJson's fields, then {state, tier, hostname, first_seen, last_seen, last_checked,
// verified_by (ScanRefJson or null)}.
nlohmann::ordered_json ExposureJson(const Exposure& exposure);
// {target, decision, reason, by, made_at, until, ticket, survives_reopen}: one triage record.
nlohmann::ordered_json DecisionRecordJson(const DecisionRecord& record);
// ExposureJson's fields, then {decision, decision_status, decision_by, decision_until,
// decision_reason, decision_made_at, decision_ticket, decision_target, detected_again_at, due,
// overdue, stale, days_since_checked}; the decision fields are null when no decision applies.
nlohmann::ordered_json ExposureStatusJson(const ExposureStatus& status);
// {ip, hostname, scanner, scan_name, last_seen_by (ScanRefJson), latest_scan (ScanRefJson)}
nlohmann::ordered_json DroppedOutHostJson(const DroppedOutHost& host);
// {scan (ScanRefJson), outcome, reason (null unless not-covered), assumption, basis}
nlohmann::ordered_json OutcomeJson(const Outcome& outcome);
// {scan (ScanRefJson), port, protocol, plugin_id, plugin_name, severity, tier, output}
nlohmann::ordered_json EvidenceJson(const Evidence& evidence);
// {detection_id, ip, port, protocol, vantage, trusted_vantage, checked_at, outcome, detection,
// service, waited_ms, detail, sent_hex, reply_hex, evidence}: one vantage-point check.
nlohmann::ordered_json VantageCheckJson(const VantageCheckRecord& record);
// {detection_id, ip, port, protocol, verdict, rule, rule_text, sources, reason, summary,
// sentence, file, sha256, format, trusted_networks, collected_at, recorded_at}: one
// firewall-ruleset answer (empty texts are null).
nlohmann::ordered_json FirewallCheckJson(const FirewallCheck& check);
// {ip, fqdn, netbios_name, os, mac, scans (array of ScanRefJson, oldest first)}
nlohmann::ordered_json HostIdentityJson(const HostIdentity& identity);
// {rule_id, kind, value, origin, scope, tier, enabled, created_at, learned_from_scan,
// plugin_family, note}
nlohmann::ordered_json RuleJson(const Rule& rule);
// {term, min_qod, levels, apply_overrides, first, rows, filtered_count, full_count,
// results_in_export}
nlohmann::ordered_json ResultFilterJson(const ResultFilter& filter);

// {key, value, default, allowed, description}: one setting and its current (canonical) value.
nlohmann::ordered_json SettingJson(const SettingDefinition& definition, std::string_view value);

// `object` with the fields of its member object `key` in place of that member (nothing when it
// is null): the one-row-per-line listings (`history`, `detections`) carry a scan reference's
// fields at top level so that their CSV columns stay flat.
// REQUIRES: object is an object.
nlohmann::ordered_json Flattened(const nlohmann::ordered_json& object, std::string_view key);

}  // namespace ttmtrack::core
