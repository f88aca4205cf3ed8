#include "core/civil_time.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>

#include <gtest/gtest.h>

namespace ttmtrack::core {
namespace {

// Every rule of core/civil_time.hpp, and the whole calendar from 0000 to 9999 against an
// independent day count kept by the test itself.

constexpr std::int64_t k20260105T100000 = 1767607200;  // 2026-01-05T10:00:00Z, a Monday
constexpr std::int64_t kDay = 86400;
constexpr std::int64_t kHour = 3600;

std::optional<std::int64_t> Iso(std::string_view text, int zoneless_offset = 0) {
  return ParseIso8601(text, zoneless_offset).optional();
}
std::optional<std::int64_t> Ctime(std::string_view text, int offset = 0) {
  return ParseCtime(text, offset).optional();
}

bool IsLeap(int year) { return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0); }
int DaysIn(int year, int month) {
  constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && IsLeap(year) ? 29 : kDays[static_cast<std::size_t>(month - 1)];
}
std::string Padded(int value, std::size_t width) {
  std::string digits = std::to_string(value);
  return std::string(width > digits.size() ? width - digits.size() : 0, '0') + digits;
}
std::string IsoDate(int year, int month, int day) {
  return Padded(year, 4) + "-" + Padded(month, 2) + "-" + Padded(day, 2);
}

class CivilTimeTest : public ::testing::Test {};

TEST_F(CivilTimeTest, Iso8601ReadsEveryFormExportsWrite) {
  const std::int64_t t = k20260105T100000;
  EXPECT_EQ(Iso("2026-01-05T10:00:00Z"), t);
  EXPECT_EQ(Iso("2026-01-05t10:00:00z"), t);  // RFC 3339 allows lower case
  EXPECT_EQ(Iso("2026-01-05 10:00:00Z"), t);
  EXPECT_EQ(Iso("2026-01-05T10:00:00"), t);  // no zone: the zone-less offset, 0 by default
  EXPECT_EQ(Iso("2026-01-05T12:00:00+02:00"), t);
  EXPECT_EQ(Iso("2026-01-05T12:00:00+0200"), t);
  EXPECT_EQ(Iso("2026-01-05T12:00:00+02"), t);
  EXPECT_EQ(Iso("2026-01-05T04:30:00-05:30"), t);
  EXPECT_EQ(Iso("2026-01-05T04:30:00-0530"), t);
  EXPECT_EQ(Iso("2026-01-05T10:00:00+00:00"), t);
  EXPECT_EQ(Iso("2026-01-05T10:00:00-00:00"), t);
  EXPECT_EQ(Iso("2026-01-05"), t - 10 * kHour);  // a date alone is midnight
  EXPECT_EQ(Iso(" \t2026-01-05T10:00:00Z\r\n"), t);
  EXPECT_EQ(Iso("2014-09-20T03:55:33Z"), 1411185333);
  EXPECT_EQ(Iso("1970-01-01T00:00:00Z"), 0);
}

TEST_F(CivilTimeTest, Iso8601TruncatesFractionsOfAnyLength) {
  const std::int64_t t = k20260105T100000;
  EXPECT_EQ(Iso("2026-01-05T10:00:00.9Z"), t);
  EXPECT_EQ(Iso("2026-01-05T10:00:00,5Z"), t);  // ISO 8601 also allows a comma
  EXPECT_EQ(Iso("2026-01-05T10:00:00.999999999Z"), t);
  EXPECT_EQ(Iso("2026-01-05T10:00:00." + std::string(200, '9') + "Z"), t);
  // Nessus Web App Scanning's spelling (issue 10): five digits and an offset.
  EXPECT_EQ(Iso("2021-03-12T12:34:30.12031+00:00"), 1615552470);
  EXPECT_EQ(Iso("2026-01-05T10:00:00.5"), t);
  EXPECT_EQ(Iso("1969-12-31T23:59:59.999Z"), -1);  // truncation: toward earlier, never later
}

TEST_F(CivilTimeTest, Iso8601WithoutZoneIsReadAtTheZonelessOffset) {
  EXPECT_EQ(Iso("2026-01-05T11:00:00", 3600), k20260105T100000);
  EXPECT_EQ(Iso("2026-01-05T11:00:00Z", 3600), k20260105T100000 + 3600);  // a zone wins
  EXPECT_EQ(Iso("2026-01-05T11:00:00+01:00", -7200), k20260105T100000);
  EXPECT_EQ(Iso("2026-01-05", 3600), k20260105T100000 - 11 * kHour);
}

TEST_F(CivilTimeTest, EveryMonthFrom0000To9999ParsesFormatsAndKnowsItsWeekday) {
  // An independent day count over all 3.65 million days: month lengths and the Gregorian leap
  // rule, nothing else. Checked (parsed, broken down, weekday) are the first day of every month
  // of every year — a month of the wrong length would move the next month's first day — and
  // every day of 2000-2030; checking every day takes a minute under the sanitizers and adds
  // nothing. Plain comparisons in the loop; the first day that disagrees is reported.
  std::int64_t expected = kMinEpochSeconds;
  unsigned weekday = 6;  // 0000-01-01 was a Saturday (proleptic Gregorian)
  std::string first_wrong_day;
  for (int year = 0; year <= 9999 && first_wrong_day.empty(); ++year) {
    for (int month = 1; month <= 12; ++month) {
      const int last = DaysIn(year, month);
      for (int day = 1; day <= last; ++day, expected += kDay, weekday = (weekday + 1) % 7) {
        if (day != 1 && (year < 2000 || year > 2030)) continue;
        const std::optional<CivilTime> civil = ToCivilTime(expected + kDay - 1);
        const bool right = ParseIso8601(IsoDate(year, month, day)).optional() == expected &&
                           civil && civil->year == year &&
                           civil->month == static_cast<unsigned>(month) &&
                           civil->day == static_cast<unsigned>(day) && civil->weekday == weekday &&
                           civil->hour == 23 && civil->minute == 59 && civil->second == 59;
        if (!right && first_wrong_day.empty()) first_wrong_day = IsoDate(year, month, day);
      }
    }
  }
  EXPECT_EQ(first_wrong_day, "");
  EXPECT_EQ(expected - 1, kMaxEpochSeconds);
}

TEST_F(CivilTimeTest, LeapDaysExistExactlyInLeapYears) {
  for (int year = 0; year <= 9999; ++year) {
    EXPECT_EQ(Iso(IsoDate(year, 2, 29)).has_value(), IsLeap(year)) << year;
  }
  EXPECT_TRUE(Iso("2000-02-29T12:00:00Z"));   // divisible by 400
  EXPECT_FALSE(Iso("1900-02-29T12:00:00Z"));  // by 100, not 400
  EXPECT_TRUE(Iso("2024-02-29T12:00:00Z"));
  EXPECT_FALSE(Iso("2026-02-29T12:00:00Z"));
}

TEST_F(CivilTimeTest, MonthsAndDaysOutsideTheCalendarAreRefused) {
  for (const int year : {2024, 2026}) {
    for (int month = 1; month <= 12; ++month) {
      EXPECT_TRUE(Iso(IsoDate(year, month, DaysIn(year, month))));
      EXPECT_FALSE(Iso(IsoDate(year, month, DaysIn(year, month) + 1)));
      EXPECT_FALSE(Iso(IsoDate(year, month, 0)));
    }
  }
  EXPECT_FALSE(Iso("2026-00-10T00:00:00Z"));
  EXPECT_FALSE(Iso("2026-13-10T00:00:00Z"));
  EXPECT_FALSE(Iso("2026-99-99T00:00:00Z"));
  EXPECT_EQ(ParseIso8601("2026-04-31T00:00:00Z").reason(), "no such date");
}

TEST_F(CivilTimeTest, HoursMinutesAndSecondsStayInTheirRanges) {
  EXPECT_EQ(Iso("2026-01-05T00:00:00Z"), k20260105T100000 - 10 * kHour);
  EXPECT_EQ(Iso("2026-01-05T23:59:59Z"), k20260105T100000 + 14 * kHour - 1);
  EXPECT_FALSE(Iso("2026-01-05T23:60:00Z"));
  EXPECT_FALSE(Iso("2026-01-05T23:59:61Z"));
  EXPECT_FALSE(Iso("2026-01-05T25:00:00Z"));
  EXPECT_FALSE(Iso("2026-01-05T99:99:99Z"));
  EXPECT_EQ(ParseIso8601("2026-01-05T23:60:00Z").reason(), "no such time of day");
}

TEST_F(CivilTimeTest, HourTwentyFourIsRefused) {
  EXPECT_FALSE(Iso("2026-01-05T24:00:00Z"));
  EXPECT_FALSE(Iso("2026-01-05T24:00:00"));
  EXPECT_FALSE(Ctime("Mon Jan  5 24:00:00 2026"));
}

TEST_F(CivilTimeTest, LeapSecondIsReadAsTheLastSecondOfItsMinute) {
  const std::int64_t last_of_2016 = *Iso("2016-12-31T23:59:59Z");
  EXPECT_EQ(Iso("2016-12-31T23:59:60Z"), last_of_2016);
  EXPECT_EQ(Iso("2016-12-31T23:59:60.999Z"), last_of_2016);
  EXPECT_EQ(Iso("2017-01-01T00:59:60+01:00"), last_of_2016);  // the same leap second in CET
  EXPECT_LT(*Iso("2016-12-31T23:59:60Z"), *Iso("2017-01-01T00:00:00Z"));
  EXPECT_EQ(Iso("2026-01-05T10:00:60Z"), k20260105T100000 + 59);  // any minute, as RFC 3339
  EXPECT_EQ(Ctime("Sat Dec 31 23:59:60 2016"), last_of_2016);
}

TEST_F(CivilTimeTest, TimeStampOffsetsReachTwentyThreeFiftyNine) {
  const std::int64_t t = k20260105T100000;
  EXPECT_EQ(Iso("2026-01-06T09:59:00+23:59"), t);
  EXPECT_EQ(Iso("2026-01-04T10:01:00-23:59"), t);
  EXPECT_EQ(Iso("2026-01-06T00:00:00+14:00"), t);
  EXPECT_FALSE(Iso("2026-01-05T10:00:00+24:00"));
  EXPECT_FALSE(Iso("2026-01-05T10:00:00-24:00"));
  EXPECT_FALSE(Iso("2026-01-05T10:00:00+00:60"));
  EXPECT_FALSE(Iso("2026-01-05T10:00:00+99"));
  EXPECT_EQ(ParseIso8601("2026-01-05T10:00:00+24:00").reason(), "UTC offset out of range");
}

TEST_F(CivilTimeTest, OffsetsInTimeStampsHaveTwoDigitHours) {
  EXPECT_FALSE(Iso("2026-01-05T10:00:00+2"));
  EXPECT_FALSE(Iso("2026-01-05T10:00:00+2:00"));
  EXPECT_FALSE(Iso("2026-01-05T10:00:00+200"));
  EXPECT_FALSE(Iso("2026-01-05T10:00:00+02:0"));
  EXPECT_FALSE(Iso("2026-01-05T10:00:00+020"));
  EXPECT_FALSE(Iso("2026-01-05T10:00:00+02:00:00"));
  EXPECT_FALSE(Iso("2026-01-05T10:00:00UTC"));
}

TEST_F(CivilTimeTest, TimesOutsideTheYears0000To9999AreRefusedAfterTheOffset) {
  EXPECT_EQ(Iso("0000-01-01T00:00:00Z"), kMinEpochSeconds);
  EXPECT_EQ(Iso("9999-12-31T23:59:59Z"), kMaxEpochSeconds);
  EXPECT_EQ(Iso("9999-12-31T23:59:59.999999Z"), kMaxEpochSeconds);
  EXPECT_EQ(Iso("0000-01-01T00:00:00-01:00"), kMinEpochSeconds + 3600);
  EXPECT_EQ(Iso("9999-12-31T23:59:59+01:00"), kMaxEpochSeconds - 3600);
  EXPECT_FALSE(Iso("0000-01-01T00:00:00+00:01"));
  EXPECT_FALSE(Iso("9999-12-31T23:59:59-00:01"));
  EXPECT_FALSE(Iso("9999-12-31T23:59:59", -1));
  EXPECT_FALSE(Iso("10000-01-01T00:00:00Z"));
  EXPECT_FALSE(Iso("-0001-01-01T00:00:00Z"));
  EXPECT_FALSE(Iso("+2026-01-05T10:00:00Z"));
  EXPECT_EQ(ParseIso8601("0000-01-01T00:00:00+01:00").reason(), "outside the years 0000 to 9999");
}

TEST_F(CivilTimeTest, Iso8601RefusesJunk) {
  for (const std::string_view junk : {
           "",
           "   ",
           "2026",
           "2026-01",
           "2026-1-5",
           "2026-01-5",
           "26-01-05",
           "2026/01/05",
           "2026-01-05T",
           "2026-01-05T10",
           "2026-01-05T10:00",
           "2026-01-05T1:00:00",
           "2026-01-05T10:0:00",
           "2026-01-05T10:00:0",
           "2026-01-05T10:00:00.",
           "2026-01-05T10:00:00.Z",
           "2026-01-05T10:00:00..5Z",
           "2026-01-05T10:00:00.5.5Z",
           "2026-01-05T10:00:00Zjunk",
           "2026-01-05T10:00:00ZZ",
           "2026-01-05T10:00:00 Z",
           "2026-01-05T10:00:00 junk",
           "2026-01-05X10:00:00Z",
           "2026-01-05TT10:00:00Z",
           "2026-01-05  10:00:00",
           "20260105T100000Z",
           "2026-W02-1",
           "2026-005",
           "2026-01-05T10:00:00 +02:00",
           "2026-01-05T10-00-00Z",
           "yesterday at noon",
           "Mon Jan  5 10:00:00 2026",
           "\xEF\xBC\x92\xEF\xBC\x90\xEF\xBC\x92\xEF\xBC\x96-01-05",
       }) {
    EXPECT_FALSE(Iso(junk)) << '"' << junk << '"';
  }
  EXPECT_FALSE(Iso(std::string("2026-01-05T10:00:00\0Z", 21)));
  EXPECT_FALSE(Iso(std::string("2026-01-05\0", 11)));
  EXPECT_EQ(ParseIso8601("junk").reason(), "not ISO 8601 (such as 2026-01-05T10:00:00Z)");
}

TEST_F(CivilTimeTest, EveryTruncationOfAnIsoTimeIsRefusedUnlessItIsAShorterForm) {
  const std::string full = "2026-01-05T10:00:00.123+02:00";
  // Shorter forms in their own right: the date, the time without fraction or zone, the
  // fraction's digits, the offset's hour.
  const std::array<std::size_t, 7> complete = {10, 19, 21, 22, 23, 26, 29};
  for (std::size_t length = 0; length <= full.size(); ++length) {
    const bool expected = std::find(complete.begin(), complete.end(), length) != complete.end();
    EXPECT_EQ(Iso(full.substr(0, length)).has_value(), expected) << full.substr(0, length);
  }
}

TEST_F(CivilTimeTest, CtimeReadsBothNessusDayPaddings) {
  EXPECT_EQ(Ctime("Thu Jan  1 10:00:00 2026"), *Iso("2026-01-01T10:00:00Z"));
  EXPECT_EQ(Ctime("Thu Jan 01 10:00:00 2026"), *Iso("2026-01-01T10:00:00Z"));
  EXPECT_EQ(Ctime("Thu Jan 1 10:00:00 2026"), *Iso("2026-01-01T10:00:00Z"));
  EXPECT_EQ(Ctime("Tue Mar 10 13:53:27 2020"), 1583848407);
  EXPECT_EQ(Ctime("Tue Jan  7 08:19:25 2014"), 1389082765);
  EXPECT_EQ(Ctime("Sat Sep 20 03:55:33 2014"), 1411185333);
  EXPECT_EQ(Ctime("Thu  Jan   1   10:00:00   2026"), *Iso("2026-01-01T10:00:00Z"));
  EXPECT_EQ(Ctime("THU JAN  1 10:00:00 2026"), *Iso("2026-01-01T10:00:00Z"));
  EXPECT_EQ(Ctime("thu jan  1 10:00:00 2026\n"), *Iso("2026-01-01T10:00:00Z"));  // ctime()'s \n
  EXPECT_EQ(Ctime("Thu Feb 29 12:00:00 2024"), *Iso("2024-02-29T12:00:00Z"));
}

TEST_F(CivilTimeTest, CtimeIsWallClockAtTheGivenOffset) {
  EXPECT_EQ(Ctime("Tue Mar 10 13:53:27 2020", 3600), 1583848407 - 3600);
  EXPECT_EQ(Ctime("Tue Mar 10 13:53:27 2020", -4 * 3600), 1583848407 + 4 * kHour);
  EXPECT_EQ(Ctime("Thu Jan  1 00:30:00 2026", 3600), *Iso("2025-12-31T23:30:00Z"));
}

TEST_F(CivilTimeTest, CtimeRefusesAWeekdayThatIsNotTheDates) {
  EXPECT_FALSE(Ctime("Fri Jan  1 10:00:00 2026"));
  EXPECT_EQ(ParseCtime("Fri Jan  1 10:00:00 2026", 0).reason(), "the weekday is not the date's");
}

TEST_F(CivilTimeTest, CtimeRefusesJunkAndImpossibleDates) {
  for (const std::string_view junk : {
           "",
           "Thu",
           "Thu Jan",
           "Thu Jan  1",
           "Thu Jan  1 10:00:00",
           "Thu Jan  1 10:00 2026",
           "Thu Jan  1 10:00:00 26",
           "Thu Jan  1 10:00:00 02026",
           "Thu Jan  1 10:00:00 2026 UTC",
           "Thu Jan  1 10:00:00 2026x",
           "ThuJan  1 10:00:00 2026",
           "Thu Jan1 10:00:00 2026",
           "Thursday Jan  1 10:00:00 2026",
           "Thu January  1 10:00:00 2026",
           "Thu Jan 001 10:00:00 2026",
           "Thu Jan  1 1:00:00 2026",
           "Thu\tJan  1 10:00:00 2026",
           "Thu Foo  1 10:00:00 2026",
           "Xyz Jan  1 10:00:00 2026",
           "Tue Mar 32 13:53:27 2020",
           "Sun Feb 29 12:00:00 2026",
           "Thu Jan  0 10:00:00 2026",
           "Mon Jan  5 10:60:00 2026",
           "2026-01-05T10:00:00Z",
           "Thu, 01 Jan 2026 10:00:00 GMT",
       }) {
    EXPECT_FALSE(Ctime(junk)) << '"' << junk << '"';
  }
  EXPECT_EQ(ParseCtime("Tue Mar 32 13:53:27 2020", 0).reason(), "no such date");
}

TEST_F(CivilTimeTest, EveryTruncationOfACtimeIsRefused) {
  const std::string full = "Thu Jan  1 10:00:00 2026";
  for (std::size_t length = 0; length < full.size(); ++length) {
    EXPECT_FALSE(Ctime(full.substr(0, length))) << full.substr(0, length);
  }
  EXPECT_TRUE(Ctime(full));
}

TEST_F(CivilTimeTest, ExportTimeTakesEitherSpelling) {
  const int offset = 3600;
  EXPECT_EQ(ParseExportTime("Mon Jan  5 11:00:00 2026", offset).optional(), k20260105T100000);
  EXPECT_EQ(ParseExportTime("Mon Jan 05 11:00:00 2026", offset).optional(), k20260105T100000);
  EXPECT_EQ(ParseExportTime("2026-01-05T11:00:00", offset).optional(), k20260105T100000);
  EXPECT_EQ(ParseExportTime(" 2026-01-05T10:00:00.12031+00:00 ", offset).optional(),
            k20260105T100000);
  EXPECT_EQ(ParseExportTime("2026-02-30T10:00:00Z", 0).reason(), "no such date");
  EXPECT_EQ(ParseExportTime("Fri Jan  5 10:00:00 2026", 0).reason(),
            "the weekday is not the date's");
  for (const std::string_view junk : {"yesterday", "2026", "", "10:00:00"}) {
    EXPECT_EQ(ParseExportTime(junk, 0).reason(),
              "neither ctime (such as \"Thu Jan  1 10:00:00 2026\") nor ISO 8601 (such as "
              "2026-01-05T10:00:00Z)")
        << junk;
  }
  EXPECT_EQ(ParseCtime("Thu", 0).reason(), "not ctime (such as \"Thu Jan  1 10:00:00 2026\")");
}

TEST_F(CivilTimeTest, ZonelessExportTimesAreTheOnesTheOffsetMoves) {
  for (const char* text : {"Mon Jan  5 11:00:00 2026", " Mon Jan 05 11:00:00 2026 ",
                           "2026-01-05T11:00:00", "2026-01-05 11:00:00.5", "2026-01-05"}) {
    EXPECT_TRUE(IsZonelessExportTime(text)) << text;
    EXPECT_NE(ParseExportTime(text, 0).optional(), ParseExportTime(text, 3600).optional()) << text;
  }
  for (const char* text :
       {"2026-01-05T11:00:00Z", "2026-01-05t11:00:00z", "2021-03-12T12:34:30.12031+00:00",
        "2026-01-05T11:00:00-0530", "2026-01-05T11:00:00+02"}) {
    EXPECT_FALSE(IsZonelessExportTime(text)) << text;
    EXPECT_EQ(ParseExportTime(text, 0).optional(), ParseExportTime(text, 3600).optional()) << text;
  }
}

TEST_F(CivilTimeTest, EpochSecondsAreDigitsWithinTheRange) {
  EXPECT_EQ(ParseEpochSeconds("0").optional(), 0);
  EXPECT_EQ(ParseEpochSeconds("1767607200").optional(), k20260105T100000);
  EXPECT_EQ(ParseEpochSeconds(" 1767607200\n").optional(), k20260105T100000);
  EXPECT_EQ(ParseEpochSeconds("0001767607200").optional(), k20260105T100000);
  EXPECT_EQ(ParseEpochSeconds("253402300799").optional(), kMaxEpochSeconds);
  EXPECT_EQ(ParseEpochSeconds("253402300800").reason(), "outside the years 0000 to 9999");
  EXPECT_FALSE(ParseEpochSeconds(std::string(400, '9')));  // no overflow on the way
  for (const std::string_view junk : {"", " ", "-1", "+1", "1.5", "1e9", "0x10", "12 34", "١"}) {
    EXPECT_EQ(ParseEpochSeconds(junk).reason(), "not epoch seconds (decimal digits)") << junk;
  }
}

TEST_F(CivilTimeTest, UtcOffsetSettingTakesTheSpellingsPeopleType) {
  const struct {
    std::string_view text;
    int seconds;
  } rows[] = {
      {"Z", 0},           {"z", 0},          {"UTC", 0},          {"utc", 0},
      {"0", 0},           {"+00:00", 0},     {"-00:00", 0},       {"+2", 7200},
      {"-5", -18000},     {"+02", 7200},     {"-05", -18000},     {"+0530", 19800},
      {"+05:30", 19800},  {"-5:30", -19800}, {" +01:00\n", 3600}, {"+14:00", 50400},
      {"-14:00", -50400}, {"+1400", 50400},
  };
  for (const auto& row : rows) {
    EXPECT_EQ(ParseUtcOffset(row.text).optional(), row.seconds) << row.text;
  }
}

TEST_F(CivilTimeTest, UtcOffsetSettingStaysWithinFourteenHours) {
  for (const std::string_view text : {"+14:01", "-14:01", "+15", "-23:59", "+00:60", "+99"}) {
    EXPECT_EQ(ParseUtcOffset(text).reason(), "UTC offset out of range") << text;
  }
  for (const std::string_view text : {"", "5", "+", "+530", "+5:3", "+05:", "+05:300", "++05",
                                      "+05:30 CET", "GMT", "UTC+1", "+0530x", "+5:30:00"}) {
    EXPECT_EQ(ParseUtcOffset(text).reason(), "not a UTC offset (such as +05:30)") << text;
  }
}

TEST_F(CivilTimeTest, UtcOffsetFormatsAsSignedHoursAndMinutesAndRoundTrips) {
  EXPECT_EQ(FormatUtcOffset(0), "+00:00");
  EXPECT_EQ(FormatUtcOffset(19800), "+05:30");
  EXPECT_EQ(FormatUtcOffset(-28800), "-08:00");
  EXPECT_EQ(FormatUtcOffset(-50400), "-14:00");
  EXPECT_EQ(FormatUtcOffset(-30), "+00:00");  // less than a minute: no sign on zero
  EXPECT_EQ(FormatUtcOffset(3661), "+01:01");
  for (int minutes = -14 * 60; minutes <= 14 * 60; ++minutes) {
    ASSERT_EQ(ParseUtcOffset(FormatUtcOffset(minutes * 60)).optional(), minutes * 60) << minutes;
  }
}

TEST_F(CivilTimeTest, FormatsIso8601AndCtimeInUtc) {
  EXPECT_EQ(FormatIso8601Utc(k20260105T100000), "2026-01-05T10:00:00Z");
  EXPECT_EQ(FormatIso8601Utc(0), "1970-01-01T00:00:00Z");
  EXPECT_EQ(FormatIso8601Utc(-1), "1969-12-31T23:59:59Z");
  EXPECT_EQ(FormatIso8601Utc(kMinEpochSeconds), "0000-01-01T00:00:00Z");
  EXPECT_EQ(FormatIso8601Utc(kMaxEpochSeconds), "9999-12-31T23:59:59Z");
  EXPECT_EQ(FormatCtime(k20260105T100000), "Mon Jan  5 10:00:00 2026");
  EXPECT_EQ(FormatCtime(1394673207), "Thu Mar 13 01:13:27 2014");
  EXPECT_EQ(FormatCtime(kMinEpochSeconds), "Sat Jan  1 00:00:00 0000");
  EXPECT_EQ(FormatCtime(kMaxEpochSeconds), "Fri Dec 31 23:59:59 9999");
}

TEST_F(CivilTimeTest, FormattersRefuseTimesOutsideTheRange) {
  for (const std::int64_t t :
       {kMinEpochSeconds - 1, kMaxEpochSeconds + 1, std::numeric_limits<std::int64_t>::min(),
        std::numeric_limits<std::int64_t>::max()}) {
    EXPECT_EQ(FormatIso8601Utc(t), std::nullopt) << t;
    EXPECT_EQ(FormatCtime(t), std::nullopt) << t;
    EXPECT_EQ(ToCivilTime(t), std::nullopt) << t;
  }
}

TEST_F(CivilTimeTest, FormattedTimesParseBackToTheSameSecond) {
  // A prime step lands on every second of the minute, hour and day across the whole range; then
  // every second of one hour. The first time that does not round-trip is reported.
  const auto round_trips = [](std::int64_t t) {
    return ParseIso8601(*FormatIso8601Utc(t)).optional() == t &&
           ParseCtime(*FormatCtime(t), 0).optional() == t;
  };
  std::optional<std::int64_t> first_wrong;
  for (std::int64_t t = kMinEpochSeconds; t <= kMaxEpochSeconds && !first_wrong; t += 9'999'991) {
    if (!round_trips(t)) first_wrong = t;
  }
  for (std::int64_t t = k20260105T100000; t < k20260105T100000 + kHour && !first_wrong; ++t) {
    if (!round_trips(t)) first_wrong = t;
  }
  EXPECT_EQ(first_wrong, std::nullopt);
}

TEST_F(CivilTimeTest, ParsedCarriesEitherAValueOrAReason) {
  const Parsed<std::int64_t> good = ParseEpochSeconds("42");
  EXPECT_TRUE(good.ok());
  EXPECT_EQ(good.value(), 42);
  EXPECT_EQ(good.reason(), "");
  const Parsed<std::int64_t> bad = ParseEpochSeconds("x");
  EXPECT_FALSE(bad);
  EXPECT_EQ(bad.value_or(-1), -1);
  EXPECT_THROW(static_cast<void>(bad.value()), std::bad_optional_access);
}

}  // namespace
}  // namespace ttmtrack::core
