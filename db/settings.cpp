#include "db/settings.hpp"

#include <charconv>
#include <optional>

#include "core/ascii_text.hpp"
#include "core/civil_time.hpp"
#include "core/error.hpp"

namespace ttmtrack::db {
namespace {

constexpr std::string_view kAssume = "assume";
constexpr std::string_view kStrict = "strict";
constexpr std::string_view kHours = "0..87600";
constexpr std::int64_t kMaxHours = 87600;  // ten years

std::optional<std::int64_t> ParseHours(std::string_view text) {
  std::int64_t hours = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), hours);
  if (error != std::errc() || end != text.data() + text.size() || hours < 0 || hours > kMaxHours) {
    return std::nullopt;
  }
  return hours;
}

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
       "zone of Nessus HOST_START/HOST_END strings when the export has no *_TIMESTAMP tags; a "
       "change re-reads the stored times of every scan imported since schema v4",
       true},
      {"import.future-margin-hours", "24", kHours,
       "how many hours after the import a scan may be dated (scanner clocks and zones); a later "
       "scan is refused",
       false},
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
  } else if (definition.allowed == kHours) {
    if (const std::optional<std::int64_t> hours = ParseHours(trimmed)) {
      return std::to_string(*hours);
    }
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

std::int64_t HoursInSeconds(std::string_view canonical) {
  return ParseHours(canonical).value_or(0) * 3600;
}

}  // namespace ttmtrack::db
