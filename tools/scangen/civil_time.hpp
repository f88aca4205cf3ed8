#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ttmtrack::scangen {

// UTC calendar arithmetic for the timestamps scan exports carry. Pure functions on epoch seconds;
// no time zone database and no C library, so generated files never depend on the machine.

// "2026-01-05T10:00:00Z" (also without the Z, or with "+00:00") to epoch seconds; nullopt when
// the text is not such a timestamp. Other offsets are refused: the generator speaks UTC.
std::optional<std::int64_t> ParseIsoUtc(std::string_view text);

// "2026-01-05T10:00:00Z"
std::string FormatIsoUtc(std::int64_t epoch);

// Nessus HOST_START/HOST_END style, C ctime without the newline: "Mon Jan  5 10:00:00 2026".
std::string FormatCtime(std::int64_t epoch);

// Nessus plugin 19506 "Scan Start Date" style: "2026/1/5 10:00".
std::string FormatNessusScanDate(std::int64_t epoch);

}  // namespace ttmtrack::scangen
