#pragma once

#include <optional>
#include <string_view>

namespace ttmtrack::importer::gvm {

// Maps a GVM result onto ttmtrack's 0 (info) .. 4 (critical) scale (docs/importer.md):
// threat "Critical" → 4, "High" → 3, "Medium" → 2, "Low" → 1, "Log", "Debug",
// "False Positive", "None" → 0 (case-insensitive). Without a known threat label, the numeric
// severity decides with GVM's classic class bounds: >= 7.0 → 3, >= 4.0 → 2, > 0 → 1, else 0
// (GVM labels 7.0-10.0 "High", so 9.8 maps to 3 as its label would; only an explicit
// "Critical" gives 4). Neither known → 0. Pure function.
int MapGvmSeverity(std::string_view threat, std::optional<double> severity);

// The numeric severity text ("6.8", "-1.0"), nullopt when it is not a number.
std::optional<double> ParseGvmSeverity(std::string_view text);

}  // namespace ttmtrack::importer::gvm
