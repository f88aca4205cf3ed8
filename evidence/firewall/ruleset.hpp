#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/ip_address.hpp"
#include "evidence/firewall/value_set.hpp"

// A host's packet filter as read from `iptables-save` / `ip6tables-save` text
// (iptables_reader.hpp) or `nft -j list ruleset` JSON (nft_reader.hpp): what the evaluator
// (evaluator.hpp) walks. Only what decides the fate of a packet arriving for the host itself is
// kept: the base chains of the prerouting and input hooks, the chains they reach, and for each
// rule its conditions and its action. What cannot be evaluated is kept too, as the reason, so
// the evaluator can name the first rule it could not judge.
namespace ttmtrack::evidence {

// What a condition tests. The packet in question is the first packet (SYN) of a new TCP
// connection from an untrusted source to the exposure's address and port; the fields the
// attacker or the network choose (source address and port, input interface) are symbolic,
// the others concrete.
enum class Field {
  kFamily,              // 4 or 6 (nft: meta nfproto, implied by ip/ip6 payload matches)
  kProtocol,            // IP protocol number (6 = tcp)
  kSourceAddress,       // symbolic
  kDestinationAddress,  // the exposure's address
  kSourcePort,          // symbolic: the attacker picks it
  kDestinationPort,     // the exposure's port
  kEitherPort,          // multiport --ports: source or destination port
  kInInterface,         // symbolic: `interface` holds the pattern
  kCtState,             // a CtState value; a new connection is kNew
  kTcpFlags,            // the TCP flags byte; a SYN is 0x02
  kDestinationType,     // an AddressType value; the host's own address is kLocal
  kSourceType,          // an untrusted remote source is kUnicast
  kPacketType,          // a PacketType value; kHost for a packet to the host
  kFragment,            // 1 for a non-first fragment; a SYN is 0
};

enum class CtState { kInvalid, kNew, kEstablished, kRelated, kUntracked, kSnat, kDnat };
enum class AddressType {
  kUnspec,
  kUnicast,
  kLocal,
  kBroadcast,
  kAnycast,
  kMulticast,
  kBlackhole,
  kUnreachable,
  kProhibit,
  kThrow,
  kNat,
  kXresolve
};
enum class PacketType { kHost, kBroadcast, kMulticast, kOtherHost };

// The Value a CtState, AddressType or PacketType is stored as in a Condition.
template <typename Enum>
Value ValueOf(Enum e) {
  return Value::Of(static_cast<std::uint64_t>(e));
}

// One test of a rule: the packet's `field` is in `values` (or, `negated`, is not).
struct Condition {
  Field field = Field::kProtocol;
  bool negated = false;
  ValueSet values;
  std::string interface;  // kInInterface: "eth0", or a prefix pattern "eth+"
  // kSourceAddress / kDestinationAddress: the family the values are addresses of; a packet of
  // the other family does not match, negated or not.
  std::optional<core::IpAddress::Family> family;
};

enum class Action {
  kContinue,  // no verdict: counters, LOG, NFLOG, comments
  kAccept,
  kDrop,
  kReject,
  kReturn,
  kJump,
  kGoto,
  kUnknown,  // an effect the evaluator does not model (DNAT, MARK, queue...): `unsupported`
};

// Where a rule is, for people: "rule 3 of chain INPUT" (iptables), "rule 2 of chain inet
// filter input" (nft), "the policy of chain INPUT".
struct RuleRef {
  std::string table;  // "filter"; nft: "inet filter"
  std::string chain;  // "INPUT"; nft: "input"
  int number = 0;     // 1-based position in the chain; 0 for the chain's policy
  std::string text;   // the rule as the file spells it (iptables: after "-A CHAIN "); nft: its
                      // handle and comment
  // "rule 3 of chain INPUT", "the policy of chain INPUT"; nft chains name their table.
  std::string Describe() const;
  bool operator==(const RuleRef&) const = default;
};

struct Rule {
  RuleRef ref;
  std::vector<Condition> conditions;
  // A condition that cannot be evaluated ("match recent is not evaluated"): whether the rule
  // matches is unknown. Judged after the concrete conditions, so a rule that cannot match the
  // packet anyway (another port) is skipped.
  std::optional<std::string> unsupported_match;
  Action action = Action::kContinue;
  std::string target;       // kJump / kGoto: the key of the chain in Ruleset::chains
  std::string unsupported;  // kUnknown: what the action is ("target DNAT is not evaluated")
};

struct Chain {
  std::string key;  // unique in the ruleset
  std::vector<Rule> rules;
};

// A chain the kernel enters by itself, at a hook, in order of (hook, priority).
struct BaseChain {
  std::string key;
  int hook = 0;  // 0 prerouting, 1 input
  int priority = 0;
  Action policy = Action::kAccept;  // kAccept or kDrop
  RuleRef policy_ref;               // number 0
  // Set when the whole chain cannot be evaluated (nft netdev ingress): its first rule.
  std::optional<RuleRef> unsupported_ref;
  std::string unsupported;
  // Which packets pass through it: nullopt both families (nft inet), else one.
  std::optional<core::IpAddress::Family> family;
};

// One ruleset of one family (iptables) or of all families (nft). The evaluator uses the
// rulesets of a file whose `family` is the packet's or unset.
struct Ruleset {
  enum class Format { kIptables, kNftables };
  Format format = Format::kIptables;
  std::optional<core::IpAddress::Family> family;  // iptables: IPv4 or IPv6; nft: unset
  std::map<std::string, Chain> chains;
  std::vector<BaseChain> base_chains;  // sorted by (hook, priority)
};

// All rulesets one file holds: iptables-save output, ip6tables-save output, both one after the
// other (each begins with its "# Generated by" line), or one nft JSON ruleset.
struct RulesetFile {
  std::vector<Ruleset> rulesets;
  std::string format_name;  // "iptables-save", "ip6tables-save", "iptables-save and
                            // ip6tables-save", "nft -j list ruleset"
};

// Reads `text` (the content of `file_name`, named in errors): nft JSON when the first
// non-blank byte is '{', else iptables-save text. Throws ttmtrack::Error (kBadInput, with the
// file and line) when the text is neither, or is malformed or truncated.
RulesetFile ReadRulesetFile(const std::string& text, const std::string& file_name);

}  // namespace ttmtrack::evidence
