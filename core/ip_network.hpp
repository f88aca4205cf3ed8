#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

#include "core/ip_address.hpp"

namespace ttmtrack::core {

// A block of addresses in CIDR notation ("10.0.0.0/8", "2001:db8::/32"): an address and a
// prefix length, with no bit set after the prefix. Built on IpAddress, so it parses, prints and
// orders addresses the same way. Pure value type, thread-compatible; nothing throws.
class IpNetwork {
 public:
  // The network `text` spells, or nullopt — then `*problem`, when given, says what is wrong in
  // words that can follow the text in a message. Forms:
  //   ADDRESS/PREFIX  ADDRESS as IpAddress::Parse takes it (strict); PREFIX decimal without
  //                   leading zeros, 0-32 for IPv4, 0-128 for IPv6;
  //   ADDRESS         the one host: /32 or /128.
  // Host bits set after the prefix ("10.1.2.3/8") are refused, not cleared: the text is
  // ambiguous (a host, or its network?) and a firewall rule for the wrong network is worse than
  // an error, so the problem names the network probably meant ("did you mean 10.0.0.0/8?").
  // An IPv4-mapped network is its IPv4 network, as mapped addresses are their IPv4 address:
  // "::ffff:10.0.0.0/104" is 10.0.0.0/8; with a prefix below /96 it would reach outside the
  // mapped block and is refused.
  static std::optional<IpNetwork> Parse(std::string_view text, std::string* problem = nullptr);
  // The network of `prefix_length` bits that holds `address` (its host bits cleared).
  // REQUIRES: 0 <= prefix_length <= address.bit_length().
  static IpNetwork Containing(const IpAddress& address, int prefix_length);

  // The first address of the block.
  const IpAddress& address() const { return address_; }
  int prefix_length() const { return prefix_length_; }
  IpAddress::Family family() const { return address_.family(); }
  // False for an address of the other family.
  bool Contains(const IpAddress& address) const;
  // Canonical "ADDRESS/PREFIX" with the address in IpAddress text; a single host keeps its
  // "/32" or "/128".
  std::string ToString() const;

  friend bool operator==(const IpNetwork&, const IpNetwork&) = default;
  // By address (IpAddress order), then the wider network first.
  // NOLINTNEXTLINE(modernize-use-nullptr): clang-tidy 14 flags the 0 it compares with.
  friend std::strong_ordering operator<=>(const IpNetwork&, const IpNetwork&) = default;

 private:
  IpAddress address_;
  int prefix_length_ = 0;
};

}  // namespace ttmtrack::core
