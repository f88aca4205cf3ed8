#include "core/utf8.hpp"

#include <algorithm>
#include <cstdint>
#include <memory>
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

TEST_F(Utf8Test, EveryScalarValueRoundTrips) {
  for (char32_t cp = 0; cp <= kMaxCodePoint; ++cp) {
    if (IsSurrogate(cp)) continue;
    const std::string bytes = Encoded(cp);
    const std::size_t length = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    ASSERT_EQ(bytes.size(), length) << std::hex << static_cast<std::uint32_t>(cp);
    const Utf8Step step = DecodeExact(bytes);
    ASSERT_TRUE(step.valid) << std::hex << static_cast<std::uint32_t>(cp);
    ASSERT_EQ(step.code_point, cp);
    ASSERT_EQ(step.length, length);
  }
}

TEST_F(Utf8Test, EveryTwoAndThreeByteSequenceIsValidExactlyWhenItEncodesAScalarValue) {
  // The oracle: the encodings of all scalar values of each length, as numbers.
  std::vector<bool> encodes_2(std::size_t{1} << 16, false);
  std::vector<bool> encodes_3(std::size_t{1} << 24, false);
  for (char32_t cp = 0x80; cp < 0x10000; ++cp) {
    if (IsSurrogate(cp)) continue;
    std::uint32_t key = 0;
    for (const char c : Encoded(cp)) key = (key << 8) | static_cast<unsigned char>(c);
    (cp < 0x800 ? encodes_2 : encodes_3)[key] = true;
  }
  std::string bytes(2, '\0');
  for (std::uint32_t key = 0; key < (1u << 16); ++key) {
    bytes[0] = static_cast<char>(key >> 8);
    bytes[1] = static_cast<char>(key);
    const Utf8Step step = DecodeUtf8(bytes);
    ASSERT_EQ(step.valid && step.length == 2, encodes_2[key]) << std::hex << key;
  }
  bytes.resize(3);
  for (std::uint32_t key = 0; key < (1u << 24); ++key) {
    bytes[0] = static_cast<char>(key >> 16);
    bytes[1] = static_cast<char>(key >> 8);
    bytes[2] = static_cast<char>(key);
    const Utf8Step step = DecodeUtf8(bytes);
    ASSERT_EQ(step.valid && step.length == 3, encodes_3[key]) << std::hex << key;
  }
}

TEST_F(Utf8Test, FourByteSequencesAreValidExactlyUpToU10FFFFWithoutOverlongs) {
  // Every lead F0..FF with every second and third byte; the fourth byte at its edges.
  std::string bytes(4, '\0');
  for (unsigned lead = 0xF0; lead <= 0xFF; ++lead) {
    for (unsigned second = 0; second <= 0xFF; ++second) {
      for (unsigned third = 0; third <= 0xFF; ++third) {
        for (const unsigned fourth : {0x00u, 0x7Fu, 0x80u, 0xBFu, 0xC0u, 0xFFu}) {
          bytes = {static_cast<char>(lead), static_cast<char>(second), static_cast<char>(third),
                   static_cast<char>(fourth)};
          const auto continuation = [](unsigned b) { return b >= 0x80 && b <= 0xBF; };
          const std::uint32_t cp = ((lead & 0x07u) << 18) | ((second & 0x3Fu) << 12) |
                                   ((third & 0x3Fu) << 6) | (fourth & 0x3Fu);
          const bool expected = lead <= 0xF4 && continuation(second) && continuation(third) &&
                                continuation(fourth) && cp >= 0x10000 && cp <= kMaxCodePoint;
          const Utf8Step step = DecodeUtf8(bytes);
          ASSERT_EQ(step.valid && step.length == 4, expected)
              << std::hex << lead << ' ' << second << ' ' << third << ' ' << fourth;
          if (expected) {
            ASSERT_EQ(step.code_point, cp);
          }
        }
      }
    }
  }
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
