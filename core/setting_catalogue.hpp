#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/coverage_policy.hpp"
#include "core/exposure_status.hpp"

namespace ttmtrack::core {

// What kind of value a setting takes: decides how a value is checked and how its allowed values
// are shown.
enum class SettingType {
  kCoverageAssumption,  // UnknownCoverage spellings, "assume" or "strict" (core/enum_text.hpp)
  kUtcOffset,           // "+HH:MM" or "-HH:MM", within the ±14:00 that real zones use
  kHours,               // whole hours, 0..87600 (ten years)
  kDays,                // whole days, 0..3650 (ten years)
  kNetworkDays,         // "CIDR=DAYS,CIDR=DAYS", or empty for none
};

// The keys, for code that reads one setting's value.
inline constexpr std::string_view kPluginUnknownSetting = "coverage.plugin-unknown";
inline constexpr std::string_view kPortUnknownSetting = "coverage.port-unknown";
inline constexpr std::string_view kHostUnknownSetting = "coverage.host-unknown";
inline constexpr std::string_view kNessusUtcOffsetSetting = "import.nessus-utc-offset";
inline constexpr std::string_view kFutureMarginSetting = "import.future-margin-hours";
inline constexpr std::string_view kSlaDaysSetting = "sla.days";
inline constexpr std::string_view kSlaNetworkDaysSetting = "sla.network-days";
inline constexpr std::string_view kStaleDaysSetting = "stale.days";

// One setting ttmtrack knows (`ttmtrack config`, docs/cli.md). The store keeps values in its
// `settings` table; a missing row means `default_value`. Static data: the catalogue's entries
// live for the whole program.
struct SettingDefinition {
  std::string_view key;  // "coverage.plugin-unknown"
  SettingType type;
  std::string_view default_value;  // in canonical spelling
  std::string_view description;    // one line, for `config list`
  bool affects_lifecycle;          // a change must recompute every outcome
};

// Every setting, in the order `config list` shows them.
std::span<const SettingDefinition> SettingCatalogue();

// nullptr for an unknown key.
const SettingDefinition* FindSetting(std::string_view key);
// Throws ttmtrack::Error kUsage naming the known keys for an unknown one.
const SettingDefinition& RequireSetting(std::string_view key);

// The values a setting takes, as messages and `config list` show them: "assume|strict",
// "+HH:MM|-HH:MM", "0..87600".
std::string AllowedValues(SettingType type);

// What each value of a setting of `type` means, for `config describe`: {value, meaning} pairs;
// empty for types whose values speak for themselves (offsets, hours).
struct SettingValueMeaning {
  std::string_view value;
  std::string_view meaning;
};
std::span<const SettingValueMeaning> ValueMeanings(SettingType type);

// A coverage assumption as a user may type it: ASCII case and surrounding whitespace ignored
// (" STRICT " is kNotCovered). nullopt when it is neither spelling.
std::optional<UnknownCoverage> ParseCoverageAssumption(std::string_view value);

// The canonical spelling of `value` for `definition`, as the store keeps it: "STRICT" →
// "strict", "+2" → "+02:00" (core::ParseUtcOffset reads the offsets), " 024 " → "24". Throws
// ttmtrack::Error kUsage naming the key, the value and the allowed values when `value` is not one.
std::string CanonicalSettingValue(const SettingDefinition& definition, std::string_view value);

// The value stored for a key, or the key's default when none is: how the store answers.
using StoredSetting = std::function<std::string(std::string_view key)>;

// The typed values of the stored settings. Stored values are canonical (the store keeps only
// what CanonicalSettingValue returns); one edited by hand into something else reads as the
// default rather than failing every command.
CoveragePolicy CoveragePolicyFromSettings(const StoredSetting& get);
// import.nessus-utc-offset in seconds east of UTC.
int NessusUtcOffsetFromSettings(const StoredSetting& get);
// import.future-margin-hours in seconds ("24" → 86400).
std::int64_t FutureMarginSecondsFromSettings(const StoredSetting& get);
// sla.days, sla.network-days and stale.days (docs/triage.md).
DeadlinePolicy DeadlinePolicyFromSettings(const StoredSetting& get);

}  // namespace ttmtrack::core
