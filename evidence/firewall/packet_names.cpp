#include "evidence/firewall/packet_names.hpp"

#include <array>
#include <utility>

#include "core/ascii_text.hpp"

namespace ttmtrack::evidence {
namespace {

template <typename T, std::size_t N>
std::optional<T> Find(const std::array<std::pair<std::string_view, T>, N>& table,
                      std::string_view name) {
  for (const auto& [key, value] : table) {
    if (core::EqualsIgnoreCase(key, name)) return value;
  }
  return std::nullopt;
}

}  // namespace

std::optional<int> ProtocolNumber(std::string_view name) {
  static constexpr std::array<std::pair<std::string_view, int>, 13> kNames = {{
      {"all", 0},
      {"icmp", 1},
      {"igmp", 2},
      {"tcp", 6},
      {"udp", 17},
      {"dccp", 33},
      {"ipv6", 41},
      {"gre", 47},
      {"esp", 50},
      {"ah", 51},
      {"ipv6-icmp", 58},
      {"icmpv6", 58},
      {"sctp", 132},
  }};
  if (auto number = Find(kNames, name)) return number;
  if (name.empty() || name.size() > 3) return std::nullopt;
  int value = 0;
  for (const char c : name) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  if (value > 255) return std::nullopt;
  return value;
}

std::optional<CtState> CtStateNamed(std::string_view name) {
  static constexpr std::array<std::pair<std::string_view, CtState>, 7> kNames = {{
      {"INVALID", CtState::kInvalid},
      {"NEW", CtState::kNew},
      {"ESTABLISHED", CtState::kEstablished},
      {"RELATED", CtState::kRelated},
      {"UNTRACKED", CtState::kUntracked},
      {"SNAT", CtState::kSnat},
      {"DNAT", CtState::kDnat},
  }};
  return Find(kNames, name);
}

std::optional<AddressType> AddressTypeNamed(std::string_view name) {
  static constexpr std::array<std::pair<std::string_view, AddressType>, 12> kNames = {{
      {"UNSPEC", AddressType::kUnspec},
      {"UNICAST", AddressType::kUnicast},
      {"LOCAL", AddressType::kLocal},
      {"BROADCAST", AddressType::kBroadcast},
      {"ANYCAST", AddressType::kAnycast},
      {"MULTICAST", AddressType::kMulticast},
      {"BLACKHOLE", AddressType::kBlackhole},
      {"UNREACHABLE", AddressType::kUnreachable},
      {"PROHIBIT", AddressType::kProhibit},
      {"THROW", AddressType::kThrow},
      {"NAT", AddressType::kNat},
      {"XRESOLVE", AddressType::kXresolve},
  }};
  return Find(kNames, name);
}

std::optional<PacketType> PacketTypeNamed(std::string_view name) {
  static constexpr std::array<std::pair<std::string_view, PacketType>, 5> kNames = {{
      {"unicast", PacketType::kHost},
      {"host", PacketType::kHost},
      {"broadcast", PacketType::kBroadcast},
      {"multicast", PacketType::kMulticast},
      {"otherhost", PacketType::kOtherHost},
  }};
  return Find(kNames, name);
}

std::optional<int> TcpFlagBits(std::string_view name) {
  static constexpr std::array<std::pair<std::string_view, int>, 10> kNames = {{
      {"FIN", 0x01},
      {"SYN", 0x02},
      {"RST", 0x04},
      {"PSH", 0x08},
      {"ACK", 0x10},
      {"URG", 0x20},
      {"ECE", 0x40},
      {"CWR", 0x80},
      {"ALL", 0xff},
      {"NONE", 0x00},
  }};
  return Find(kNames, name);
}

}  // namespace ttmtrack::evidence
