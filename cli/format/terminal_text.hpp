#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace ttmtrack::cli {

// Text from scan exports (banners, plugin output, host names) is attacker-controlled. Printed
// raw to a terminal, an ESC byte could recolour or rewrite the screen, or forge lines. This
// makes it safe for one table cell: control characters (C0, DEL, C1) become visible escapes
// (\n, \t, \x1b), each byte of invalid UTF-8 (core/utf8.hpp: overlongs, surrogates, above
// U+10FFFF, truncated) becomes \xNN, and the result is cut at `max_width`
// code points with "..." (0: no limit).
std::string SafeTerminalText(std::string_view text, std::size_t max_width = 0);

// `safe_text` (SafeTerminalText's output) cut to `max_width` code points by replacing its middle
// with "...", keeping the start and the end (0: no limit).
std::string CutMiddle(std::string_view safe_text, std::size_t max_width);

// Display width in code points of text that SafeTerminalText produced.
std::size_t DisplayWidth(std::string_view safe_text);

// `text` word-wrapped to lines of at most `width` code points (a word longer than that gets a
// line of its own), every line after the first prefixed by `indent` spaces, which count toward
// `width`. Newlines in `text` are kept: "\n\n" separates paragraphs. For our own prose (help,
// descriptions); text from exports goes through SafeTerminalText first.
std::string WrapText(std::string_view text, std::size_t width, std::size_t indent = 0);

// The width to wrap help text to: $COLUMNS when it is a number, else the width of the terminal
// on standard output (TIOCGWINSZ), else 80; never below 40, and at most 100 so that prose stays
// readable on a wide terminal.
std::size_t TerminalWidth();

// The width tables wrap their last column to: $COLUMNS, else the terminal's on standard output;
// 0 when output goes to a pipe or file (then nothing wraps: every row stays one line for grep).
std::size_t TableWidth();

}  // namespace ttmtrack::cli
