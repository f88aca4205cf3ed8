#pragma once

#include <array>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace ttmtrack::core {

// An IPv4 or IPv6 address: the identity of a scanned host, the subject of a firewall rule. The
// one parser, formatter and order of addresses in ttmtrack; everything that reads, stores, sorts
// or prints an address goes through it. Pure value type (17 bytes), thread-compatible; nothing
// throws. A default-constructed IpAddress is 0.0.0.0.
//
// Normalised on construction: an IPv4-mapped IPv6 address (::ffff:a.b.c.d, RFC 4291 §2.5.5.2)
// *is* the IPv4 address a.b.c.d. Dual-stack scanners report IPv4 peers that way, and it is the
// same host, so it has one value and one text. No other IPv6 address is treated as IPv4
// (IPv4-compatible ::a.b.c.d and NAT64 64:ff9b::/96 stay IPv6).
//
// Text (ToString), one per value, the form every earlier ttmtrack stored (glibc's inet_ntop):
//   - IPv4: dotted quad, decimal without leading zeros ("192.0.2.10");
//   - IPv6: RFC 5952 §4 — lower-case hex without leading zeros, the longest run of two or more
//     zero groups (the first of equal runs) written "::", a single zero group written "0"
//     ("2001:db8::1", "2001:db8:0:1:1:1:1:1", "2001:0:0:1::1"); the deprecated IPv4-compatible
//     form (96 zero bits, then a value of at least 2^16) in mixed notation ("::192.0.2.1").
//
// Order (operator<=>): every IPv4 address before every IPv6 address; within a family numeric,
// i.e. by the bytes in network order (10.0.0.9 < 10.0.0.10, 2001:db8::9 < 2001:db8::a <
// 2001:db8::10). A total order: equal exactly when the values are equal.
class IpAddress {
 public:
  enum class Family : std::uint8_t { kV4, kV6 };

  IpAddress() = default;

  // The address `text` spells, or nullopt. Strict: exactly one address and nothing else —
  // IPv4 as four decimal octets 0-255 without leading zeros ("1.2.3.04" is refused: some
  // parsers read it as octal); IPv6 as RFC 4291 §2.2 text: eight groups of 1-4 hex digits
  // (either case), at most one "::" standing for one or more zero groups, and optionally a
  // dotted quad as the last 32 bits. No brackets, zone ("%eth0"), prefix ("/64"), whitespace
  // or other notation (hex or octal IPv4, fewer than four IPv4 parts).
  static std::optional<IpAddress> Parse(std::string_view text);
  // Parse, tolerating what exports and users write around an address: surrounding ASCII
  // whitespace, enclosing brackets ("[2001:db8::1]"), and an IPv6 zone ("fe80::1%eth0"; the
  // zone names an interface of the scanner, not part of the host, and is dropped).
  static std::optional<IpAddress> ParseTolerant(std::string_view text);

  // `value` in host byte order (0x0A000001 is 10.0.0.1).
  static IpAddress FromV4(std::uint32_t value);
  // `bytes` in network order; an IPv4-mapped address becomes its IPv4 address.
  static IpAddress FromV6(const std::array<std::uint8_t, 16>& bytes);

  Family family() const { return family_; }
  bool is_v4() const { return family_ == Family::kV4; }
  int bit_length() const { return is_v4() ? 32 : 128; }
  // Network byte order: IPv4 in the first 4 bytes (the rest zero), IPv6 in all 16.
  const std::array<std::uint8_t, 16>& bytes() const { return bytes_; }
  // REQUIRES: is_v4(). Host byte order.
  std::uint32_t v4_value() const;

  std::string ToString() const;

  friend bool operator==(const IpAddress&, const IpAddress&) = default;
  // NOLINTNEXTLINE(modernize-use-nullptr): clang-tidy 14 flags the 0 it compares with.
  friend std::strong_ordering operator<=>(const IpAddress&, const IpAddress&) = default;

 private:
  // Member order is the sort order: family first, then the bytes.
  Family family_ = Family::kV4;
  std::array<std::uint8_t, 16> bytes_{};
};

}  // namespace ttmtrack::core

template <>
struct std::hash<ttmtrack::core::IpAddress> {
  std::size_t operator()(const ttmtrack::core::IpAddress& address) const noexcept;
};
