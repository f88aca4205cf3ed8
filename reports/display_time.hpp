#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/civil_time.hpp"

namespace ttmtrack::reports {

// Times as the reports' pages show them: ISO 8601 in UTC, to the minute ("2026-03-10 13:53 UTC").
// The JSON form writes them to the second (core::TimeJson). A missing time is shown as a word,
// never as 1970: what core::IsKnownTime calls unknown counts as missing.

inline constexpr std::string_view kDash = "\u2014";  // "—", for an unknown value
inline constexpr std::string_view kNever = "never";

using core::IsKnownTime;

// "2026-03-10 13:53 UTC", or `missing` when !IsKnownTime.
std::string DisplayTime(std::optional<std::int64_t> epoch_seconds,
                        std::string_view missing = kDash);
// "2026-03-10", or `missing`.
std::string DisplayDate(std::optional<std::int64_t> epoch_seconds,
                        std::string_view missing = kDash);

}  // namespace ttmtrack::reports
