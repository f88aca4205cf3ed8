#pragma once

#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "evidence/firewall/ruleset.hpp"

namespace ttmtrack::evidence {

// A named set of an nft ruleset, read lazily: its elements are turned into values for the
// field a rule compares them with ("ip saddr @trusted").
struct NftSet {
  std::string name;
  std::string type;         // "ipv4_addr", "inet_service", ...
  nlohmann::json elements;  // the "elem" list as the tool printed it
  std::string unsupported;  // set when its members change at run time, or are tuples
};

// Keyed "FAMILY TABLE NAME".
using NftSets = std::map<std::string, NftSet>;

// The Rules one nft rule stands for (several when it ends in a verdict map: one per element),
// from its "expr" list. `ref` is where it is; `key_prefix` ("inet filter ") makes the keys of
// the chains it jumps to and the sets it names. Pure; never throws: what cannot be read becomes
// Rule::unsupported_match or Action::kUnknown.
std::vector<Rule> ReadNftRule(const nlohmann::json& expr, const RuleRef& ref, const NftSets& sets,
                              const std::string& key_prefix);

}  // namespace ttmtrack::evidence
