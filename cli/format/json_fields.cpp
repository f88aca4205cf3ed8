#include "cli/format/json_fields.hpp"

#include "core/civil_time.hpp"
#include "core/detection_constants.hpp"

namespace ttmtrack::cli {

using Json = nlohmann::ordered_json;

namespace {

Json TextOrNull(const std::string& text) { return text.empty() ? Json() : Json(text); }

template <typename T>
Json OptionalJson(const std::optional<T>& value) {
  return value ? Json(*value) : Json();
}

Json KnowledgeJson(core::Knowledge knowledge) {
  switch (knowledge) {
    case core::Knowledge::kYes: return true;
    case core::Knowledge::kNo: return false;
    case core::Knowledge::kUnknown: break;
  }
  return nullptr;
}

Json ResultFilterJson(const core::ResultFilter& filter) {
  Json j;
  j["term"] = filter.term;
  j["min_qod"] = OptionalJson(filter.min_qod);
  j["levels"] = OptionalJson(filter.levels);
  j["apply_overrides"] = OptionalJson(filter.apply_overrides);
  j["first"] = OptionalJson(filter.first);
  j["rows"] = OptionalJson(filter.rows);
  j["filtered_count"] = OptionalJson(filter.filtered_count);
  j["full_count"] = OptionalJson(filter.full_count);
  j["results_in_export"] = filter.results_in_export;
  return j;
}

}  // namespace

Json TimeJson(const std::optional<std::int64_t>& epoch_seconds) {
  // A time outside the years 0000-9999 can only be a damaged value: null, as unknown.
  const std::optional<std::string> text =
      epoch_seconds ? core::FormatIso8601Utc(*epoch_seconds) : std::nullopt;
  return text ? Json(*text) : Json();
}

Json ScanRefJson(const core::ScanRef& scan) {
  // No scan_id: ids follow import order, and this object must be the same whatever order the
  // scans were imported in (status and history are compared across import orders). The
  // sha256 identifies the scan.
  Json j;
  j["file"] = scan.file_name;
  j["scanner"] = scan.scanner;
  j["scan_name"] = scan.scan_name;
  j["scan_time"] = TimeJson(scan.time);
  j["sha256"] = scan.sha256;
  return j;
}

Json ExposureJson(const core::Exposure& exposure) {
  Json j;
  j["detection_id"] = std::string(core::kDetectionId);
  j["ip"] = exposure.ip;
  j["port"] = exposure.port;
  j["protocol"] = exposure.protocol;
  j["state"] = core::ToString(exposure.state);
  j["hostname"] = TextOrNull(exposure.hostname);
  j["first_seen"] = TimeJson(exposure.first_seen);
  j["last_seen"] = TimeJson(exposure.last_seen);
  j["last_checked"] = TimeJson(exposure.last_checked);
  j["verified_by"] = exposure.verified_by ? ScanRefJson(*exposure.verified_by) : Json();
  return j;
}

Json OutcomeJson(const core::Exposure& exposure, const core::Outcome& outcome,
                 const std::optional<core::ExposureState>& state_after) {
  Json j;
  j["detection_id"] = std::string(core::kDetectionId);
  j["ip"] = exposure.ip;
  j["port"] = exposure.port;
  j["protocol"] = exposure.protocol;
  const Json scan = ScanRefJson(outcome.scan);
  for (const auto& [key, value] : scan.items()) j[key] = value;
  j["outcome"] = core::ToString(outcome.kind);
  j["reason"] = outcome.kind == core::OutcomeKind::kNotCovered
                    ? Json(core::ToString(outcome.reason))
                    : Json();
  j["assumption"] = outcome.assumption;
  j["basis"] = outcome.basis;
  j["state_after"] = state_after ? Json(core::ToString(*state_after)) : Json();
  return j;
}

Json ScanJson(const db::ScanRow& scan) {
  const core::ScanInfo& info = scan.info;
  Json j;
  j["scan_id"] = scan.id;
  j["file"] = info.file_name;
  j["sha256"] = info.sha256;
  j["file_sha256"] = TextOrNull(info.file_sha256);
  j["format"] = core::ToString(info.format);
  j["gzip"] = info.gzip;
  j["scanner"] = info.scanner;
  j["scanner_version"] = TextOrNull(info.scanner_version);
  j["scan_name"] = info.scan_name;
  j["policy_name"] = TextOrNull(info.policy_name);
  j["report_id"] = TextOrNull(info.report_id);
  j["run_status"] = TextOrNull(info.run_status);
  j["started_at"] = TimeJson(info.started_at);
  j["ended_at"] = TimeJson(info.ended_at);
  j["scan_time"] = TimeJson(scan.scan_time);
  j["imported_at"] = TimeJson(scan.imported_at);
  j["hosts"] = scan.hosts;
  j["results"] = scan.results;
  j["detections"] = scan.detections;
  j["enabled_plugins"] = OptionalJson(scan.enabled_plugin_count);
  j["port_range"] = OptionalJson(scan.port_range);
  j["plugin_enabled"] = KnowledgeJson(scan.plugin_enabled.value);
  j["plugin_enabled_basis"] = scan.plugin_enabled.basis;
  // GVM exports are views: could this one show a c564e5ab result at all (docs/verification.md)?
  j["export_complete"] = KnowledgeJson(scan.export_filter.value);
  j["export_basis"] = scan.export_filter.basis;
  j["result_filter"] = scan.result_filter ? ResultFilterJson(*scan.result_filter) : Json();
  return j;
}

Json RuleJson(const core::Rule& rule) {
  Json j;
  j["rule_id"] = rule.id;
  j["kind"] = core::ToString(rule.kind);
  j["value"] = rule.value;
  j["origin"] = core::ToString(rule.origin);
  // "match": results it matches are detections; "coverage": learned from a service-name match,
  // it only counts for plugin enablement (docs/rules.md).
  j["scope"] = core::ToString(rule.scope);
  j["enabled"] = rule.enabled;
  j["created_at"] =
      TimeJson(rule.created_at == 0 ? std::nullopt : std::optional<std::int64_t>(rule.created_at));
  j["learned_from_scan"] = OptionalJson(rule.learned_from_scan);
  j["plugin_family"] = TextOrNull(rule.plugin_family);
  j["note"] = rule.note;
  return j;
}

Json DetectionJson(const db::DetectionRow& detection) {
  Json j;
  j["id"] = detection.id;
  j["detection_id"] = std::string(core::kDetectionId);
  j["ip"] = detection.ip;
  j["hostname"] = TextOrNull(detection.hostname);
  j["port"] = detection.port;
  j["protocol"] = detection.protocol;
  j["service"] = TextOrNull(detection.service_name);
  j["plugin_id"] = detection.plugin_id;
  j["plugin_name"] = detection.plugin_name;
  j["plugin_family"] = TextOrNull(detection.plugin_family);
  j["severity"] = detection.severity;
  j["severity_label"] = detection.severity_label;
  j["scan_id"] = detection.scan.id;
  const Json scan = ScanRefJson(detection.scan);
  for (const auto& [key, value] : scan.items()) j[key] = value;
  j["rule"] = detection.rule ? RuleJson(*detection.rule) : Json();
  j["source_line"] = detection.source_line;
  j["output"] = detection.output;
  return j;
}

}  // namespace ttmtrack::cli
