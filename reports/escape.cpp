#include "reports/escape.hpp"

#include <cstdint>

namespace ttmtrack::reports {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// One decoded UTF-8 sequence: `length` bytes starting at the decode position. `valid` is false
// for a maximal invalid subpart, which is replaced by one U+FFFD.
struct Decoded {
  char32_t code_point = 0;
  std::size_t length = 1;
  bool valid = false;
};

bool InRange(unsigned char byte, unsigned char low, unsigned char high) {
  return byte >= low && byte <= high;
}

// Decodes the multi-byte sequence at `pos` (REQUIRES: text[pos] >= 0x80) following the
// well-formed byte sequences of Unicode Table 3-7; the bounds of the second byte exclude
// overlongs, surrogates and code points above U+10FFFF.
Decoded DecodeMultiByte(std::string_view text, std::size_t pos) {
  const auto lead = static_cast<unsigned char>(text[pos]);
  std::size_t length = 0;
  unsigned char second_low = 0x80;
  unsigned char second_high = 0xBF;
  char32_t code_point = 0;
  if (InRange(lead, 0xC2, 0xDF)) {
    length = 2;
    code_point = lead & 0x1Fu;
  } else if (InRange(lead, 0xE0, 0xEF)) {
    length = 3;
    code_point = lead & 0x0Fu;
    if (lead == 0xE0) second_low = 0xA0;
    if (lead == 0xED) second_high = 0x9F;
  } else if (InRange(lead, 0xF0, 0xF4)) {
    length = 4;
    code_point = lead & 0x07u;
    if (lead == 0xF0) second_low = 0x90;
    if (lead == 0xF4) second_high = 0x8F;
  } else {
    return {};
  }
  for (std::size_t i = 1; i < length; ++i) {
    if (pos + i >= text.size()) return {0, i, false};
    const auto byte = static_cast<unsigned char>(text[pos + i]);
    const bool ok = i == 1 ? InRange(byte, second_low, second_high) : InRange(byte, 0x80, 0xBF);
    if (!ok) return {0, i, false};
    code_point = (code_point << 6) | (byte & 0x3Fu);
  }
  return {code_point, length, true};
}

// Code points that are valid UTF-8 but must not reach the page as themselves (escape.hpp).
bool IsHiddenCodePoint(char32_t cp) {
  const bool c1_control = cp >= 0x80 && cp <= 0x9F;
  const bool noncharacter = (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFEu) == 0xFFFEu;
  const bool bidi_control = (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
  return c1_control || noncharacter || bidi_control;
}

// The Control Picture for a C0 control or DEL: U+2400 + c, DEL -> U+2421, three bytes E2 90 xx.
void AppendControlPicture(std::string& out, unsigned char control) {
  const unsigned char last = control == 0x7F ? 0xA1 : static_cast<unsigned char>(0x80 + control);
  out.push_back('\xE2');
  out.push_back('\x90');
  out.push_back(static_cast<char>(last));
}

// What an ASCII byte turns into; nullptr when it is copied as is.
const char* HtmlReplacement(unsigned char byte) {
  switch (byte) {
    case '&': return "&amp;";
    case '<': return "&lt;";
    case '>': return "&gt;";
    case '"': return "&quot;";
    case '\'': return "&#39;";
    default: return nullptr;
  }
}

bool IsControl(unsigned char byte) {
  return (byte < 0x20 && byte != '\t' && byte != '\n' && byte != '\r') || byte == 0x7F;
}

// Shared walk of the escaper and the sanitizer: copies safe runs in bulk, hands ASCII specials
// to `special`, and replaces what escape.hpp says must be replaced.
template <typename Special>
void Walk(std::string& out, std::string_view text, Special special) {
  std::size_t run_start = 0;
  std::size_t pos = 0;
  const auto flush = [&] { out.append(text.substr(run_start, pos - run_start)); };
  while (pos < text.size()) {
    const auto byte = static_cast<unsigned char>(text[pos]);
    if (byte < 0x80) {
      const char* replacement = HtmlReplacement(byte);
      if (replacement == nullptr && !IsControl(byte)) {
        ++pos;
        continue;
      }
      flush();
      if (IsControl(byte)) {
        AppendControlPicture(out, byte);
      } else {
        special(out, static_cast<char>(byte), replacement);
      }
      run_start = ++pos;
      continue;
    }
    const Decoded decoded = DecodeMultiByte(text, pos);
    if (decoded.valid && !IsHiddenCodePoint(decoded.code_point)) {
      pos += decoded.length;
      continue;
    }
    flush();
    out.append(kReplacement);
    pos += decoded.length;
    run_start = pos;
  }
  flush();
}

}  // namespace

void AppendHtmlEscaped(std::string& out, std::string_view untrusted) {
  Walk(out, untrusted,
       [](std::string& sink, char, const char* replacement) { sink.append(replacement); });
}

std::string SanitizeForDisplay(std::string_view untrusted) {
  std::string out;
  out.reserve(untrusted.size());
  Walk(out, untrusted, [](std::string& sink, char byte, const char*) { sink.push_back(byte); });
  return out;
}

void AppendUrlSegmentEncoded(std::string& out, std::string_view untrusted) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  for (const char c : untrusted) {
    const auto byte = static_cast<unsigned char>(c);
    const bool unreserved = (byte >= 'A' && byte <= 'Z') || (byte >= 'a' && byte <= 'z') ||
                            (byte >= '0' && byte <= '9') || byte == '-' || byte == '.' ||
                            byte == '_' || byte == '~';
    if (unreserved) {
      out.push_back(c);
    } else {
      out.push_back('%');
      out.push_back(kHex[byte >> 4]);
      out.push_back(kHex[byte & 0x0F]);
    }
  }
}

}  // namespace ttmtrack::reports
