#pragma once

#include <cstdint>
#include <optional>

#include <nlohmann/json.hpp>

#include "core/exposure.hpp"
#include "core/outcome.hpp"
#include "core/rule.hpp"
#include "core/scan_ref.hpp"
#include "db/store_types.hpp"

namespace ttmtrack::cli {

// The JSON objects of the listing commands. Field names and types are a contract users'
// scripts rely on (docs/cli.md): add fields freely, never rename or retype one. Times are
// ISO 8601 UTC strings ("2026-01-05T10:00:00Z") or null.

nlohmann::ordered_json TimeJson(const std::optional<std::int64_t>& epoch_seconds);
nlohmann::ordered_json ScanRefJson(const core::ScanRef& scan);
nlohmann::ordered_json ExposureJson(const core::Exposure& exposure);
// One outcome of `exposure`; `state_after` is the state once this outcome is applied.
nlohmann::ordered_json OutcomeJson(const core::Exposure& exposure, const core::Outcome& outcome,
                                   const std::optional<core::ExposureState>& state_after);
nlohmann::ordered_json ScanJson(const db::ScanRow& scan);
nlohmann::ordered_json DetectionJson(const db::DetectionRow& detection);
nlohmann::ordered_json RuleJson(const core::Rule& rule);

}  // namespace ttmtrack::cli
