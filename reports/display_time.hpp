#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ttmtrack::reports {

// Times as the reports show them: ISO 8601 in UTC, to the minute for people
// ("2026-03-10 13:53 UTC") and to the second for machines ("2026-03-10T13:53:00Z",
// core::FormatIso8601Utc). A missing time is shown as a word, never as 1970: values at or
// before the Unix epoch, or after year 9999, are treated as missing too, because no scan ran
// then and such a value can only be an unset field.

inline constexpr std::string_view kDash = "\u2014";  // "—", for an unknown value
inline constexpr std::string_view kNever = "never";

bool IsKnownTime(std::optional<std::int64_t> epoch_seconds);

// "2026-03-10 13:53 UTC", or `missing` when !IsKnownTime.
std::string DisplayTime(std::optional<std::int64_t> epoch_seconds,
                        std::string_view missing = kDash);
// "2026-03-10", or `missing`.
std::string DisplayDate(std::optional<std::int64_t> epoch_seconds,
                        std::string_view missing = kDash);
// "2026-03-10T13:53:00Z", or nullopt (JSON null) when !IsKnownTime.
std::optional<std::string> MachineTime(std::optional<std::int64_t> epoch_seconds);

}  // namespace ttmtrack::reports
