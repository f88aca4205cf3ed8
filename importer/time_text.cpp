#include "importer/time_text.hpp"

#include <string>

#include <Poco/DateTime.h>
#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/DateTimeParser.h>

#include "importer/text_util.hpp"

namespace ttmtrack::importer {
namespace {

std::string CollapseSpaces(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
    out.push_back(c);
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::int64_t EpochOf(const Poco::DateTime& date_time) {
  return static_cast<std::int64_t>(date_time.timestamp().epochTime());
}

// Reads exactly `width` digits at `pos`.
std::optional<int> Digits(std::string_view text, std::size_t pos, std::size_t width) {
  if (pos + width > text.size()) return std::nullopt;
  const std::optional<std::int64_t> value = ParseNonNegative(text.substr(pos, width));
  if (!value) return std::nullopt;
  return static_cast<int>(*value);
}

// "Z", "+02:00", "-0530" or "" → offset east of UTC in seconds.
std::optional<int> ZoneOffset(std::string_view zone) {
  if (zone.empty() || zone == "Z") return 0;
  if (zone.front() != '+' && zone.front() != '-') return std::nullopt;
  const int sign = zone.front() == '-' ? -1 : 1;
  zone.remove_prefix(1);
  std::optional<int> hours = Digits(zone, 0, 2);
  std::optional<int> minutes;
  if (zone.size() == 5 && zone[2] == ':') minutes = Digits(zone, 3, 2);
  if (zone.size() == 4) minutes = Digits(zone, 2, 2);
  if (zone.size() == 2) minutes = 0;
  if (!hours || !minutes || *hours > 23 || *minutes > 59) return std::nullopt;
  return sign * (*hours * 3600 + *minutes * 60);
}

}  // namespace

std::optional<std::int64_t> ParseCtime(std::string_view text, int utc_offset_seconds) {
  const std::string input(Trim(text));
  Poco::DateTime parsed;
  int zone = 0;
  if (!Poco::DateTimeParser::tryParse(Poco::DateTimeFormat::ASCTIME_FORMAT, input, parsed, zone)) {
    return std::nullopt;
  }
  // Poco's parser skips what it does not understand; formatting back and comparing makes the
  // check strict (a wrong weekday, a missing year or trailing junk all fail here).
  const std::string canonical =
      Poco::DateTimeFormatter::format(parsed, Poco::DateTimeFormat::ASCTIME_FORMAT);
  if (CollapseSpaces(canonical) != CollapseSpaces(input)) return std::nullopt;
  return EpochOf(parsed) - utc_offset_seconds;
}

std::optional<std::int64_t> ParseIso8601(std::string_view text) {
  text = Trim(text);
  // YYYY-MM-DDTHH:MM:SS is 19 characters.
  if (text.size() < 19 || text[4] != '-' || text[7] != '-' ||
      (text[10] != 'T' && text[10] != ' ') || text[13] != ':' || text[16] != ':') {
    return std::nullopt;
  }
  const auto year = Digits(text, 0, 4), month = Digits(text, 5, 2), day = Digits(text, 8, 2);
  const auto hour = Digits(text, 11, 2), minute = Digits(text, 14, 2), second = Digits(text, 17, 2);
  if (!year || !month || !day || !hour || !minute || !second) return std::nullopt;
  std::string_view rest = text.substr(19);
  if (!rest.empty() && rest.front() == '.') {
    std::size_t digits = 1;
    while (digits < rest.size() && rest[digits] >= '0' && rest[digits] <= '9') ++digits;
    if (digits == 1) return std::nullopt;
    rest.remove_prefix(digits);
  }
  const std::optional<int> offset = ZoneOffset(rest);
  if (!offset) return std::nullopt;
  if (!Poco::DateTime::isValid(*year, *month, *day, *hour, *minute, *second)) return std::nullopt;
  return EpochOf(Poco::DateTime(*year, *month, *day, *hour, *minute, *second)) - *offset;
}

std::optional<std::int64_t> ParseEpochSeconds(std::string_view text) {
  return ParseNonNegative(Trim(text));
}

}  // namespace ttmtrack::importer
