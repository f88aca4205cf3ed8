#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/ip_address.hpp"
#include "evidence/firewall/ipset.hpp"
#include "evidence/firewall/ruleset.hpp"

namespace ttmtrack::evidence {

// The words of an iptables-save line: split at blanks, "double quoted" words kept whole with
// their \" and \\ escapes undone (how iptables-save writes comments and log prefixes).
std::vector<std::string> SplitWords(std::string_view line);

struct ParsedRule {
  Rule rule;                         // ref not set: the caller knows where the rule is
  std::optional<std::string> error;  // the rule cannot be read at all (bad address, port)
  std::optional<core::IpAddress::Family> family;  // the family of the addresses it names
};

// One rule of `iptables-save` output, the text after "-A CHAIN ", of table `table`, whose
// user chains are `chains` (a -j to one of them is a jump, to another unknown name an unknown
// target). Pure; never throws.
ParsedRule ParseIptablesRule(std::string_view text, const std::set<std::string>& chains,
                             const IpsetCatalog& ipsets);

}  // namespace ttmtrack::evidence
