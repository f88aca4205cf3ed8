#include "db/settings.hpp"

#include "core/ascii_text.hpp"
#include "core/civil_time.hpp"
#include "core/error.hpp"

namespace ttmtrack::db {
namespace {

constexpr std::string_view kAssume = "assume";
constexpr std::string_view kStrict = "strict";

core::UnknownCoverage ToPolicy(const std::string& value) {
  return value == kStrict ? core::UnknownCoverage::kNotCovered
                          : core::UnknownCoverage::kAssumeCovered;
}

}  // namespace

const std::vector<SettingDefinition>& SettingDefinitions() {
  static const std::vector<SettingDefinition> definitions = {
      {"coverage.plugin-unknown", kAssume, "assume|strict",
       "when an export does not say whether the ttm_cmd plugin was enabled: assume it was "
       "(recorded in each outcome) or count the scan as not covering",
       true},
      {"coverage.port-unknown", kAssume, "assume|strict",
       "when an export does not enumerate the scanned ports (\"default\" or no range) and the "
       "port was not probed: assume it was scanned, or count the scan as not covering",
       true},
      {"coverage.host-unknown", kAssume, "assume|strict",
       "when an export does not say whether a host's scan finished: assume it did, or count the "
       "scan as not covering that host",
       true},
      {"import.nessus-utc-offset", "+00:00", "+HH:MM|-HH:MM",
       "zone of Nessus HOST_START/HOST_END strings when the export has no *_TIMESTAMP tags", false},
  };
  return definitions;
}

const SettingDefinition* FindSetting(std::string_view key) {
  for (const SettingDefinition& definition : SettingDefinitions()) {
    if (definition.key == key) return &definition;
  }
  return nullptr;
}

std::string CanonicalSettingValue(const SettingDefinition& definition, std::string_view value) {
  const std::string_view trimmed = core::Trim(value);
  if (definition.allowed == "assume|strict") {
    const std::string lower = core::ToLower(trimmed);
    if (lower == kAssume || lower == kStrict) return lower;
  } else if (const core::Parsed<int> offset = core::ParseUtcOffset(trimmed)) {
    return core::FormatUtcOffset(offset.value());
  }
  throw Error(Error::Kind::kUsage, "invalid value \"" + std::string(value) + "\" for setting " +
                                       std::string(definition.key) +
                                       " (allowed: " + std::string(definition.allowed) + ")");
}

core::CoveragePolicy CoveragePolicyFromSettings(
    const std::function<std::string(std::string_view)>& get) {
  core::CoveragePolicy policy;
  policy.plugin_enabled = ToPolicy(get("coverage.plugin-unknown"));
  policy.port_scanned = ToPolicy(get("coverage.port-unknown"));
  policy.host_completed = ToPolicy(get("coverage.host-unknown"));
  return policy;
}

int UtcOffsetSeconds(std::string_view canonical) {
  return core::ParseUtcOffset(canonical).value_or(0);
}

}  // namespace ttmtrack::db
