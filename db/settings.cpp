#include "db/settings.hpp"

#include <optional>

#include "core/ascii_text.hpp"
#include "core/error.hpp"

namespace ttmtrack::db {
namespace {

constexpr std::string_view kAssume = "assume";
constexpr std::string_view kStrict = "strict";

std::optional<int> Digits(std::string_view text) {
  if (text.empty() || text.size() > 2) return std::nullopt;
  int value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

// "Z", "UTC", "+2", "-05", "+0530", "+05:30" → "+HH:MM"; nullopt when not an offset within
// the ±14:00 that real zones use.
std::optional<std::string> CanonicalOffset(std::string_view text) {
  const std::string lower = core::ToLower(text);
  if (lower == "z" || lower == "utc" || lower == "0") return "+00:00";
  if (text.size() < 2 || (text[0] != '+' && text[0] != '-')) return std::nullopt;
  const char sign = text[0];
  std::string_view rest = text.substr(1);
  std::string_view hours = rest;
  std::string_view minutes = "00";
  if (const auto colon = rest.find(':'); colon != std::string_view::npos) {
    hours = rest.substr(0, colon);
    minutes = rest.substr(colon + 1);
  } else if (rest.size() == 4) {
    hours = rest.substr(0, 2);
    minutes = rest.substr(2);
  }
  const auto h = Digits(hours);
  const auto m = Digits(minutes);
  if (!h || !m || minutes.size() != 2 || *m >= 60 || *h * 60 + *m > 14 * 60) return std::nullopt;
  std::string out(1, sign);
  out += static_cast<char>('0' + *h / 10);
  out += static_cast<char>('0' + *h % 10);
  out += ':';
  out += minutes;
  return out;
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
  } else if (auto offset = CanonicalOffset(trimmed)) {
    return *offset;
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
  if (canonical.size() != 6) return 0;
  const auto h = Digits(canonical.substr(1, 2));
  const auto m = Digits(canonical.substr(4, 2));
  if (!h || !m) return 0;
  const int seconds = (*h * 60 + *m) * 60;
  return canonical[0] == '-' ? -seconds : seconds;
}

}  // namespace ttmtrack::db
