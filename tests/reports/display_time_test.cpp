#include "reports/display_time.hpp"

#include <gtest/gtest.h>

namespace ttmtrack::reports {
namespace {

constexpr std::int64_t k20260310T135300 = 1773150780;

TEST(DisplayTimeTest, ShowsUtcToTheMinute) {
  EXPECT_EQ(DisplayTime(k20260310T135300), "2026-03-10 13:53 UTC");
  EXPECT_EQ(DisplayDate(k20260310T135300), "2026-03-10");
}

TEST(DisplayTimeTest, MissingTimesAreWordsNever1970) {
  EXPECT_EQ(DisplayTime(std::nullopt), "\u2014");
  EXPECT_EQ(DisplayTime(0), "\u2014");
  EXPECT_EQ(DisplayTime(-5), "\u2014");
  EXPECT_EQ(DisplayTime(std::nullopt, kNever), "never");
  EXPECT_EQ(DisplayDate(0, kNever), "never");
}

TEST(DisplayTimeTest, TimesBeyondYear9999AreUnknown) {
  EXPECT_EQ(DisplayTime(253402300799), "9999-12-31 23:59 UTC");
  EXPECT_EQ(DisplayTime(253402300800), "\u2014");
  EXPECT_EQ(DisplayTime(INT64_MAX), "\u2014");
}

}  // namespace
}  // namespace ttmtrack::reports
