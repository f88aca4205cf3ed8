#include "tools/scangen/civil_time.hpp"

#include <gtest/gtest.h>

namespace ttmtrack::scangen {
namespace {

TEST(CivilTimeTest, ParsesIsoUtcToEpochSeconds) {
  EXPECT_EQ(ParseIsoUtc("1970-01-01T00:00:00Z"), 0);
  EXPECT_EQ(ParseIsoUtc("2026-01-05T10:00:00Z"), 1767607200);
  EXPECT_EQ(ParseIsoUtc("2026-01-05T10:00:00"), 1767607200);
  EXPECT_EQ(ParseIsoUtc("2026-01-05T10:00:00+00:00"), 1767607200);
  EXPECT_EQ(ParseIsoUtc("2024-02-29T23:59:59Z"), 1709251199);
}

TEST(CivilTimeTest, RefusesWhatIsNotAnIsoUtcTimestamp) {
  EXPECT_FALSE(ParseIsoUtc(""));
  EXPECT_FALSE(ParseIsoUtc("2026-01-05"));
  EXPECT_FALSE(ParseIsoUtc("2026-02-30T10:00:00Z"));
  EXPECT_FALSE(ParseIsoUtc("2026-01-05T24:00:00Z"));
  EXPECT_FALSE(ParseIsoUtc("2026-01-05T10:00:00+01:00"));
  EXPECT_FALSE(ParseIsoUtc("2026-01-05X10:00:00Z"));
}

TEST(CivilTimeTest, FormatsTheThreeStylesScannersUse) {
  EXPECT_EQ(FormatIsoUtc(1767607200), "2026-01-05T10:00:00Z");
  EXPECT_EQ(FormatCtime(1767607200), "Mon Jan  5 10:00:00 2026");
  EXPECT_EQ(FormatCtime(1394673207), "Thu Mar 13 01:13:27 2014");
  EXPECT_EQ(FormatNessusScanDate(1767607200), "2026/1/5 10:00");
}

TEST(CivilTimeTest, FormattingAndParsingAreInverse) {
  for (std::int64_t t = 0; t < 4102444800; t += std::int64_t{86399} * 37) {
    EXPECT_EQ(ParseIsoUtc(FormatIsoUtc(t)), t);
  }
}

}  // namespace
}  // namespace ttmtrack::scangen
