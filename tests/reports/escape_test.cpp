#include "reports/escape.hpp"

#include <string>

#include <gtest/gtest.h>

#include "tests/reports/page_outline.hpp"

namespace ttmtrack::reports {
namespace {

using testing::Count;

std::string Escaped(std::string_view text) {
  std::string out;
  AppendHtmlEscaped(out, text);
  return out;
}

// Strict UTF-8 check (Unicode Table 3-7), independent of the code under test.
bool IsValidUtf8(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const auto b = static_cast<unsigned char>(text[i]);
    std::size_t n = b < 0x80                   ? 1
                    : (b >= 0xC2 && b <= 0xDF) ? 2
                    : (b >= 0xE0 && b <= 0xEF) ? 3
                    : (b >= 0xF0 && b <= 0xF4) ? 4
                                               : 0;
    if (n == 0 || i + n > text.size()) return false;
    for (std::size_t k = 1; k < n; ++k) {
      const auto c = static_cast<unsigned char>(text[i + k]);
      if (c < 0x80 || c > 0xBF) return false;
    }
    const auto c1 = static_cast<unsigned char>(n > 1 ? text[i + 1] : 0);
    if ((b == 0xE0 && c1 < 0xA0) || (b == 0xED && c1 > 0x9F) || (b == 0xF0 && c1 < 0x90) ||
        (b == 0xF4 && c1 > 0x8F)) {
      return false;
    }
    i += n;
  }
  return true;
}

constexpr std::string_view kFffd = "\xEF\xBF\xBD";

TEST(EscapeTest, ScriptTagBecomesText) {
  EXPECT_EQ(Escaped("<script>alert(1)</script>"), "&lt;script&gt;alert(1)&lt;/script&gt;");
}

TEST(EscapeTest, QuotesAndAmpersandBecomeReferences) {
  EXPECT_EQ(Escaped("a\"b'c&d"), "a&quot;b&#39;c&amp;d");
  EXPECT_EQ(Escaped("&amp;"), "&amp;amp;");
}

TEST(EscapeTest, PlainTextIsUnchanged) {
  EXPECT_EQ(Escaped("trade-gw1.example.net 5010/tcp"), "trade-gw1.example.net 5010/tcp");
  EXPECT_EQ(Escaped(""), "");
}

TEST(EscapeTest, NulAndControlCharactersBecomeVisiblePictures) {
  EXPECT_EQ(Escaped(std::string_view("a\0b", 3)), "a\u2400b");
  EXPECT_EQ(Escaped("\x01\x07\x1b\x1f\x7f"), "\u2401\u2407\u241b\u241f\u2421");
}

TEST(EscapeTest, TabNewlineAndCarriageReturnAreKept) {
  EXPECT_EQ(Escaped("a\tb\nc\r\nd"), "a\tb\nc\r\nd");
}

TEST(EscapeTest, ValidMultibyteTextIsKept) {
  const std::string text = "Z\u00FCrich \u6771\u4EAC \U0001F600";
  EXPECT_EQ(Escaped(text), text);
}

TEST(EscapeTest, InvalidUtf8BecomesOneReplacementPerMaximalSubpart) {
  struct Case {
    std::string input;
    std::size_t replacements;
  };
  const Case cases[] = {
      {"\x80", 1},              // lone continuation byte
      {"\xC0\xAF", 2},          // overlong '/': C0 is never valid, AF is a lone byte
      {"\xE2\x82", 1},          // truncated 3-byte sequence at the end
      {"\xE2\x82x", 1},         // truncated, followed by ASCII that must survive
      {"\xED\xA0\x80", 3},      // UTF-16 surrogate
      {"\xF4\x90\x80\x80", 4},  // above U+10FFFF
      {"\xF5", 1},              // never a lead byte
      {"\xF0\x9F\x98", 1},      // truncated emoji
      {"ok\xFF<tag>\xFE", 2},
  };
  for (const Case& c : cases) {
    const std::string out = Escaped(c.input);
    EXPECT_TRUE(IsValidUtf8(out)) << ::testing::PrintToString(c.input);
    EXPECT_EQ(Count(out, kFffd), c.replacements) << ::testing::PrintToString(c.input);
    EXPECT_EQ(out.find('<'), std::string::npos);
  }
  EXPECT_EQ(Escaped("\xE2\x82x"), std::string(kFffd) + "x");
  EXPECT_EQ(Escaped("ok\xFF<tag>\xFE"),
            "ok" + std::string(kFffd) + "&lt;tag&gt;" + std::string(kFffd));
}

TEST(EscapeTest, InvalidUtf8CannotSwallowTheNextMarkupCharacter) {
  // A truncated lead byte directly before '<' or '"' must not consume it: the character is
  // still escaped after the replacement.
  EXPECT_EQ(Escaped("\xE2<"), std::string(kFffd) + "&lt;");
  EXPECT_EQ(Escaped("\xF0\x9F\""), std::string(kFffd) + "&quot;");
}

TEST(EscapeTest, BidiOverridesC1ControlsAndNoncharactersAreReplaced) {
  EXPECT_EQ(Escaped("a\u202Eb"), "a" + std::string(kFffd) + "b");  // RIGHT-TO-LEFT OVERRIDE
  EXPECT_EQ(Escaped("a\u2066b"), "a" + std::string(kFffd) + "b");  // LEFT-TO-RIGHT ISOLATE
  EXPECT_EQ(Escaped("a\u0085b"), "a" + std::string(kFffd) + "b");  // NEXT LINE (C1)
  EXPECT_EQ(Escaped("a\uFDD0b\uFFFEc"), "a" + std::string(kFffd) + "b" + std::string(kFffd) + "c");
  EXPECT_EQ(Escaped("a\u200Fb"), "a\u200Fb");  // a plain RLM mark is harmless and kept
}

TEST(EscapeTest, SanitizeForDisplayKeepsMarkupCharactersButCleansBytes) {
  EXPECT_EQ(SanitizeForDisplay("<a&\"b\">\x01\xFF"), "<a&\"b\">\u2401" + std::string(kFffd));
}

TEST(EscapeTest, UrlSegmentEncodingKeepsOnlyUnreservedCharacters) {
  std::string out;
  AppendUrlSegmentEncoded(out, "a/b?c#d:e%f g\"<>&'");
  EXPECT_EQ(out, "a%2Fb%3Fc%23d%3Ae%25f%20g%22%3C%3E%26%27");
  out.clear();
  AppendUrlSegmentEncoded(out, "javascript:alert(1)");
  EXPECT_EQ(out, "javascript%3Aalert%281%29");
  out.clear();
  AppendUrlSegmentEncoded(out, "192.0.2.10.html~_-");
  EXPECT_EQ(out, "192.0.2.10.html~_-");
  out.clear();
  AppendUrlSegmentEncoded(out, std::string_view("\0\xFF", 2));
  EXPECT_EQ(out, "%00%FF");
}

}  // namespace
}  // namespace ttmtrack::reports
