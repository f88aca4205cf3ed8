#pragma once

#include <optional>

#include <nlohmann/json.hpp>

#include "core/exposure.hpp"
#include "core/firewall_check.hpp"
#include "core/outcome.hpp"
#include "core/triage.hpp"
#include "core/vantage_check.hpp"
#include "db/store_types.hpp"

namespace ttmtrack::cli {

// The JSON rows of the CLI that are not one domain object (a `status` row is core::ExposureJson,
// a `rules list` row core::RuleJson, a `config list` row core::SettingJson; the rows of `import`
// and `run` are cli/format/import_summary.hpp's): built from core/json_fields.hpp's objects where
// they contain one, so a field means the same in every listing and in the report. docs/json.md
// lists the fields; they are a contract (add, never rename or retype).

// One `scans` row: {scan_id} and the scan reference's fields, then what the store knows about
// the scan (format, counts, coverage judgements, result filter).
nlohmann::ordered_json ScanJson(const db::ScanRow& scan);
// One `detections` row: the evidence with its scan reference flattened, plus the stored
// detection's id, host, service, rule and source line.
nlohmann::ordered_json DetectionJson(const db::DetectionRow& detection);
// One `history` row: the exposure's key, then the outcome with its scan reference flattened;
// `state_after` is the exposure's state once this outcome is applied. Every history row also
// has `time` (the scan's or check's time, or when the decision
// was made) and `decision` (null but for decisions). `detection`: for a detected
// outcome, the scan's detection at the exposure (the strongest tier's first), whose tier and
// output the row shows as `tier` and `evidence`; nullptr otherwise (both null).
nlohmann::ordered_json HistoryJson(const core::Exposure& exposure, const core::Outcome& outcome,
                                   const std::optional<core::ExposureState>& state_after,
                                   const core::Evidence* detection = nullptr);
// A vantage-point check as a `history` row beside the scans' outcomes (`source`
// "vantage-point"; HistoryJson's rows have "scan"): the same fields, with scanner "vantage
// point", scan_name the vantage point's name, scan_time the check's time, file and sha256 null,
// outcome the check's outcome (docs/json.md).
nlohmann::ordered_json VantageHistoryJson(const core::Exposure& exposure,
                                          const core::VantageCheckRecord& record,
                                          const std::optional<core::ExposureState>& state_after);
// A firewall-ruleset answer as a `history` row (`source` "firewall-ruleset"): the same fields,
// with file, sha256 and scan_time those of the collected ruleset, scanner "firewall ruleset",
// scan_name its format, outcome the verdict (blocked, allowed, unknown), evidence the sentence
// the host page shows, then the rule as the file spells it on a line of its own (docs/json.md).
nlohmann::ordered_json FirewallHistoryJson(const core::Exposure& exposure,
                                           const core::FirewallCheck& check,
                                           const std::optional<core::ExposureState>& state_after);
// One `history` row for a triage record covering the exposure: the scan and outcome fields are
// null, `decision` is core::DecisionRecordJson.
nlohmann::ordered_json HistoryDecisionJson(const core::Exposure& exposure,
                                           const core::DecisionRecord& record);
// One `triage list` row: {record} (the record's number, in the order recorded), then
// core::DecisionRecordJson's fields.
nlohmann::ordered_json TriageRecordJson(const core::DecisionRecord& record);

}  // namespace ttmtrack::cli
