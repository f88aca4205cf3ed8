#include "cli/format/json_rows.hpp"

#include <string>

#include "core/detection_constants.hpp"
#include "core/enum_text.hpp"
#include "core/json_fields.hpp"

namespace ttmtrack::cli {

using Json = nlohmann::ordered_json;

namespace {

// Appends every field of `fields` to `row`.
void Append(Json& row, const Json& fields) {
  for (const auto& [key, value] : fields.items()) row[key] = value;
}

}  // namespace

Json ScanJson(const db::ScanRow& scan) {
  const core::ScanInfo& info = scan.info;
  Json j;
  j["scan_id"] = scan.id;
  Append(j, core::ScanRefJson(scan.Ref()));
  j["file_sha256"] = core::TextOrNullJson(info.file_sha256);
  j["format"] = core::ToText(info.format);
  j["gzip"] = info.gzip;
  j["scanner_version"] = core::TextOrNullJson(info.scanner_version);
  j["policy_name"] = core::TextOrNullJson(info.policy_name);
  j["report_id"] = core::TextOrNullJson(info.report_id);
  j["run_status"] = core::TextOrNullJson(info.run_status);
  j["started_at"] = core::TimeJson(info.started_at);
  j["ended_at"] = core::TimeJson(info.ended_at);
  j["imported_at"] = core::TimeJson(scan.imported_at);
  j["hosts"] = scan.hosts;
  j["results"] = scan.results;
  j["detections"] = scan.detections;
  j["enabled_plugins"] = core::OptionalJson(scan.enabled_plugin_count);
  j["port_range"] = core::OptionalJson(scan.port_range);
  j["plugin_enabled"] = core::KnowledgeJson(scan.plugin_enabled.value);
  j["plugin_enabled_basis"] = core::TextOrNullJson(scan.plugin_enabled.basis);
  // GVM exports are views: could this one show a c564e5ab result at all (docs/verification.md)?
  j["export_complete"] = core::KnowledgeJson(scan.export_filter.value);
  j["export_basis"] = core::TextOrNullJson(scan.export_filter.basis);
  j["result_filter"] = scan.result_filter ? core::ResultFilterJson(*scan.result_filter) : Json();
  return j;
}

Json DetectionJson(const db::DetectionRow& detection) {
  const core::Evidence evidence{detection.scan,      detection.port,        detection.protocol,
                                detection.plugin_id, detection.plugin_name, detection.severity,
                                detection.output,    detection.tier};
  Json j;
  j["id"] = detection.id;
  j["detection_id"] = core::kDetectionId;
  j["ip"] = detection.ip;
  j["hostname"] = core::TextOrNullJson(detection.hostname);
  j["service"] = core::TextOrNullJson(detection.service_name);
  j["plugin_family"] = core::TextOrNullJson(detection.plugin_family);
  j["severity_label"] = detection.severity_label;
  j["scan_id"] = detection.scan.id;
  Append(j, core::Flattened(core::EvidenceJson(evidence), "scan"));
  j["rule"] = detection.rule ? core::RuleJson(*detection.rule) : Json();
  j["source_line"] = detection.source_line;
  return j;
}

Json HistoryJson(const core::Exposure& exposure, const core::Outcome& outcome,
                 const std::optional<core::ExposureState>& state_after,
                 const core::Evidence* detection) {
  Json j = core::ExposureKeyJson(exposure);
  Append(j, core::Flattened(core::OutcomeJson(outcome), "scan"));
  j["state_after"] = state_after ? Json(core::ToText(*state_after)) : Json();
  j["tier"] = detection ? Json(core::ToText(detection->tier)) : Json();
  j["evidence"] = detection ? Json(detection->output) : Json();
  j["source"] = "scan";
  j["time"] = core::TimeJson(outcome.scan.time);
  j["decision"] = Json();
  return j;
}

Json VantageHistoryJson(const core::Exposure& exposure, const core::VantageCheckRecord& record,
                        const std::optional<core::ExposureState>& state_after) {
  const core::VantageOutcome outcome = record.check.outcome;
  Json j = core::ExposureKeyJson(exposure);
  j["file"] = nullptr;
  j["scanner"] = "vantage point";
  j["scan_name"] = record.vantage;
  j["scan_time"] = core::TimeJson(record.checked_at);
  j["sha256"] = nullptr;
  j["outcome"] = core::ToText(outcome);
  j["reason"] = nullptr;
  j["assumption"] = "";
  j["basis"] =
      std::string(record.untrusted ? "untrusted" : "trusted") + " vantage point; " +
      (record.IsDetection() ? "a detection" : "evidence only, never a proof of a fix by itself");
  j["state_after"] = state_after ? Json(core::ToText(*state_after)) : Json();
  j["tier"] = outcome == core::VantageOutcome::kReachableConfirmed
                  ? Json(core::ToText(core::DetectionTier::kConfirmed))
              : outcome == core::VantageOutcome::kReachableUnconfirmed
                  ? Json(core::ToText(core::DetectionTier::kUnconfirmed))
                  : Json();
  j["evidence"] = core::DescribeEvidence(record.check);
  j["source"] = "vantage-point";
  j["time"] = core::TimeJson(record.checked_at);
  j["decision"] = Json();
  return j;
}

Json FirewallHistoryJson(const core::Exposure& exposure, const core::FirewallCheck& check,
                         const std::optional<core::ExposureState>& state_after) {
  Json j = core::ExposureKeyJson(exposure);
  j["file"] = check.file;
  j["scanner"] = "firewall ruleset";
  j["scan_name"] = check.format;
  j["scan_time"] = core::TimeJson(check.collected_at);
  j["sha256"] = check.sha256;
  j["outcome"] = core::ToText(check.verdict);
  j["reason"] = nullptr;
  j["assumption"] = "";
  j["basis"] = "untrusted = outside the trusted networks (" +
               (check.trusted.empty() ? std::string("none configured") : check.trusted) +
               "); evidence only, never a detection or a proof of a fix by itself";
  j["state_after"] = state_after ? Json(core::ToText(*state_after)) : Json();
  j["tier"] = Json();
  j["evidence"] = core::FirewallSentence(check) +
                  (check.rule_text.empty() ? std::string() : "\n" + check.rule_text);
  j["source"] = "firewall-ruleset";
  j["time"] = core::TimeJson(check.collected_at);
  j["decision"] = Json();
  return j;
}

Json HistoryDecisionJson(const core::Exposure& exposure, const core::DecisionRecord& record) {
  Json j = core::ExposureKeyJson(exposure);
  const Json scan_fields = core::Flattened(core::OutcomeJson({}), "scan");
  for (const auto& [key, value] : scan_fields.items()) j[key] = Json();
  j["state_after"] = Json();
  j["tier"] = Json();
  j["evidence"] = Json();
  j["source"] = "decision";
  j["time"] = core::TimeJson(record.made_at);
  j["decision"] = core::DecisionRecordJson(record);
  return j;
}

Json TriageRecordJson(const core::DecisionRecord& record) {
  Json j;
  j["record"] = record.id;
  Append(j, core::DecisionRecordJson(record));
  return j;
}

}  // namespace ttmtrack::cli
