#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/coverage_policy.hpp"

namespace ttmtrack::db {

// The settings ttmtrack knows: their keys, defaults and validation. Values live in the
// `settings` table (schema v2); a missing row means the default. Pure functions, no SQL.
struct SettingDefinition {
  std::string_view key;
  std::string_view default_value;
  std::string_view allowed;  // for messages and `config list`
  std::string_view description;
  bool affects_lifecycle;  // a change must recompute outcomes
};

const std::vector<SettingDefinition>& SettingDefinitions();

// nullptr for an unknown key.
const SettingDefinition* FindSetting(std::string_view key);

// The canonical spelling of `value` for `definition` ("STRICT" → "strict", "+2" → "+02:00").
// Throws ttmtrack::Error kUsage naming the key and the allowed values when invalid.
std::string CanonicalSettingValue(const SettingDefinition& definition, std::string_view value);

// The coverage policy from stored values; `get` returns a key's value (default when unset).
core::CoveragePolicy CoveragePolicyFromSettings(
    const std::function<std::string(std::string_view)>& get);

// Seconds east of UTC for a canonical "+HH:MM" / "-HH:MM" value.
int UtcOffsetSeconds(std::string_view canonical);

// Seconds in a canonical hours value ("24" → 86400).
std::int64_t HoursInSeconds(std::string_view canonical);

}  // namespace ttmtrack::db
