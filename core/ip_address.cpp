#include "core/ip_address.hpp"

#include <utility>

#include "core/ascii_text.hpp"

namespace ttmtrack::core {
namespace {

using Bytes = std::array<std::uint8_t, 16>;

int DecimalDigit(char c) { return c >= '0' && c <= '9' ? c - '0' : -1; }

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// "a.b.c.d" exactly: four octets of 1-3 decimal digits, at most 255, no leading zero.
std::optional<std::array<std::uint8_t, 4>> ParseDottedQuad(std::string_view text) {
  std::array<std::uint8_t, 4> octets{};
  std::size_t at = 0;
  for (std::size_t index = 0; index < octets.size(); ++index) {
    if (index > 0) {
      if (at >= text.size() || text[at] != '.') return std::nullopt;
      ++at;
    }
    const std::size_t first = at;
    unsigned value = 0;
    while (at < text.size() && at - first < 3 && DecimalDigit(text[at]) >= 0) {
      value = value * 10 + static_cast<unsigned>(DecimalDigit(text[at++]));
    }
    const std::size_t digits = at - first;
    if (digits == 0 || value > 255 || (digits > 1 && text[first] == '0')) return std::nullopt;
    octets[index] = static_cast<std::uint8_t>(value);
  }
  if (at != text.size()) return std::nullopt;
  return octets;
}

// One IPv6 group: 1-4 hex digits.
std::optional<std::uint16_t> ParseGroup(std::string_view text) {
  if (text.empty() || text.size() > 4) return std::nullopt;
  unsigned value = 0;
  for (char c : text) {
    const int digit = HexDigit(c);
    if (digit < 0) return std::nullopt;
    value = value * 16 + static_cast<unsigned>(digit);
  }
  return static_cast<std::uint16_t>(value);
}

// The 16-bit groups of one side of "::" (or of a whole address without one).
struct Groups {
  std::array<std::uint16_t, 8> values{};
  std::size_t count = 0;

