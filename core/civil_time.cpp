#include "core/civil_time.hpp"

#include <algorithm>
#include <array>
#include <chrono>

#include "core/ascii_text.hpp"

namespace ttmtrack::core {
namespace {

namespace chrono = std::chrono;

constexpr std::array<std::string_view, 7> kWeekdayNames = {"Sun", "Mon", "Tue", "Wed",
                                                           "Thu", "Fri", "Sat"};
constexpr std::array<std::string_view, 12> kMonthNames = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

constexpr int kMaxStampOffsetSeconds = 23 * 3600 + 59 * 60;
constexpr int kMaxZoneOffsetSeconds = 14 * 3600;

// Reasons (Parsed::reason): each completes a message such as `HOST_START "..." is not a time: `.
constexpr std::string_view kNotIso8601 = "not ISO 8601 (such as 2026-01-05T10:00:00Z)";
constexpr std::string_view kNotCtime = "not ctime (such as \"Thu Jan  1 10:00:00 2026\")";
constexpr std::string_view kNotExportTime =
    "neither ctime (such as \"Thu Jan  1 10:00:00 2026\") nor ISO 8601 (such as "
    "2026-01-05T10:00:00Z)";
constexpr std::string_view kNotOffset = "not a UTC offset (such as +05:30)";
constexpr std::string_view kNotEpoch = "not epoch seconds (decimal digits)";
constexpr std::string_view kNoSuchDate = "no such date";
constexpr std::string_view kNoSuchTimeOfDay = "no such time of day";
constexpr std::string_view kWrongWeekday = "the weekday is not the date's";
constexpr std::string_view kOffsetOutOfRange = "UTC offset out of range";
constexpr std::string_view kOutOfRange = "outside the years 0000 to 9999";

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Reads a text from left to right. Each Skip/Read either consumes what it names and succeeds, or
// fails; after a failure the parse is abandoned, so where it stopped does not matter.
class Cursor {
 public:
  explicit Cursor(std::string_view text) : text_(text) {}

