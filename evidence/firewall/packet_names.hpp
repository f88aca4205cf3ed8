#pragma once

#include <optional>
#include <string_view>

#include "evidence/firewall/ruleset.hpp"

// The names both ruleset formats give to protocols, connection states, address types and
// packet types, as the tools print them (iptables-save, nft -j), mapped to the values the
// evaluator compares. nullopt for a name not known here: the caller makes that an unsupported
// match, never a guess.
namespace ttmtrack::evidence {

// "tcp", "udp", "icmp", "ipv6-icmp"/"icmpv6", ..., or a decimal number 0-255.
std::optional<int> ProtocolNumber(std::string_view name);
// "NEW"/"new", "ESTABLISHED", "RELATED", "INVALID", "UNTRACKED", "SNAT", "DNAT".
std::optional<CtState> CtStateNamed(std::string_view name);
// "LOCAL"/"local", "UNICAST", ... (iptables addrtype, nft fib type).
std::optional<AddressType> AddressTypeNamed(std::string_view name);
// "unicast"/"host", "broadcast", "multicast", "otherhost".
std::optional<PacketType> PacketTypeNamed(std::string_view name);
// "SYN"/"syn", "ACK", "FIN", "RST", "PSH", "URG", "ECE", "CWR", "ALL", "NONE": the bits.
std::optional<int> TcpFlagBits(std::string_view name);

// The flags byte of the packet in question: a SYN alone.
inline constexpr int kSynFlags = 0x02;

}  // namespace ttmtrack::evidence