  bool Add(std::uint16_t value) {
    if (count == values.size()) return false;
    values[count++] = value;
    return true;
  }
};

// Appends the ':'-separated groups of `side` (empty: none). Only the last side of an address may
// end in a dotted quad, which counts as two groups.
bool ParseSide(std::string_view side, bool ends_address, Groups& groups) {
  while (!side.empty()) {
    const std::size_t colon = side.find(':');
    const std::string_view field = side.substr(0, colon);
    if (colon == std::string_view::npos && ends_address &&
        field.find('.') != std::string_view::npos) {
      const auto quad = ParseDottedQuad(field);
      return quad && groups.Add(static_cast<std::uint16_t>((quad->at(0) << 8) | quad->at(1))) &&
             groups.Add(static_cast<std::uint16_t>((quad->at(2) << 8) | quad->at(3)));
    }
    const auto group = ParseGroup(field);
    if (!group || !groups.Add(*group)) return false;
    if (colon == std::string_view::npos) return true;
    side.remove_prefix(colon + 1);
    if (side.empty()) return false;  // a trailing single ':'
  }
  return true;
}

std::optional<Bytes> ParseV6(std::string_view text) {
  const std::size_t gap = text.find("::");
  if (gap != std::string_view::npos && text.find("::", gap + 1) != std::string_view::npos) {
    return std::nullopt;  // a second "::" (also ":::")
  }
  Groups head;
  Groups tail;
  if (gap == std::string_view::npos) {
    if (!ParseSide(text, true, head) || head.count != 8) return std::nullopt;
  } else if (!ParseSide(text.substr(0, gap), false, head) ||
             !ParseSide(text.substr(gap + 2), true, tail) || head.count + tail.count > 7) {
    return std::nullopt;  // "::" must stand for at least one zero group
  }
  std::array<std::uint16_t, 8> words{};
  for (std::size_t i = 0; i < head.count; ++i) words[i] = head.values[i];
  for (std::size_t i = 0; i < tail.count; ++i) words[8 - tail.count + i] = tail.values[i];
  Bytes bytes{};
  for (std::size_t i = 0; i < words.size(); ++i) {
    bytes[2 * i] = static_cast<std::uint8_t>(words[i] >> 8);
    bytes[2 * i + 1] = static_cast<std::uint8_t>(words[i] & 0xFFu);
  }
  return bytes;
}

void AppendDecimal(std::string& out, unsigned value) {
  if (value >= 100) out += static_cast<char>('0' + value / 100);
  if (value >= 10) out += static_cast<char>('0' + value / 10 % 10);
  out += static_cast<char>('0' + value % 10);
}

void AppendDottedQuad(std::string& out, const std::uint8_t* octets) {
  for (int i = 0; i < 4; ++i) {
    if (i > 0) out += '.';
    AppendDecimal(out, octets[i]);
  }
}

void AppendHex(std::string& out, unsigned value) {
  constexpr std::string_view kDigits = "0123456789abcdef";
  bool started = false;
  for (int shift = 12; shift >= 0; shift -= 4) {
    const unsigned digit = (value >> shift) & 0xFu;
    if (digit != 0 || started || shift == 0) {
      out += kDigits[digit];
      started = true;
    }
  }
}

// The longest run of two or more zero groups, the first of equal runs (RFC 5952 §4.2):
// {start, length}; length 0 when there is none.
std::pair<std::size_t, std::size_t> LongestZeroRun(const std::array<std::uint16_t, 8>& words) {
  std::pair<std::size_t, std::size_t> best{0, 0};
  for (std::size_t start = 0; start < words.size();) {
    std::size_t end = start;
    while (end < words.size() && words[end] == 0) ++end;
    if (end - start >= 2 && end - start > best.second) best = {start, end - start};
    start = end == start ? start + 1 : end;
  }
  return best;
}

std::string FormatV6(const Bytes& bytes) {
  std::array<std::uint16_t, 8> words{};
  for (std::size_t i = 0; i < words.size(); ++i) {
    words[i] = static_cast<std::uint16_t>((bytes[2 * i] << 8) | bytes[2 * i + 1]);
  }
  const auto [run_start, run_length] = LongestZeroRun(words);
  std::string out;
  out.reserve(39);
  // IPv4-compatible (deprecated, RFC 4291 §2.5.5.1): 96 zero bits, then at least 2^16.
  if (run_start == 0 && run_length == 6) {
    out += "::";
    AppendDottedQuad(out, bytes.data() + 12);
    return out;
  }
  for (std::size_t i = 0; i < words.size();) {
    if (run_length > 0 && i == run_start) {
      out += "::";
      i += run_length;
      continue;
    }
    if (!out.empty() && out.back() != ':') out += ':';
    AppendHex(out, words[i++]);
  }
  return out;
}

}  // namespace

std::optional<IpAddress> IpAddress::Parse(std::string_view text) {
  if (text.find(':') == std::string_view::npos) {
    const auto octets = ParseDottedQuad(text);
    if (!octets) return std::nullopt;
    IpAddress address;
    for (std::size_t i = 0; i < octets->size(); ++i) address.bytes_[i] = (*octets)[i];
    return address;
  }
  const auto bytes = ParseV6(text);
  if (!bytes) return std::nullopt;
  return FromV6(*bytes);
}

std::optional<IpAddress> IpAddress::ParseTolerant(std::string_view text) {
  text = Trim(text);
  if (text.size() >= 2 && text.front() == '[' && text.back() == ']') {
    text = text.substr(1, text.size() - 2);
  }
  const std::size_t zone = text.find('%');
  if (zone != std::string_view::npos && zone + 1 < text.size() &&
      text.substr(0, zone).find(':') != std::string_view::npos) {
    text = text.substr(0, zone);
  }
  return Parse(text);
}

IpAddress IpAddress::FromV4(std::uint32_t value) {
  IpAddress address;
  for (std::size_t i = 0; i < 4; ++i) {
    address.bytes_[i] = static_cast<std::uint8_t>(value >> (24 - 8 * i));
  }
  return address;
}

IpAddress IpAddress::FromV6(const std::array<std::uint8_t, 16>& bytes) {
  IpAddress address;
  bool mapped = bytes[10] == 0xFF && bytes[11] == 0xFF;
  for (std::size_t i = 0; i < 10; ++i) mapped = mapped && bytes[i] == 0;
  if (mapped) {
    for (std::size_t i = 0; i < 4; ++i) address.bytes_[i] = bytes[12 + i];
    return address;
  }
  address.family_ = Family::kV6;
  address.bytes_ = bytes;
  return address;
}

std::uint32_t IpAddress::v4_value() const {
  std::uint32_t value = 0;
  for (std::size_t i = 0; i < 4; ++i) value = (value << 8) | bytes_[i];
  return value;
}

std::string IpAddress::ToString() const {
  if (!is_v4()) return FormatV6(bytes_);
  std::string out;
  out.reserve(15);
  AppendDottedQuad(out, bytes_.data());
  return out;
}

}  // namespace ttmtrack::core

std::size_t std::hash<ttmtrack::core::IpAddress>::operator()(
    const ttmtrack::core::IpAddress& address) const noexcept {
  // FNV-1a over the family and the bytes.
  std::uint64_t value = 0xcbf29ce484222325ull;
  auto mix = [&value](std::uint8_t byte) {
    value ^= byte;
    value *= 0x100000001b3ull;
  };
  mix(static_cast<std::uint8_t>(address.family()));
  for (std::uint8_t byte : address.bytes()) mix(byte);
  return static_cast<std::size_t>(value);
}
