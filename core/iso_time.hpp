#pragma once

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>

namespace ttmtrack::core {

// ISO 8601 UTC text of an epoch time, "2026-01-05T10:00:00Z": the one spelling of times in
// ttmtrack's machine-readable output (JSON, CSV). Pure calendar arithmetic (C++20 chrono), no
// time-zone database, so output never depends on the machine's TZ.
inline std::string FormatIso8601Utc(std::int64_t epoch_seconds) {
  using std::chrono::days;
  const std::chrono::sys_seconds tp{std::chrono::seconds{epoch_seconds}};
  const auto day = std::chrono::floor<days>(tp);
  const std::chrono::year_month_day ymd{day};
  const std::chrono::hh_mm_ss hms{tp - day};
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02uT%02d:%02d:%02dZ",
                static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()), static_cast<int>(hms.hours().count()),
                static_cast<int>(hms.minutes().count()), static_cast<int>(hms.seconds().count()));
  return buffer;
}

// Parses "YYYY-MM-DDTHH:MM:SSZ" (also with a space for 'T', and "YYYY-MM-DD" alone = midnight
// UTC). Only UTC is accepted: an offset is rejected rather than guessed. nullopt when invalid.
inline std::optional<std::int64_t> ParseIso8601Utc(std::string_view text) {
  int year = 0;
  unsigned month = 0;
  unsigned day = 0;
  int hour = 0;
  int minute = 0;
  int second = 0;
  const std::string s(text);
  char sep = 0;
  char zone = 0;
  int consumed = 0;
  if (std::sscanf(s.c_str(), "%4d-%2u-%2u%n", &year, &month, &day, &consumed) != 3) {
    return std::nullopt;
  }
  if (static_cast<std::size_t>(consumed) != s.size()) {
    int rest = 0;
    if (std::sscanf(s.c_str() + consumed, "%c%2d:%2d:%2d%c%n", &sep, &hour, &minute, &second, &zone,
                    &rest) != 5 ||
        (sep != 'T' && sep != ' ') || zone != 'Z' ||
        static_cast<std::size_t>(consumed + rest) != s.size()) {
      return std::nullopt;
    }
  }
  const std::chrono::year_month_day ymd{std::chrono::year{year}, std::chrono::month{month},
                                        std::chrono::day{day}};
  if (!ymd.ok() || hour > 23 || minute > 59 || second > 60 || hour < 0 || minute < 0 ||
      second < 0) {
    return std::nullopt;
  }
  const auto days_since_epoch = std::chrono::sys_days{ymd}.time_since_epoch().count();
  return static_cast<std::int64_t>(days_since_epoch) * 86400 + hour * 3600 + minute * 60 + second;
}

}  // namespace ttmtrack::core
