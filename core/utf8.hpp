#pragma once

#include <cstddef>
#include <string>
#include <string_view>

// UTF-8: the one decoder and encoder. Text from scan exports is attacker-controlled bytes; every
// place that shows or re-encodes it (reports/escape.cpp, cli/format/terminal_text.cpp,
// tools/scangen/xml_writer.cpp) steps through it with DecodeUtf8 and decides per step what an
// invalid step becomes there.
namespace ttmtrack::core {

inline constexpr std::string_view kReplacementCharacter = "\xEF\xBF\xBD";  // U+FFFD
inline constexpr char32_t kMaxCodePoint = 0x10FFFF;

// One step of decoding: a character, or a run of bytes that is not one.
struct Utf8Step {
  char32_t code_point = 0;  // when valid
  std::size_t length = 1;   // bytes this step covers, 1..4
  bool valid = false;
};

// Decodes what `text` starts with (REQUIRES: !text.empty()). Strict: only the well-formed byte
// sequences of Unicode's Table 3-7 are valid, so overlong forms (C0 80, E0 80 80, ...),
// surrogates (ED A0 80 ..ED BF BF), code points above U+10FFFF (F4 90 80 80, F5..FF) and
// truncated sequences are not. An invalid step covers the maximal subpart (Unicode 3.9): the
// longest start of a well-formed sequence, at least one byte, so lead byte and continuation
// bytes that belong together go together, and the next step starts at the first byte that
// could begin something valid. Replacing each invalid step by one U+FFFD is Unicode's
// recommended practice (also the WHATWG decoder's); escaping each of its bytes shows them all.
Utf8Step DecodeUtf8(std::string_view text);

// Whether `byte` continues a multi-byte sequence (10xxxxxx): text cut just before such a byte
// would split a character.
inline bool IsUtf8Continuation(char byte) {
  return (static_cast<unsigned char>(byte) & 0xC0u) == 0x80u;
}

// Appends the encoding of `code_point`. REQUIRES: a Unicode scalar value (at most
// kMaxCodePoint, not a surrogate).
void AppendUtf8(std::string& out, char32_t code_point);

}  // namespace ttmtrack::core
