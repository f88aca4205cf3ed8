#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace ttmtrack::importer {

// Parsers for the time notations found in scan exports. Each returns epoch seconds UTC, or
// nullopt when `text` is not exactly in that notation (surrounding whitespace allowed) or names
// an impossible date. Pure functions.

// C ctime()/asctime() layout, as Nessus writes HOST_START/HOST_END and old OpenVAS writes
// scan_start: "Tue Mar 10 13:53:27 2020" (day of month may be space-padded). The text carries
// no zone: the wall-clock time is taken to be UTC plus `utc_offset_seconds`, i.e. the result
// is wall_clock - utc_offset_seconds.
std::optional<std::int64_t> ParseCtime(std::string_view text, int utc_offset_seconds);

// ISO 8601 date-time as GVM writes it: "2014-09-20T03:55:33Z", "2020-05-12T10:00:00+02:00",
// "+0200", optional fractional seconds (dropped), or no zone at all, which is taken as UTC.
std::optional<std::int64_t> ParseIso8601(std::string_view text);

// Epoch seconds as decimal digits (Nessus HOST_START_TIMESTAMP).
std::optional<std::int64_t> ParseEpochSeconds(std::string_view text);

}  // namespace ttmtrack::importer