  bool AtEnd() const { return pos_ == text_.size(); }
  std::size_t Position() const { return pos_; }
  bool Skip(char c) { return SkipOneOf(std::string_view(&c, 1)); }
  bool SkipOneOf(std::string_view chars) {
    if (AtEnd() || chars.find(text_[pos_]) == std::string_view::npos) return false;
    ++pos_;
    return true;
  }
  // One or more spaces.
  bool SkipSpaces() {
    if (!Skip(' ')) return false;
    while (Skip(' ')) {
    }
    return true;
  }
  // One or more digits.
  bool SkipDigits() {
    const std::size_t start = pos_;
    while (!AtEnd() && IsDigit(text_[pos_])) ++pos_;
    return pos_ > start;
  }
  // At least `min_digits` and at most `max_digits` (<= 9) decimal digits, as many as there are.
  std::optional<int> ReadNumber(std::size_t min_digits, std::size_t max_digits) {
    int value = 0;
    std::size_t count = 0;
    while (count < max_digits && !AtEnd() && IsDigit(text_[pos_])) {
      value = value * 10 + (text_[pos_++] - '0');
      ++count;
    }
    if (count < min_digits) return std::nullopt;
    return value;
  }
  // One of `names`, compared ignoring ASCII case; its index.
  template <std::size_t N>
  std::optional<unsigned> ReadName(const std::array<std::string_view, N>& names) {
    for (std::size_t i = 0; i < N; ++i) {
      const std::string_view candidate = text_.substr(pos_, names[i].size());
      if (EqualsIgnoreCase(candidate, names[i])) {
        pos_ += candidate.size();
        return static_cast<unsigned>(i);
      }
    }
    return std::nullopt;
  }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
};

// The fields of a time as written, before any check of their values.
struct Fields {
  int year = 0;
  int month = 0;
  int day = 0;
  int hour = 0;
  int minute = 0;
  int second = 0;
};

// A signed offset as written; its value is checked by OffsetSeconds.
struct Offset {
  bool negative = false;
  int hours = 0;
  int minutes = 0;
};

// ±h[h][[:]mm], the hour with at least `min_hour_digits` digits; minutes without a colon only
// after a two-digit hour ("+0530", never "+530").
std::optional<Offset> ReadOffset(Cursor& in, std::size_t min_hour_digits) {
  Offset offset;
  offset.negative = in.Skip('-');
  if (!offset.negative && !in.Skip('+')) return std::nullopt;
  const std::size_t hours_start = in.Position();
  const std::optional<int> hours = in.ReadNumber(min_hour_digits, 2);
  if (!hours) return std::nullopt;
  offset.hours = *hours;
  const bool two_digit_hour = in.Position() - hours_start == 2;
  if (in.Skip(':') || (two_digit_hour && !in.AtEnd())) {
    const std::optional<int> minutes = in.ReadNumber(2, 2);
    if (!minutes) return std::nullopt;
    offset.minutes = *minutes;
  }
  return offset;
}

Parsed<int> OffsetSeconds(const Offset& offset, int max_seconds) {
  const int seconds = offset.hours * 3600 + offset.minutes * 60;
  if (offset.minutes > 59 || seconds > max_seconds) return Parsed<int>::Failure(kOffsetOutOfRange);
  return Parsed<int>::Success(offset.negative ? -seconds : seconds);
}

// The time `fields` name at `offset_seconds` east of UTC, with the range and the leap-second
// and hour-24 policies of civil_time.hpp. `weekday` (0 = Sunday), when given, must be the date's.
Parsed<std::int64_t> Compose(const Fields& fields, int offset_seconds,
                             std::optional<unsigned> weekday = std::nullopt) {
  using Result = Parsed<std::int64_t>;
  const chrono::year_month_day date{chrono::year{fields.year},
                                    chrono::month{static_cast<unsigned>(fields.month)},
                                    chrono::day{static_cast<unsigned>(fields.day)}};
  if (!date.ok()) return Result::Failure(kNoSuchDate);
  if (weekday && chrono::weekday{chrono::sys_days{date}}.c_encoding() != *weekday) {
    return Result::Failure(kWrongWeekday);
  }
  if (fields.hour > 23 || fields.minute > 59 || fields.second > 60) {
    return Result::Failure(kNoSuchTimeOfDay);
  }
  const chrono::sys_seconds wall = chrono::sys_days{date} + chrono::hours{fields.hour} +
                                   chrono::minutes{fields.minute} +
                                   chrono::seconds{fields.second == 60 ? 59 : fields.second};
  const std::int64_t epoch = (wall - chrono::seconds{offset_seconds}).time_since_epoch().count();
  if (epoch < kMinEpochSeconds || epoch > kMaxEpochSeconds) return Result::Failure(kOutOfRange);
  return Result::Success(epoch);
}

// Three numbers joined by `separator`, the first of `first_width` digits and the others of two:
// YYYY-MM-DD and hh:mm:ss.
bool ReadTriple(Cursor& in, char separator, std::size_t first_width, int& first, int& second,
                int& third) {
  const std::optional<int> a = in.ReadNumber(first_width, first_width);
  if (!a || !in.Skip(separator)) return false;
  const std::optional<int> b = in.ReadNumber(2, 2);
  if (!b || !in.Skip(separator)) return false;
  const std::optional<int> c = in.ReadNumber(2, 2);
  if (!c) return false;
  first = *a;
  second = *b;
  third = *c;
  return true;
}

bool ReadClock(Cursor& in, Fields& fields) {
  return ReadTriple(in, ':', 2, fields.hour, fields.minute, fields.second);
}

bool ReadIsoDate(Cursor& in, Fields& fields) {
  return ReadTriple(in, '-', 4, fields.year, fields.month, fields.day);
}

void AppendNumber(std::string& out, int value, std::size_t width, char pad = '0') {
  const std::string digits = std::to_string(value);
  if (digits.size() < width) out.append(width - digits.size(), pad);
  out += digits;
}

void AppendClock(std::string& out, const CivilTime& civil) {
  AppendNumber(out, civil.hour, 2);
  out += ':';
  AppendNumber(out, civil.minute, 2);
  out += ':';
  AppendNumber(out, civil.second, 2);
}

}  // namespace

Parsed<std::int64_t> ParseIso8601(std::string_view text, int zoneless_offset_seconds) {
  using Result = Parsed<std::int64_t>;
  Cursor in(Trim(text));
  Fields fields;
  if (!ReadIsoDate(in, fields)) return Result::Failure(kNotIso8601);
  if (in.AtEnd()) return Compose(fields, zoneless_offset_seconds);
  if (!in.SkipOneOf("Tt ") || !ReadClock(in, fields)) return Result::Failure(kNotIso8601);
  if (in.SkipOneOf(".,") && !in.SkipDigits()) return Result::Failure(kNotIso8601);
  std::optional<Offset> offset;
  if (in.SkipOneOf("Zz")) {
    offset = Offset{};
  } else if (!in.AtEnd()) {
    offset = ReadOffset(in, 2);
    if (!offset) return Result::Failure(kNotIso8601);
  }
  if (!in.AtEnd()) return Result::Failure(kNotIso8601);
  if (!offset) return Compose(fields, zoneless_offset_seconds);
  const Parsed<int> offset_seconds = OffsetSeconds(*offset, kMaxStampOffsetSeconds);
  if (!offset_seconds) return Result::Failure(offset_seconds.reason());
  return Compose(fields, offset_seconds.value());
}

Parsed<std::int64_t> ParseCtime(std::string_view text, int utc_offset_seconds) {
  using Result = Parsed<std::int64_t>;
  Cursor in(Trim(text));
  Fields fields;
  const std::optional<unsigned> weekday = in.ReadName(kWeekdayNames);
  if (!weekday || !in.SkipSpaces()) return Result::Failure(kNotCtime);
  const std::optional<unsigned> month = in.ReadName(kMonthNames);
  if (!month || !in.SkipSpaces()) return Result::Failure(kNotCtime);
  const std::optional<int> day = in.ReadNumber(1, 2);
  if (!day || !in.SkipSpaces() || !ReadClock(in, fields) || !in.SkipSpaces()) {
    return Result::Failure(kNotCtime);
  }
  const std::optional<int> year = in.ReadNumber(4, 4);
  if (!year || !in.AtEnd()) return Result::Failure(kNotCtime);
  fields.year = *year;
  fields.month = static_cast<int>(*month) + 1;
  fields.day = *day;
  return Compose(fields, utc_offset_seconds, weekday);
}

Parsed<std::int64_t> ParseExportTime(std::string_view text, int zoneless_offset_seconds) {
  const std::string_view trimmed = Trim(text);
  const Parsed<std::int64_t> parsed = !trimmed.empty() && IsDigit(trimmed.front())
                                          ? ParseIso8601(trimmed, zoneless_offset_seconds)
                                          : ParseCtime(trimmed, zoneless_offset_seconds);
  // A text of neither shape gets a reason that names both; a damaged one keeps its own.
  if (parsed.reason() == kNotIso8601 || parsed.reason() == kNotCtime) {
    return Parsed<std::int64_t>::Failure(kNotExportTime);
  }
  return parsed;
}

bool IsZonelessExportTime(std::string_view text) {
  const std::string_view trimmed = Trim(text);
  if (trimmed.empty() || !IsDigit(trimmed.front())) return true;  // ctime has no zone
  // ISO 8601: past the date's own '-' separators (YYYY-MM-DD), a zone starts with Z, + or -.
  constexpr std::size_t kDateLength = 10;
  return trimmed.find_first_of("Zz+-", std::min(kDateLength, trimmed.size())) ==
         std::string_view::npos;
}

Parsed<std::int64_t> ParseEpochSeconds(std::string_view text) {
  using Result = Parsed<std::int64_t>;
  const std::string_view digits = Trim(text);
  if (digits.empty()) return Result::Failure(kNotEpoch);
  std::int64_t value = 0;
  for (const char c : digits) {
    if (!IsDigit(c)) return Result::Failure(kNotEpoch);
    value = value * 10 + (c - '0');
    if (value > kMaxEpochSeconds) return Result::Failure(kOutOfRange);
  }
  return Result::Success(value);
}

Parsed<int> ParseUtcOffset(std::string_view text) {
  const std::string_view trimmed = Trim(text);
  if (EqualsIgnoreCase(trimmed, "Z") || EqualsIgnoreCase(trimmed, "UTC") || trimmed == "0") {
    return Parsed<int>::Success(0);
  }
  Cursor in(trimmed);
  const std::optional<Offset> offset = ReadOffset(in, 1);
  if (!offset || !in.AtEnd()) return Parsed<int>::Failure(kNotOffset);
  return OffsetSeconds(*offset, kMaxZoneOffsetSeconds);
}

std::string FormatUtcOffset(int offset_seconds) {
  const int minutes = (offset_seconds < 0 ? -offset_seconds : offset_seconds) / 60;
  std::string out(1, offset_seconds < 0 && minutes > 0 ? '-' : '+');
  AppendNumber(out, minutes / 60, 2);
  out += ':';
  AppendNumber(out, minutes % 60, 2);
  return out;
}

std::optional<CivilTime> ToCivilTime(std::int64_t epoch_seconds) {
  if (epoch_seconds < kMinEpochSeconds || epoch_seconds > kMaxEpochSeconds) return std::nullopt;
  const chrono::sys_seconds time{chrono::seconds{epoch_seconds}};
  const chrono::sys_days day = chrono::floor<chrono::days>(time);
  const chrono::year_month_day date{day};
  const chrono::hh_mm_ss clock{time - day};
  return CivilTime{static_cast<int>(date.year()),
                   static_cast<unsigned>(date.month()),
                   static_cast<unsigned>(date.day()),
                   chrono::weekday{day}.c_encoding(),
                   static_cast<int>(clock.hours().count()),
                   static_cast<int>(clock.minutes().count()),
                   static_cast<int>(clock.seconds().count())};
}

std::optional<std::string> FormatIso8601Utc(std::int64_t epoch_seconds) {
  const std::optional<CivilTime> civil = ToCivilTime(epoch_seconds);
  if (!civil) return std::nullopt;
  std::string out;
  out.reserve(20);
  AppendNumber(out, civil->year, 4);
  out += '-';
  AppendNumber(out, static_cast<int>(civil->month), 2);
  out += '-';
  AppendNumber(out, static_cast<int>(civil->day), 2);
  out += 'T';
  AppendClock(out, *civil);
  out += 'Z';
  return out;
}

std::optional<std::string> FormatCtime(std::int64_t epoch_seconds) {
  const std::optional<CivilTime> civil = ToCivilTime(epoch_seconds);
  if (!civil) return std::nullopt;
  std::string out;
  out.reserve(24);
  out += kWeekdayNames[civil->weekday];
  out += ' ';
  out += kMonthNames[civil->month - 1];
  out += ' ';
  AppendNumber(out, static_cast<int>(civil->day), 2, ' ');
  out += ' ';
  AppendClock(out, *civil);
  out += ' ';
  AppendNumber(out, civil->year, 4);
  return out;
}

}  // namespace ttmtrack::core
