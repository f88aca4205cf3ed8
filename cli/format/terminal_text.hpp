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

// Display width in code points of text that SafeTerminalText produced.
std::size_t DisplayWidth(std::string_view safe_text);

}  // namespace ttmtrack::cli
