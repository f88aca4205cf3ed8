#include "tools/scangen/civil_time.hpp"

#include <array>

#include <fmt/core.h>

namespace ttmtrack::scangen {
namespace {

struct Civil {
  std::int64_t year;
  int month;  // 1..12
  int day;    // 1..31
  int hour;
  int minute;
  int second;
  int weekday;  // 0 = Sunday
};

// Howard Hinnant's days_from_civil / civil_from_days (public domain algorithms).
std::int64_t DaysFromCivil(std::int64_t y, int m, int d) {
  y -= m <= 2 ? 1 : 0;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const std::int64_t yoe = y - era * 400;
  const std::int64_t mp = (m + 9) % 12;
  const std::int64_t doy = (153 * mp + 2) / 5 + d - 1;
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Civil CivilFromEpoch(std::int64_t epoch) {
  std::int64_t days = epoch / 86400;
  std::int64_t secs = epoch % 86400;
  if (secs < 0) {
    secs += 86400;
    days -= 1;
  }
  Civil c{};
  c.weekday = static_cast<int>(((days % 7) + 11) % 7);  // 1970-01-01 was a Thursday
  const std::int64_t z = days + 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const std::int64_t doe = z - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  c.day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  c.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  c.year = yoe + era * 400 + (c.month <= 2 ? 1 : 0);
  c.hour = static_cast<int>(secs / 3600);
  c.minute = static_cast<int>(secs / 60 % 60);
  c.second = static_cast<int>(secs % 60);
  return c;
}

std::optional<int> Digits(std::string_view text, std::size_t pos, std::size_t count) {
  if (pos + count > text.size()) return std::nullopt;
  int value = 0;
  for (std::size_t i = pos; i < pos + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

constexpr std::array<const char*, 7> kWeekdays = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
constexpr std::array<const char*, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

}  // namespace

std::optional<std::int64_t> ParseIsoUtc(std::string_view text) {
  // YYYY-MM-DDTHH:MM:SS = 19 characters, then nothing, "Z" or "+00:00".
  if (text.size() < 19 || text[4] != '-' || text[7] != '-' ||
      (text[10] != 'T' && text[10] != ' ') || text[13] != ':' || text[16] != ':') {
    return std::nullopt;
  }
  const std::string_view zone = text.substr(19);
  if (!zone.empty() && zone != "Z" && zone != "+00:00") return std::nullopt;
  const auto year = Digits(text, 0, 4);
  const auto month = Digits(text, 5, 2);
  const auto day = Digits(text, 8, 2);
  const auto hour = Digits(text, 11, 2);
  const auto minute = Digits(text, 14, 2);
  const auto second = Digits(text, 17, 2);
  if (!year || !month || !day || !hour || !minute || !second) return std::nullopt;
  if (*month < 1 || *month > 12 || *day < 1 || *day > 31 || *hour > 23 || *minute > 59 ||
      *second > 59) {
    return std::nullopt;
  }
  const std::int64_t days = DaysFromCivil(*year, *month, *day);
  // Reject 2026-02-31 and friends: the day must survive the round trip.
  if (CivilFromEpoch(days * 86400).day != *day) return std::nullopt;
  return days * 86400 + std::int64_t{*hour} * 3600 + std::int64_t{*minute} * 60 + *second;
}

std::string FormatIsoUtc(std::int64_t epoch) {
  const Civil c = CivilFromEpoch(epoch);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", c.year, c.month, c.day, c.hour,
                     c.minute, c.second);
}

std::string FormatCtime(std::int64_t epoch) {
  const Civil c = CivilFromEpoch(epoch);
  return fmt::format(
      "{} {} {:2} {:02}:{:02}:{:02} {}", kWeekdays[static_cast<std::size_t>(c.weekday)],
      kMonths[static_cast<std::size_t>(c.month - 1)], c.day, c.hour, c.minute, c.second, c.year);
}

std::string FormatNessusScanDate(std::int64_t epoch) {
  const Civil c = CivilFromEpoch(epoch);
  return fmt::format("{}/{}/{} {}:{:02}", c.year, c.month, c.day, c.hour, c.minute);
}

}  // namespace ttmtrack::scangen
