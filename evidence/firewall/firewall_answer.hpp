#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/ip_address.hpp"
#include "core/ip_network.hpp"
#include "evidence/firewall/ruleset.hpp"

namespace ttmtrack::evidence {

// The question the evaluator answers for one exposure: would the first packet of a new
// connection from a source outside `trusted` to address:port/protocol reach the host's socket?
struct FirewallQuery {
  core::IpAddress address;
  int port = 0;
  std::string protocol = "tcp";  // "tcp" or "udp"
  std::vector<core::IpNetwork> trusted;
};

enum class Reachability { kBlocked, kAllowed, kUnknown };
const char* ToString(Reachability reachability);  // "blocked", "allowed", "unknown"

struct FirewallAnswer {
  Reachability verdict = Reachability::kUnknown;
  // blocked: the first rule (or policy) that drops or rejects untrusted sources; allowed: the
  // rule or policy that accepts them in the last chain they pass; unknown: the first rule that
  // could not be evaluated (unset when nothing in the file covers the query's IP version).
  std::optional<RuleRef> rule;
  // blocked: every rule that blocks some of the untrusted sources, in the order met.
  std::vector<RuleRef> blocking_rules;
  // allowed: the untrusted sources that get through, as networks ("0.0.0.0/0" less the trusted
  // ones: "0.0.0.0/5, 8.0.0.0/7 and 40 more"); with a source port condition, also those.
  std::string sources;
  // unknown: why ("match -m recent is not evaluated", "depends on the input interface").
  std::string reason;

  // One line for people: "port 5010/tcp blocked from untrusted sources by rule 3 of chain
  // INPUT", "port 5010/tcp allowed from untrusted sources (...) by the policy of chain INPUT",
  // "port 5010/tcp unknown: rule 4 of chain INPUT could not be evaluated (...)".
  std::string Summary(int port, const std::string& protocol) const;
};

// Walks `file`'s rulesets for the query's IP version along the path of a packet for the host
// (every base chain of the prerouting and input hooks in order; a drop or reject in any ends
// it, an accept moves it on to the next), with the source address, source port and input
// interface left open: every untrusted source, every source port, every interface but lo. Where
// those split a rule's match, both sides are followed. A rule that cannot be evaluated is
// followed both ways too, and so is an interface match: an answer that depends on either is
// `unknown`. Never throws.
//
// Allowed when some untrusted sources are accepted on a path that depends on neither; else
// unknown when some path reached a rule whose effect is unknown, or an accepting path depends on
// an assumption; else blocked.
FirewallAnswer Evaluate(const RulesetFile& file, const FirewallQuery& query);

}  // namespace ttmtrack::evidence
