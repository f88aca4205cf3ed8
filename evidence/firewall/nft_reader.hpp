#pragma once

#include <string>

#include "evidence/firewall/ruleset.hpp"

namespace ttmtrack::evidence {

// Reads `nft -j list ruleset` output (libnftables JSON: {"nftables": [{"table": ...},
// {"chain": ...}, {"rule": ...}, {"set": ...}, ...]}) into one Ruleset for both families.
//
// Kept: the base chains of tables of family ip, ip6 and inet on the prerouting and input hooks
// (a netdev ingress chain with rules or a drop policy cannot be evaluated: its device is not
// known to be the one untrusted traffic arrives on), the chains they jump to, the sets the rules
// name. Matches read: ip/ip6 saddr and daddr; tcp/udp/th sport and dport; meta l4proto,
// nfproto, iifname/iif, pkttype; ip protocol, ip6 nexthdr; ct state; tcp flags (also with &);
// fib daddr type; with ==, !=, in, <, >, <=, >= against values, prefixes, ranges, anonymous
// sets and named sets without timeouts. Statements: counter, log (no effect); accept, drop,
// reject, return, continue, jump, goto; vmap with an anonymous map. Anything else makes the
// rule's match unknown (limit, quota, set/meter, xt, named maps, concatenations) or its effect
// unknown (nat, mark, notrack, queue).
//
// Throws ttmtrack::Error (kBadInput, file; line and column for JSON syntax) for text that is not
// JSON, JSON that is not a ruleset, or an element without the fields the format gives it.
RulesetFile ReadNftJson(const std::string& text, const std::string& file_name);

}  // namespace ttmtrack::evidence
