#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/parsed.hpp"

// Civil time: every spelling of a time that ttmtrack reads or writes, in one place.
//
// A time is epoch seconds UTC (std::int64_t), the unit the store keeps. The calendar is C++20
// <chrono> (proleptic Gregorian; no time-zone database, no C library), so no result depends on
// the machine's zone or locale. Pure functions, safe from any thread.
//
// Policies (tests/core/civil_time_test.cpp has a case for each):
//   - Range: the years 0000 to 9999 (kMinEpochSeconds..kMaxEpochSeconds), the years the four-
//     digit notations can spell. Parsers never return a time outside it (also not after applying
//     an offset); formatters return nullopt for one.
//   - Surrounding ASCII whitespace is ignored; any other byte outside the grammar refuses the
//     whole text (nothing is read partially).
//   - Fractional seconds, of any length, are truncated: times are whole seconds.
//   - Leap second: second 60 is accepted in any minute (RFC 3339 allows it there, as with an
//     offset a leap second is not at 23:59 local time) and read as second 59 of the same minute.
//     Epoch seconds have no leap seconds; this keeps the time in its own minute and day and never
//     reorders two times.
//   - Hour 24 ("24:00:00") is refused: RFC 3339 has no hour 24, ISO 8601-1:2019 dropped it, and
//     no scanner writes it.
//   - Offsets: up to ±23:59 inside a time stamp (the notation's range: the text is then read as
//     written), up to ±14:00 for a zone setting (the widest zone in use, UTC+14).
namespace ttmtrack::core {

inline constexpr std::int64_t kMinEpochSeconds = -62167219200;  // 0000-01-01T00:00:00Z
inline constexpr std::int64_t kMaxEpochSeconds = 253402300799;  // 9999-12-31T23:59:59Z

// ISO 8601 extended format, as GVM, newer Nessus exports and people write it:
//   YYYY-MM-DD                                        midnight
//   YYYY-MM-DD{T|t|space}hh:mm:ss[{.|,}digits][zone]  zone: Z, z, ±hh, ±hhmm or ±hh:mm
// A text without a zone is wall-clock time `zoneless_offset_seconds` east of UTC (GVM writes
// zone-less times in UTC: 0). Reduced forms (no seconds, week or ordinal dates, the basic format
// without separators) are refused: no export writes them.
Parsed<std::int64_t> ParseIso8601(std::string_view text, int zoneless_offset_seconds = 0);

// The C ctime()/asctime() layout, as Nessus writes HOST_START/HOST_END and the OMP era wrote
// scan_start: "Thu Jan  1 10:00:00 2026" (day space-padded, as ctime pads it),
// "Thu Jan 01 10:00:00 2026" (zero-padded, as some Nessus versions write it) or
// "Thu Jan 1 10:00:00 2026". Fields are separated by one or more spaces; English day and month
// names, in any letter case; hh:mm:ss two digits each; a four-digit year. The weekday must be the
// date's: a wrong one means a damaged text, not a time. The text has no zone: it is wall-clock
// time `utc_offset_seconds` east of UTC (the result is wall clock minus the offset).
Parsed<std::int64_t> ParseCtime(std::string_view text, int utc_offset_seconds);

// A host or scan time as scan exports spell it: ISO 8601 or ctime (both above; the first
// character decides which), zone-less spellings read at `zoneless_offset_seconds`.
Parsed<std::int64_t> ParseExportTime(std::string_view text, int zoneless_offset_seconds);

// Whether ParseExportTime reads `text` at its zoneless offset, i.e. the text states no zone:
// ctime, or ISO 8601 without Z or an offset. Such a text means a different instant under
// another zone setting, so the store keeps it as read (import.nessus-utc-offset).
bool IsZonelessExportTime(std::string_view text);

// Epoch seconds as decimal digits, no sign (Nessus HOST_START_TIMESTAMP, SOURCE_DATE_EPOCH):
// 0 to kMaxEpochSeconds.
Parsed<std::int64_t> ParseEpochSeconds(std::string_view text);

// A UTC offset as people type a zone setting (import.nessus-utc-offset): "Z", "UTC", "0", "+2",
// "-05", "+0530", "+05:30", "-5:30" (letters in any case); at most ±14:00. Seconds east of UTC.
Parsed<int> ParseUtcOffset(std::string_view text);

// "+05:30", "-08:00"; zero is "+00:00". Seconds that are not whole minutes are dropped.
// REQUIRES: |offset_seconds| < 100 hours.
std::string FormatUtcOffset(int offset_seconds);

// Whether an epoch time can be a scan's: after the epoch and no later than kMaxEpochSeconds.
// Values at or before the epoch can only be an unset field (no scan ran then): the reports show
// every other time as unknown (a word on the pages, null in JSON), never as 1970.
constexpr bool IsKnownTime(std::optional<std::int64_t> epoch_seconds) {
  return epoch_seconds && *epoch_seconds > 0 && *epoch_seconds <= kMaxEpochSeconds;
}

// "2026-01-05T10:00:00Z": the one spelling of times in ttmtrack's machine-readable output. nullopt
// outside kMinEpochSeconds..kMaxEpochSeconds.
std::optional<std::string> FormatIso8601Utc(std::int64_t epoch_seconds);

// "Mon Jan  5 10:00:00 2026": ctime() without its newline, in UTC. nullopt outside the range.
std::optional<std::string> FormatCtime(std::int64_t epoch_seconds);

// The fields of a time in UTC, for layouts of a caller's own (the scan generator's Nessus
// "2026/1/5 10:00"), so that no caller does calendar arithmetic.
struct CivilTime {
  int year;          // 0..9999
  unsigned month;    // 1..12
  unsigned day;      // 1..31
  unsigned weekday;  // 0 = Sunday .. 6 = Saturday
  int hour;          // 0..23
  int minute;        // 0..59
  int second;        // 0..59
};

// nullopt outside kMinEpochSeconds..kMaxEpochSeconds.
std::optional<CivilTime> ToCivilTime(std::int64_t epoch_seconds);

}  // namespace ttmtrack::core
