#include "core/ascii_text.hpp"

#include <gtest/gtest.h>

namespace ttmtrack::core {
namespace {

TEST(AsciiText, TrimRemovesEveryAsciiWhitespaceAtBothEndsOnly) {
  EXPECT_EQ(Trim(" \t\n\v\f\rtcp 5010\r\n"), "tcp 5010");
  EXPECT_EQ(Trim("   "), "");
  EXPECT_EQ(Trim(""), "");
}

TEST(AsciiText, ToLowerFoldsOnlyAsciiLetters) {
  EXPECT_EQ(ToLower("TCP/Strict-5010"), "tcp/strict-5010");
  EXPECT_EQ(ToLower("\xC3\x89T\xC3\x89"), "\xC3\x89t\xC3\x89");  // "ÉTÉ": the É bytes stay
}

TEST(AsciiText, EqualsIgnoreCaseComparesWholeWords) {
  EXPECT_TRUE(EqualsIgnoreCase("Service detection", "SERVICE DETECTION"));
  EXPECT_FALSE(EqualsIgnoreCase("default", "defaults"));
  EXPECT_FALSE(EqualsIgnoreCase("\xC3\xA9", "\xC3\x89"));  // é and É: not ASCII, not folded
}

TEST(AsciiText, ContainsIgnoreCaseFindsNeedleAnywhereButNeverAnEmptyOne) {
  EXPECT_TRUE(ContainsIgnoreCase("TTM: trading technologies MESSAGING detect",
                                 "Trading Technologies Messaging"));
  EXPECT_FALSE(ContainsIgnoreCase("Trading Technologies", "Trading Technologies Messaging"));
  EXPECT_FALSE(ContainsIgnoreCase("anything", ""));
}

}  // namespace
}  // namespace ttmtrack::core
