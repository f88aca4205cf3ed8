#include "core/json_fields.hpp"

#include "core/ascii_text.hpp"
#include "core/civil_time.hpp"
#include "core/detection_constants.hpp"
#include "core/enum_text.hpp"

namespace ttmtrack::core {

using Json = nlohmann::ordered_json;

Json TimeJson(std::optional<std::int64_t> epoch_seconds) {
  return IsKnownTime(epoch_seconds) ? Json(*FormatIso8601Utc(*epoch_seconds)) : Json();
}

Json TextOrNullJson(const std::string& text) { return text.empty() ? Json() : Json(text); }

Json KnowledgeJson(Knowledge knowledge) {
  switch (knowledge) {
    case Knowledge::kYes: return true;
    case Knowledge::kNo: return false;
    case Knowledge::kUnknown: break;
  }
  return nullptr;
}

Json ScanRefJson(const ScanRef& scan) {
  Json j;
  j["file"] = scan.file_name;
  j["scanner"] = scan.scanner;
  j["scan_name"] = scan.scan_name;
  j["scan_time"] = TimeJson(scan.time);
  j["sha256"] = scan.sha256;
  return j;
}

ScanRef ScanRefFromJson(const Json& json) {
  auto text = [&json](const char* key) {
    const auto it = json.find(key);
    return it != json.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  ScanRef scan;
  scan.file_name = text("file");
  scan.scanner = text("scanner");
  scan.scan_name = text("scan_name");
  scan.time = ParseIso8601(text("scan_time")).optional();
  scan.sha256 = text("sha256");
  return scan;
}

Json ExposureKeyJson(const Exposure& exposure) {
  Json j;
  j["detection_id"] = kDetectionId;
  j["ip"] = exposure.ip;
  j["port"] = exposure.port;
  j["protocol"] = exposure.protocol;
  return j;
}

Json ExposureJson(const Exposure& exposure) {
  Json j = ExposureKeyJson(exposure);
  j["state"] = ToText(exposure.state);
  // The strongest evidence it ever had (docs/verification.md, "Detection tiers").
  j["tier"] = ToText(exposure.tier);
  j["hostname"] = TextOrNullJson(exposure.hostname);
  j["first_seen"] = TimeJson(exposure.first_seen);
  j["last_seen"] = TimeJson(exposure.last_seen);
  j["last_checked"] = TimeJson(exposure.last_checked);
  j["verified_by"] = exposure.verified_by ? ScanRefJson(*exposure.verified_by) : Json();
  return j;
}

Json DecisionRecordJson(const DecisionRecord& record) {
  Json j;
  j["target"] = record.target.ToString();
  j["decision"] = ToText(record.kind);
  j["reason"] = record.reason;
  j["by"] = record.by;
  j["made_at"] = TimeJson(record.made_at);
  j["until"] = TimeJson(record.until);
  j["ticket"] = TextOrNullJson(record.ticket);
  j["survives_reopen"] = record.survives_reopen;
  return j;
}

Json ExposureStatusJson(const ExposureStatus& status) {
  Json j = ExposureJson(status.exposure);
  const std::optional<ExposureDecision>& d = status.decision;
  j["decision"] = d ? Json(ToText(d->record.kind)) : Json();
  j["decision_status"] = d ? Json(ToText(d->status)) : Json();
  j["decision_by"] = d ? Json(d->record.by) : Json();
  j["decision_until"] = d ? TimeJson(d->record.until) : Json();
  j["decision_reason"] = d ? Json(d->record.reason) : Json();
  j["decision_made_at"] = d ? TimeJson(d->record.made_at) : Json();
  j["decision_ticket"] = d ? TextOrNullJson(d->record.ticket) : Json();
  j["decision_target"] = d ? Json(d->record.target.ToString()) : Json();
  j["decision_ended_at"] = d ? TimeJson(d->ended_at) : Json();
  j["detected_again_at"] = d ? TimeJson(d->detected_again_at) : Json();
  j["due"] = TimeJson(status.due);
  j["overdue"] = status.overdue;
  j["stale"] = status.stale;
  j["days_since_checked"] = OptionalJson(status.days_since_checked);
  return j;
}

Json DroppedOutHostJson(const DroppedOutHost& host) {
  Json j;
  j["ip"] = host.ip;
  j["hostname"] = TextOrNullJson(host.hostname);
  j["scanner"] = host.latest_scan.scanner;
  j["scan_name"] = host.latest_scan.scan_name;
  j["last_seen_by"] = ScanRefJson(host.last_seen_by);
  j["latest_scan"] = ScanRefJson(host.latest_scan);
  return j;
}

Json OutcomeJson(const Outcome& outcome) {
  Json j;
  j["scan"] = ScanRefJson(outcome.scan);
  j["outcome"] = ToText(outcome.kind);
  j["reason"] = outcome.kind == OutcomeKind::kNotCovered ? Json(ToText(outcome.reason)) : Json();
  j["assumption"] = TextOrNullJson(outcome.assumption);
  j["basis"] = TextOrNullJson(outcome.basis);
  return j;
}

Json EvidenceJson(const Evidence& evidence) {
  Json j;
  j["scan"] = ScanRefJson(evidence.scan);
  j["port"] = evidence.port;
  j["protocol"] = evidence.protocol;
  j["plugin_id"] = evidence.plugin_id;
  j["plugin_name"] = evidence.plugin_name;
  j["severity"] = evidence.severity;
  j["tier"] = ToText(evidence.tier);
  j["output"] = evidence.output;
  return j;
}

Json VantageCheckJson(const VantageCheckRecord& record) {
  const VantageCheck& check = record.check;
  Json j;
  j["detection_id"] = kDetectionId;
  j["ip"] = check.address.ToString();
  j["port"] = check.port;
  j["protocol"] = "tcp";
  j["vantage"] = record.vantage;
  j["trusted_vantage"] = !record.untrusted;
  j["checked_at"] = TimeJson(record.checked_at);
  j["outcome"] = ToText(check.outcome);
  j["detection"] = record.IsDetection();
  j["service"] = TextOrNullJson(check.service);
  j["waited_ms"] = check.waited_ms;
  j["detail"] = check.detail;
  j["sent_hex"] = HexLower(check.sent);
  j["reply_hex"] = HexLower(check.reply);
  j["evidence"] = DescribeEvidence(check);
  return j;
}

Json FirewallCheckJson(const FirewallCheck& check) {
  Json j;
  j["detection_id"] = kDetectionId;
  j["ip"] = check.ip;
  j["port"] = check.port;
  j["protocol"] = check.protocol;
  j["verdict"] = ToText(check.verdict);
  j["rule"] = TextOrNullJson(check.rule);
  j["rule_text"] = TextOrNullJson(check.rule_text);
  j["sources"] = TextOrNullJson(check.sources);
  j["reason"] = TextOrNullJson(check.reason);
  j["summary"] = check.summary;
  j["sentence"] = FirewallSentence(check);
  j["file"] = check.file;
  j["sha256"] = check.sha256;
  j["format"] = check.format;
  j["trusted_networks"] = TextOrNullJson(check.trusted);
  j["collected_at"] = TimeJson(check.collected_at);
  j["recorded_at"] = TimeJson(check.recorded_at);
  return j;
}

Json HostIdentityJson(const HostIdentity& identity) {
  Json scans = Json::array();
  for (const ScanRef& scan : identity.scans) scans.push_back(ScanRefJson(scan));
  Json j;
  j["ip"] = identity.ip;
  j["fqdn"] = TextOrNullJson(identity.fqdn);
  j["netbios_name"] = TextOrNullJson(identity.netbios_name);
  j["os"] = TextOrNullJson(identity.os);
  j["mac"] = TextOrNullJson(identity.mac);
  j["scans"] = scans;
  return j;
}

Json RuleJson(const Rule& rule) {
  Json j;
  j["rule_id"] = rule.id;
  j["kind"] = ToText(rule.kind);
  j["value"] = rule.value;
  j["origin"] = ToText(rule.origin);
  // "match": results it matches are detections; "coverage": learned from a service-name match,
  // it only counts for plugin enablement (docs/rules.md).
  j["scope"] = ToText(rule.scope);
  // The tier of the detections it makes (docs/verification.md, "Detection tiers").
  j["tier"] = ToText(rule.tier);
  j["enabled"] = rule.enabled;
  j["created_at"] = TimeJson(rule.created_at);
  j["learned_from_scan"] = OptionalJson(rule.learned_from_scan);
  j["plugin_family"] = TextOrNullJson(rule.plugin_family);
  j["note"] = TextOrNullJson(rule.note);
  return j;
}

Json ResultFilterJson(const ResultFilter& filter) {
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

Json SettingJson(const SettingDefinition& definition, std::string_view value) {
  Json j;
  j["key"] = definition.key;
  j["value"] = value;
  j["default"] = definition.default_value;
  j["allowed"] = AllowedValues(definition.type);
  j["description"] = definition.description;
  return j;
}

Json Flattened(const Json& object, std::string_view key) {
  Json flat = Json::object();
  for (const auto& [name, value] : object.items()) {
    if (name != key) {
      flat[name] = value;
    } else if (value.is_object()) {
      for (const auto& [inner, inner_value] : value.items()) flat[inner] = inner_value;
    }
  }
  return flat;
}

}  // namespace ttmtrack::core
