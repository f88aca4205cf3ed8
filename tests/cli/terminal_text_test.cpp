#include "cli/format/terminal_text.hpp"

#include <gtest/gtest.h>

namespace ttmtrack::cli {
namespace {

TEST(TerminalTextTest, EscapeSequencesFromABannerCannotReachTheTerminal) {
  // A banner that would clear the screen and forge a line if printed raw.
  const std::string hostile = "ok\x1b[2J\x1b[1;1Hfixed\r\n\x07";
  const std::string safe = SafeTerminalText(hostile);
  EXPECT_EQ(safe, "ok\\x1b[2J\\x1b[1;1Hfixed\\r\\n\\x07");
  EXPECT_EQ(safe.find('\x1b'), std::string::npos);
}

TEST(TerminalTextTest, KeepsValidUnicodeAndEscapesInvalidBytes) {
  EXPECT_EQ(SafeTerminalText("h\xc3\xb4te-\xe6\x9d\xb1\xe4\xba\xac"),
            "h\xc3\xb4te-\xe6\x9d\xb1\xe4\xba\xac");
  EXPECT_EQ(SafeTerminalText("a\xff\xc3"), "a\\xff\\xc3");
  // Overlong encoding of '/' and a UTF-16 surrogate are not valid UTF-8.
  EXPECT_EQ(SafeTerminalText("\xc0\xaf"), "\\xc0\\xaf");
  EXPECT_EQ(SafeTerminalText("\xed\xa0\x80"), "\\xed\\xa0\\x80");
  // Above U+10FFFF, and a sequence cut short by the next character: every byte shows.
  EXPECT_EQ(SafeTerminalText("\xf4\x90\x80\x80"), "\\xf4\\x90\\x80\\x80");
  EXPECT_EQ(SafeTerminalText("\xe2\x82"
                             "A\xf0\x9f\x98"),
            "\\xe2\\x82A\\xf0\\x9f\\x98");
}

TEST(TerminalTextTest, EscapesC1ControlCharacters) {
  // U+009B is the one-byte CSI on terminals that honour C1 controls.
  EXPECT_EQ(SafeTerminalText("\xc2\x9b"
                             "2J"),
            "\\x9b2J");
}

TEST(TerminalTextTest, TruncatesLongCellsWithAnEllipsis) {
  const std::string safe = SafeTerminalText(std::string(100, 'x'), 10);
  EXPECT_EQ(safe, "xxxxxxx...");
  EXPECT_EQ(DisplayWidth(safe), 10u);
  EXPECT_EQ(SafeTerminalText("short", 10), "short");
}

TEST(TerminalTextTest, DisplayWidthCountsCodePoints) {
  EXPECT_EQ(DisplayWidth("\xe6\x9d\xb1\xe4\xba\xac"), 2u);
  EXPECT_EQ(DisplayWidth("abc"), 3u);
}

TEST(TerminalTextTest, WrapTextBreaksBetweenWordsAndKeepsIndentedLines) {
  EXPECT_EQ(WrapText("one two three four", 9), "one two\nthree\nfour");
  EXPECT_EQ(WrapText("one two three", 9, 2), "one two\n  three");
  // Paragraphs, a list's indentation and aligned columns survive.
  EXPECT_EQ(WrapText("a\n\n  0   ok", 80), "a\n\n  0   ok");
  EXPECT_EQ(WrapText("  item with words", 10), "  item\n  with\n  words");
  // A word longer than the width gets a line of its own, uncut.
  EXPECT_EQ(WrapText("x 2026-02-16-trading-verification.nessus", 10),
            "x\n2026-02-16-trading-verification.nessus");
}

TEST(TerminalTextTest, CutMiddleKeepsTheEndThatTellsRowsApart) {
  EXPECT_EQ(CutMiddle("Trading Technologies Messaging (TTM) ttm_cmd (unconfirmed)", 21),
            "Trading T...onfirmed)");
  EXPECT_EQ(DisplayWidth(CutMiddle("Trading Technologies Messaging (TTM) ttm_cmd", 21)), 21u);
  EXPECT_EQ(CutMiddle("short", 21), "short");
  EXPECT_EQ(DisplayWidth(CutMiddle("h\xc3\xb4te-h\xc3\xb4te-h\xc3\xb4te", 7)), 7u);
}

}  // namespace
}  // namespace ttmtrack::cli
