#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ttmtrack::reports {

// An IPv4 or IPv6 address as the reports need it: its family (which firewall command applies),
// its canonical text (IPv4 dotted quad; IPv6 RFC 5952, lower-case, compressed) and its bytes
// (CIDR checks, numeric ordering). Pure value type.
class IpAddress {
 public:
  enum class Family { kV4, kV6 };

  // nullopt unless `text` is exactly an address in the usual notation: no zone ("%eth0"), no
  // brackets, no prefix, no surrounding space, IPv4 octets without leading zeros.
  static std::optional<IpAddress> Parse(std::string_view text);
  // For IPv4 only the first 4 bytes are used.
  static IpAddress FromBytes(Family family, const std::array<std::uint8_t, 16>& bytes);

  Family family() const { return family_; }
  // 4 bytes for IPv4 (the rest zero), 16 for IPv6; network byte order.
  const std::array<std::uint8_t, 16>& bytes() const { return bytes_; }
  int bit_length() const { return family_ == Family::kV4 ? 32 : 128; }
  std::string ToString() const;

  // Total order: IPv4 before IPv6, then by bytes (numeric order, so 10.0.0.9 < 10.0.0.10).
  friend bool operator<(const IpAddress& a, const IpAddress& b) {
    return a.family_ != b.family_ ? a.family_ < b.family_ : a.bytes_ < b.bytes_;
  }

 private:
  Family family_ = Family::kV4;
  std::array<std::uint8_t, 16> bytes_{};
};

}  // namespace ttmtrack::reports
