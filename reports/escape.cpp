#include "reports/escape.hpp"

#include <cstdint>

#include "core/utf8.hpp"

namespace ttmtrack::reports {
namespace {

// Code points that are valid UTF-8 but must not reach the page as themselves (escape.hpp).
bool IsHiddenCodePoint(char32_t cp) {
  const bool c1_control = cp >= 0x80 && cp <= 0x9F;
  const bool noncharacter = (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFEu) == 0xFFFEu;
  const bool bidi_control = (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
  return c1_control || noncharacter || bidi_control;
}

// The Control Picture for a C0 control or DEL: U+2400 + c, DEL -> U+2421 "␡".
void AppendControlPicture(std::string& out, unsigned char control) {
  core::AppendUtf8(out, control == 0x7F ? 0x2421 : static_cast<char32_t>(0x2400 + control));
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
    // Invalid UTF-8: one U+FFFD per maximal invalid subpart (core/utf8.hpp).
    const core::Utf8Step step = core::DecodeUtf8(text.substr(pos));
    if (step.valid && !IsHiddenCodePoint(step.code_point)) {
      pos += step.length;
      continue;
    }
    flush();
    out.append(core::kReplacementCharacter);
    pos += step.length;
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
