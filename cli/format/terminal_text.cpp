#include "cli/format/terminal_text.hpp"

#include <cstdint>
#include <cstdio>

namespace ttmtrack::cli {
namespace {

// Length of the valid UTF-8 sequence starting at text[i], or 0 when it is not one (overlong
// forms, surrogates and code points above U+10FFFF count as invalid). Sets `code_point`.
std::size_t ValidUtf8Length(std::string_view text, std::size_t i, std::uint32_t& code_point) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[i + k]); };
  const unsigned char lead = byte(0);
  std::size_t length = 0;
  std::uint32_t min = 0;
  if (lead < 0x80) {
    code_point = lead;
    return 1;
  }
  if ((lead & 0xE0) == 0xC0) {
    length = 2;
    min = 0x80;
    code_point = lead & 0x1Fu;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3;
    min = 0x800;
    code_point = lead & 0x0Fu;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4;
    min = 0x10000;
    code_point = lead & 0x07u;
  } else {
    return 0;
  }
  if (i + length > text.size()) return 0;
  for (std::size_t k = 1; k < length; ++k) {
    if ((byte(k) & 0xC0) != 0x80) return 0;
    code_point = (code_point << 6) | (byte(k) & 0x3Fu);
  }
  if (code_point < min || code_point > 0x10FFFF || (code_point >= 0xD800 && code_point <= 0xDFFF)) {
    return 0;
  }
  return length;
}

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
        if ((static_cast<unsigned char>(out[keep]) & 0xC0) != 0x80) ++dropped;
      }
      out.resize(keep);
      out += "...";
      return out;
    }
    std::uint32_t code_point = 0;
    const std::size_t length = ValidUtf8Length(text, i, code_point);
    if (length == 0) {
      AppendHexEscape(out, static_cast<unsigned char>(text[i]));
      width += 4;
      ++i;
      continue;
    }
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
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++width;
  }
  return width;
}

}  // namespace ttmtrack::cli
