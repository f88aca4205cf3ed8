#include "core/utf8.hpp"

#include <algorithm>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace ttmtrack::core {
namespace {

// Decodes `bytes` from an exact-size heap copy, so a read past the end trips AddressSanitizer
// (a std::string would have its terminating NUL there).
Utf8Step DecodeExact(const std::string& bytes) {
  const auto copy = std::make_unique<char[]>(bytes.size());
  std::copy(bytes.begin(), bytes.end(), copy.get());
  return DecodeUtf8(std::string_view(copy.get(), bytes.size()));
}

// The steps a whole text decodes into: a code point, or -length for an invalid step.
std::vector<long> Steps(const std::string& bytes) {
  const auto copy = std::make_unique<char[]>(bytes.size());
  std::copy(bytes.begin(), bytes.end(), copy.get());
  std::string_view text(copy.get(), bytes.size());
  std::vector<long> steps;
  while (!text.empty()) {
    const Utf8Step step = DecodeUtf8(text);
    steps.push_back(step.valid ? static_cast<long>(step.code_point)
                               : -static_cast<long>(step.length));
    text.remove_prefix(step.length);
  }
  return steps;
}

std::string Encoded(char32_t code_point) {
  std::string out;
  AppendUtf8(out, code_point);
  return out;
}

bool IsSurrogate(char32_t cp) { return cp >= 0xD800 && cp <= 0xDFFF; }

class Utf8Test : public ::testing::Test {};

TEST_F(Utf8Test, EncodesTheBoundariesOfEachLength) {
  EXPECT_EQ(Encoded(0x0), std::string(1, '\0'));
  EXPECT_EQ(Encoded(0x7F), "\x7F");
  EXPECT_EQ(Encoded(0x80), "\xC2\x80");
  EXPECT_EQ(Encoded(0x7FF), "\xDF\xBF");
  EXPECT_EQ(Encoded(0x800), "\xE0\xA0\x80");
  EXPECT_EQ(Encoded(0xD7FF), "\xED\x9F\xBF");
  EXPECT_EQ(Encoded(0xE000), "\xEE\x80\x80");
  EXPECT_EQ(Encoded(0xFFFD), kReplacementCharacter);
  EXPECT_EQ(Encoded(0xFFFF), "\xEF\xBF\xBF");
  EXPECT_EQ(Encoded(0x10000), "\xF0\x90\x80\x80");
  EXPECT_EQ(Encoded(0x1F600), "\xF0\x9F\x98\x80");
  EXPECT_EQ(Encoded(kMaxCodePoint), "\xF4\x8F\xBF\xBF");
}

// The loops below compare plainly and report the first disagreement: gtest's macros inside
// millions of iterations would dominate the run time under the sanitizers.

TEST_F(Utf8Test, EveryScalarValueRoundTrips) {
  std::optional<std::uint32_t> first_wrong;
  for (char32_t cp = 0; cp <= kMaxCodePoint && !first_wrong; ++cp) {
    if (IsSurrogate(cp)) continue;
    const std::string bytes = Encoded(cp);
    const std::size_t length = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    const Utf8Step step = DecodeUtf8(bytes);
    if (bytes.size() != length || !step.valid || step.code_point != cp || step.length != length) {
      first_wrong = static_cast<std::uint32_t>(cp);
    }
  }
  EXPECT_EQ(first_wrong, std::nullopt);
}

TEST_F(Utf8Test, TwoAndThreeByteSequencesAreValidExactlyWhenTheyEncodeAScalarValue) {
  // The oracle: the encodings of all scalar values of each length, as numbers.
  std::vector<bool> encodes_2(std::size_t{1} << 16, false);
  std::vector<bool> encodes_3(std::size_t{1} << 24, false);
  for (char32_t cp = 0x80; cp < 0x10000; ++cp) {
    if (IsSurrogate(cp)) continue;
    std::uint32_t key = 0;
    for (const char c : Encoded(cp)) key = (key << 8) | static_cast<unsigned char>(c);
    (cp < 0x800 ? encodes_2 : encodes_3)[key] = true;
  }
  std::optional<std::uint32_t> first_wrong;
  const auto check = [&](std::uint32_t key, std::size_t length) {
    char bytes[3] = {static_cast<char>(key >> 16), static_cast<char>(key >> 8),
                     static_cast<char>(key)};
    const Utf8Step step = DecodeUtf8(std::string_view(bytes + 3 - length, length));
    const bool valid = step.valid && step.length == length;
    if (valid != (length == 2 ? encodes_2 : encodes_3)[key] && !first_wrong) first_wrong = key;
  };
  // Every two-byte sequence.
  for (std::uint32_t key = 0; key < (1u << 16); ++key) check(key, 2);
  // Every three-byte sequence with a three-byte lead; the other leads (never valid as three
  // bytes) with the edges of the continuation range.
  for (std::uint32_t key = 0xE00000; key <= 0xEFFFFF; ++key) check(key, 3);
  constexpr std::uint32_t kEdges[] = {0x00, 0x7F, 0x80, 0x9F, 0xA0, 0xBF, 0xC0, 0xFF};
  for (std::uint32_t lead = 0; lead <= 0xFF; ++lead) {
    if (lead >= 0xE0 && lead <= 0xEF) continue;
    for (const std::uint32_t second : kEdges) {
      for (const std::uint32_t third : kEdges) check((lead << 16) | (second << 8) | third, 3);
    }
  }
  EXPECT_EQ(first_wrong, std::nullopt) << std::hex << first_wrong.value_or(0);
}

TEST_F(Utf8Test, FourByteSequencesAreValidExactlyUpToU10FFFFWithoutOverlongs) {
  // Every lead F0..FF with every second and third byte; the fourth byte at its edges.
  const auto continuation = [](unsigned b) { return b >= 0x80 && b <= 0xBF; };
  std::optional<std::uint32_t> first_wrong;
  for (unsigned lead = 0xF0; lead <= 0xFF; ++lead) {
    for (unsigned second = 0; second <= 0xFF; ++second) {
      for (unsigned third = 0; third <= 0xFF; ++third) {
        for (const unsigned fourth : {0x7Fu, 0x80u, 0xBFu, 0xC0u}) {
          const char bytes[4] = {static_cast<char>(lead), static_cast<char>(second),
                                 static_cast<char>(third), static_cast<char>(fourth)};
          const std::uint32_t cp = ((lead & 0x07u) << 18) | ((second & 0x3Fu) << 12) |
                                   ((third & 0x3Fu) << 6) | (fourth & 0x3Fu);
          const bool expected = lead <= 0xF4 && continuation(second) && continuation(third) &&
                                continuation(fourth) && cp >= 0x10000 && cp <= kMaxCodePoint;
          const Utf8Step step = DecodeUtf8(std::string_view(bytes, 4));
          const bool valid = step.valid && step.length == 4;
          if ((valid != expected || (valid && step.code_point != cp)) && !first_wrong) {
            first_wrong = (lead << 24) | (second << 16) | (third << 8) | fourth;
          }
        }
      }
    }
  }
  EXPECT_EQ(first_wrong, std::nullopt) << std::hex << first_wrong.value_or(0);
}

TEST_F(Utf8Test, LoneContinuationAndNeverValidBytesAreOneInvalidByteEach) {
  for (unsigned byte = 0x80; byte <= 0xFF; ++byte) {
    const bool can_lead = (byte >= 0xC2 && byte <= 0xF4);
    if (can_lead) continue;
    const Utf8Step step = DecodeExact(std::string(1, static_cast<char>(byte)) + "\x80\x80\x80");
    EXPECT_FALSE(step.valid) << std::hex << byte;
    EXPECT_EQ(step.length, 1u) << std::hex << byte;
  }
}

TEST_F(Utf8Test, OverlongFormsAreInvalid) {
  EXPECT_EQ(Steps("\xC0\x80"), (std::vector<long>{-1, -1}));  // NUL in two bytes
  EXPECT_EQ(Steps("\xC0\xAF"), (std::vector<long>{-1, -1}));  // '/' in two bytes
  EXPECT_EQ(Steps("\xC1\xBF"), (std::vector<long>{-1, -1}));
  EXPECT_EQ(Steps("\xE0\x80\xAF"), (std::vector<long>{-1, -1, -1}));
  EXPECT_EQ(Steps("\xE0\x9F\xBF"), (std::vector<long>{-1, -1, -1}));
  EXPECT_EQ(Steps("\xF0\x80\x80\xAF"), (std::vector<long>{-1, -1, -1, -1}));
  EXPECT_EQ(Steps("\xF0\x8F\xBF\xBF"), (std::vector<long>{-1, -1, -1, -1}));
}

TEST_F(Utf8Test, SurrogatesAreInvalid) {
  EXPECT_EQ(Steps("\xED\xA0\x80"), (std::vector<long>{-1, -1, -1}));  // U+D800
  EXPECT_EQ(Steps("\xED\xBF\xBF"), (std::vector<long>{-1, -1, -1}));  // U+DFFF
  EXPECT_EQ(Steps("\xED\xA0\xBD\xED\xB8\x80"),                        // a CESU-8 pair
            (std::vector<long>{-1, -1, -1, -1, -1, -1}));
  EXPECT_EQ(Steps("\xED\x9F\xBF"), (std::vector<long>{0xD7FF}));
}

TEST_F(Utf8Test, CodePointsAboveU10FFFFAreInvalid) {
  EXPECT_EQ(Steps("\xF4\x90\x80\x80"), (std::vector<long>{-1, -1, -1, -1}));  // U+110000
  EXPECT_EQ(Steps("\xF7\xBF\xBF\xBF"), (std::vector<long>{-1, -1, -1, -1}));  // U+1FFFFF
  EXPECT_EQ(Steps("\xF8\x88\x80\x80\x80"), (std::vector<long>{-1, -1, -1, -1, -1}));
  EXPECT_EQ(Steps("\xFC\x84\x80\x80\x80\x80"), (std::vector<long>{-1, -1, -1, -1, -1, -1}));
}

TEST_F(Utf8Test, TruncatedSequencesCoverTheirMaximalSubpartAndNeverReadPastTheEnd) {
  EXPECT_EQ(Steps("\xC3"), (std::vector<long>{-1}));
  EXPECT_EQ(Steps("\xE2\x82"), (std::vector<long>{-2}));
  EXPECT_EQ(Steps("\xE2"), (std::vector<long>{-1}));
  EXPECT_EQ(Steps("\xF0\x9F\x98"), (std::vector<long>{-3}));
  EXPECT_EQ(Steps("\xF0\x9F"), (std::vector<long>{-2}));
  EXPECT_EQ(Steps("a\xF4\x8F\xBF"), (std::vector<long>{'a', -3}));
  // Interrupted by a byte that is not a continuation: that byte starts the next step.
  EXPECT_EQ(Steps("\xE2\x82"
                  "A"),
            (std::vector<long>{-2, 'A'}));
  EXPECT_EQ(Steps("\xF0\x9F\x98\xC3\xA4"), (std::vector<long>{-3, 0xE4}));
  EXPECT_EQ(Steps("\xC3\xC3\xA4"), (std::vector<long>{-1, 0xE4}));
}

TEST_F(Utf8Test, MaximalSubpartsFollowUnicodesOwnExample) {
  // Unicode 15, §3.9, Table 3-8: U+0061 U+FFFD U+FFFD U+FFFD U+0062 U+FFFD U+0063 U+FFFD
  // U+FFFD U+0064 for these bytes.
  EXPECT_EQ(Steps("\x61\xF1\x80\x80\xE1\x80\xC2\x62\x80\x63\x80\xBF\x64"),
            (std::vector<long>{'a', -3, -2, -1, 'b', -1, 'c', -1, -1, 'd'}));
}

TEST_F(Utf8Test, ContinuationBytesAreExactly80ToBF) {
  for (unsigned byte = 0; byte <= 0xFF; ++byte) {
    EXPECT_EQ(IsUtf8Continuation(static_cast<char>(byte)), byte >= 0x80 && byte <= 0xBF) << byte;
  }
}

TEST_F(Utf8Test, AsciiAndNulAreSingleValidBytes) {
  for (unsigned byte = 0; byte < 0x80; ++byte) {
    const Utf8Step step = DecodeExact(std::string(1, static_cast<char>(byte)));
    EXPECT_TRUE(step.valid);
    EXPECT_EQ(step.code_point, byte);
    EXPECT_EQ(step.length, 1u);
  }
}

}  // namespace
}  // namespace ttmtrack::core
