#include "cli/format/terminal_text.hpp"

#include <cstdio>

#include "core/utf8.hpp"

namespace ttmtrack::cli {
namespace {

void AppendHexEscape(std::string& out, unsigned value) {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "\\x%02x", value);
  out += buffer;
}

}  // namespace

std::string SafeTerminalText(std::string_view text, std::size_t max_width) {
  std::string out;
  out.reserve(text.size());
  std::size_t width = 0;
  for (std::size_t i = 0; i < text.size();) {
    if (max_width > 0 && width >= max_width) {
      // Cut, keeping room for the ellipsis inside the limit.
      std::size_t keep = out.size();
      for (int dropped = 0; dropped < 3 && keep > 0;) {
        --keep;
        if (!core::IsUtf8Continuation(out[keep])) ++dropped;
      }
      out.resize(keep);
      out += "...";
      return out;
    }
    const core::Utf8Step step = core::DecodeUtf8(text.substr(i));
    if (!step.valid) {
      // Invalid UTF-8 shows as \xNN byte by byte: the next step starts at the next byte, which
      // (a continuation byte of the same invalid subpart) is invalid on its own too.
      AppendHexEscape(out, static_cast<unsigned char>(text[i]));
      width += 4;
      ++i;
      continue;
    }
    const char32_t code_point = step.code_point;
    const std::size_t length = step.length;
    if (code_point == '\n') {
      out += "\\n";
      width += 2;
    } else if (code_point == '\t') {
      out += "\\t";
      width += 2;
    } else if (code_point == '\r') {
      out += "\\r";
      width += 2;
    } else if (code_point < 0x20 || code_point == 0x7F ||
               (code_point >= 0x80 && code_point < 0xA0)) {
      AppendHexEscape(out, code_point);
      width += 4;
    } else {
      out.append(text.substr(i, length));
      ++width;
    }
    i += length;
  }
  return out;
}

std::size_t DisplayWidth(std::string_view safe_text) {
  std::size_t width = 0;
  for (const char c : safe_text) {
    if (!core::IsUtf8Continuation(c)) ++width;
  }
  return width;
}

}  // namespace ttmtrack::cli
