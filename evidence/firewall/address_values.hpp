#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/ip_address.hpp"
#include "evidence/firewall/value_set.hpp"

namespace ttmtrack::evidence {

// Addresses as a ruleset spells them, as a set of Values of one family.
struct AddressValues {
  ValueSet values;
  core::IpAddress::Family family = core::IpAddress::Family::kV4;
};

// "192.0.2.1", "10.0.0.0/8", "10.0.0.0/255.0.0.0" (a contiguous netmask), "2001:db8::/32",
// "10.0.0.1-10.0.0.9" (a range, both ends of one family). Host bits after the prefix are
// ignored, as the kernel ignores them. nullopt, with `*problem` saying why, otherwise.
std::optional<AddressValues> ParseAddressValues(std::string_view text, std::string* problem);

// "5010", "5000:5100", ":1024", "1024:" (iptables) or "5000-5100" (nft, ipset): a set of ports
// 0-65535. nullopt for anything else (names included).
std::optional<ValueSet> ParsePortValues(std::string_view text);

}  // namespace ttmtrack::evidence
