#include <algorithm>

#include "evidence/firewall/firewall_answer.hpp"
#include "evidence/firewall/interface_condition.hpp"
#include "evidence/firewall/packet_names.hpp"

namespace ttmtrack::evidence {
namespace {

using Family = core::IpAddress::Family;

// Bounds on the walk: far above any real ruleset; past them the answer is unknown, not a guess.
constexpr int kMaxDepth = 64;
constexpr std::size_t kMaxBranches = 100000;

// The concrete part of the packet.
struct Packet {
  Family family = Family::kV4;
  Value destination;
  int port = 0;
  int protocol = 6;
};

struct Assumption {
  RuleRef rule;
  std::string reason;
};

// A set of packets that have gone the same way so far.
struct Branch {
  ValueSet sources;
  ValueSet source_ports;
  InterfaceCondition interface;
  std::optional<Assumption> assumed;  // the first rule this way rests on an assumption about
  std::optional<RuleRef> accepted_by;
};

enum class End { kAccept, kDrop, kReject, kReturn, kUnknown };

struct Ending {
  Branch branch;
  End end = End::kUnknown;
  RuleRef rule;
  std::string reason;
};

ValueSet AnySourcePort() { return ValueSet::Range(Value::Of(1), Value::Of(65535)); }

ValueSet Complement(const ValueSet& set, int bits) { return ValueSet::All(bits).Subtract(set); }

class Walker {
 public:
  Walker(const Ruleset& ruleset, const Packet& packet) : ruleset_(ruleset), packet_(packet) {}

  std::vector<Ending> RunChain(const std::string& key, const Branch& start, int depth);

 private:
  // The concrete conditions: false when the rule cannot match the packet.
  bool ConcreteMatch(const Rule& rule) const;
  // Splits `branch` by the rule's symbolic conditions into `matched` and `rest`.
  void Split(const Rule& rule, const Branch& branch, std::vector<Branch>& matched,
             std::vector<Branch>& rest) const;
  void Apply(const Rule& rule, Branch branch, int depth, std::vector<Branch>& live,
             std::vector<Ending>& endings);

  const Ruleset& ruleset_;
  const Packet& packet_;
  std::size_t branches_ = 0;
};

bool Walker::ConcreteMatch(const Rule& rule) const {
  for (const Condition& c : rule.conditions) {
    Value value;
    switch (c.field) {
      case Field::kFamily: value = Value::Of(packet_.family == Family::kV4 ? 4 : 6); break;
      case Field::kProtocol: value = Value::Of(static_cast<std::uint64_t>(packet_.protocol)); break;
      case Field::kDestinationAddress:
        if (c.family && *c.family != packet_.family) return false;
        value = packet_.destination;
        break;
      case Field::kDestinationPort:
        value = Value::Of(static_cast<std::uint64_t>(packet_.port));
        break;
      case Field::kCtState: value = ValueOf(CtState::kNew); break;
      case Field::kTcpFlags:
        if (packet_.protocol != 6) return false;
        value = Value::Of(kSynFlags);
        break;
      case Field::kDestinationType: value = ValueOf(AddressType::kLocal); break;
      case Field::kSourceType: value = ValueOf(AddressType::kUnicast); break;
      case Field::kPacketType: value = ValueOf(PacketType::kHost); break;
      case Field::kFragment: value = Value::Of(0); break;
      case Field::kSourceAddress:
        if (c.family && *c.family != packet_.family) return false;
        continue;
      case Field::kEitherPort:
        if (c.values.Contains(Value::Of(static_cast<std::uint64_t>(packet_.port))) && c.negated) {
          return false;
        }
        continue;
      case Field::kSourcePort:
      case Field::kInInterface: continue;
    }
    if (c.values.Contains(value) == c.negated) return false;
  }
  return true;
}

void Walker::Split(const Rule& rule, const Branch& branch, std::vector<Branch>& matched,
                   std::vector<Branch>& rest) const {
  const int bits = packet_.family == Family::kV4 ? 32 : 128;
  ValueSet sources = ValueSet::All(bits);
  ValueSet ports = ValueSet::All(16);
  std::vector<const Condition*> interfaces;
  for (const Condition& c : rule.conditions) {
    if (c.field == Field::kSourceAddress) {
      sources = sources.Intersect(c.negated ? Complement(c.values, bits) : c.values);
    } else if (c.field == Field::kSourcePort ||
               // Either port: a packet whose destination port is not listed matches by source.
               (c.field == Field::kEitherPort &&
                !c.values.Contains(Value::Of(static_cast<std::uint64_t>(packet_.port))))) {
      ports = ports.Intersect(c.negated ? Complement(c.values, 16) : c.values);
    } else if (c.field == Field::kInInterface) {
      interfaces.push_back(&c);
    }
  }
  Branch in = branch;
  in.sources = branch.sources.Intersect(sources);
  Branch out = branch;
  out.sources = branch.sources.Subtract(sources);
  if (!out.sources.empty()) rest.push_back(out);
  if (in.sources.empty()) return;
  out = in;
  out.source_ports = in.source_ports.Subtract(ports);
  in.source_ports = in.source_ports.Intersect(ports);
  if (!out.source_ports.empty()) rest.push_back(out);
  if (in.source_ports.empty()) return;
  for (const Condition* c : interfaces) {
    const auto yes = in.interface.With(c->interface, !c->negated);
    const auto no = in.interface.With(c->interface, c->negated);
    if (yes && no) {
      Branch other = in;
      other.interface = *no;
      const std::string text = (c->negated ? "not " : "") + c->interface;
      const Assumption assumption{rule.ref,
                                  "the answer depends on the interface untrusted "
                                  "traffic arrives on (" +
                                      text + ")"};
      if (!other.assumed) other.assumed = assumption;
      if (!in.assumed) in.assumed = assumption;
      rest.push_back(std::move(other));
    }
    if (!yes) {
      rest.push_back(std::move(in));
      return;
    }
    in.interface = *yes;
  }
  matched.push_back(std::move(in));
}

void Walker::Apply(const Rule& rule, Branch branch, int depth, std::vector<Branch>& live,
                   std::vector<Ending>& endings) {
  if (rule.unsupported_match) {
    // Matches or not: both ways are followed; the answer must not depend on which.
    Branch skipped = branch;
    if (!skipped.assumed) skipped.assumed = Assumption{rule.ref, *rule.unsupported_match};
    if (!branch.assumed) branch.assumed = skipped.assumed;
    live.push_back(std::move(skipped));
  }
  switch (rule.action) {
    case Action::kContinue: live.push_back(std::move(branch)); return;
    case Action::kAccept:
      endings.push_back({std::move(branch), End::kAccept, rule.ref, ""});
      return;
    case Action::kDrop: endings.push_back({std::move(branch), End::kDrop, rule.ref, ""}); return;
    case Action::kReject:
      endings.push_back({std::move(branch), End::kReject, rule.ref, ""});
      return;
    case Action::kReturn:
      endings.push_back({std::move(branch), End::kReturn, rule.ref, ""});
      return;
    case Action::kUnknown:
      endings.push_back({std::move(branch), End::kUnknown, rule.ref, rule.unsupported});
      return;
    case Action::kJump:
    case Action::kGoto: break;
  }
  if (depth >= kMaxDepth) {
    endings.push_back({std::move(branch), End::kUnknown, rule.ref,
                       "chains nest deeper than " + std::to_string(kMaxDepth) + " (a loop?)"});
    return;
  }
  for (Ending& sub : RunChain(rule.target, branch, depth + 1)) {
    if (sub.end == End::kReturn && rule.action == Action::kJump) {
      live.push_back(std::move(sub.branch));
    } else {
      endings.push_back(std::move(sub));
    }
  }
}

std::vector<Ending> Walker::RunChain(const std::string& key, const Branch& start, int depth) {
  std::vector<Ending> endings;
  const auto chain = ruleset_.chains.find(key);
  if (chain == ruleset_.chains.end()) {
    endings.push_back({start, End::kUnknown, {}, "chain " + key + " is not in the file"});
    return endings;
  }
  std::vector<Branch> live = {start};
  for (const Rule& rule : chain->second.rules) {
    if (live.empty()) break;
    if (rule.action == Action::kContinue && rule.unsupported.empty()) continue;
    if (!ConcreteMatch(rule)) continue;
    std::vector<Branch> next;
    for (Branch& branch : live) {
      std::vector<Branch> matched;
      Split(rule, branch, matched, next);
      for (Branch& m : matched) Apply(rule, std::move(m), depth, next, endings);
    }
    branches_ += next.size();
    if (branches_ > kMaxBranches) {
      for (Branch& b : next) {
        endings.push_back({std::move(b), End::kUnknown, rule.ref, "too many cases to follow"});
      }
      return endings;
    }
    live = std::move(next);
  }
  for (Branch& branch : live) endings.push_back({std::move(branch), End::kReturn, {}, ""});
  return endings;
}

// The untrusted sources of `family`: every unicast address outside the trusted networks.
// Loopback, unspecified and multicast addresses cannot open a TCP connection from elsewhere.
ValueSet UntrustedSources(Family family, const std::vector<core::IpNetwork>& trusted) {
  const int bits = family == Family::kV4 ? 32 : 128;
  ValueSet sources = ValueSet::All(bits);
  const auto remove = [&sources](const char* text) {
    sources = sources.Subtract(ValueSet::Network(*core::IpNetwork::Parse(text)));
  };
  if (family == Family::kV4) {
    for (const char* text : {"0.0.0.0/8", "127.0.0.0/8", "224.0.0.0/4", "255.255.255.255/32"}) {
      remove(text);
    }
  } else {
    for (const char* text : {"::/128", "::1/128", "ff00::/8"}) remove(text);
  }
  for (const core::IpNetwork& network : trusted) {
    if (network.family() == family) sources = sources.Subtract(ValueSet::Network(network));
  }
  return sources;
}

// Runs the packet through every base chain of `ruleset` that sees its family.
void Walk(const Ruleset& ruleset, const Packet& packet, std::vector<Branch> live,
          std::vector<Ending>& finished) {
  Walker walker(ruleset, packet);
  for (const BaseChain& base : ruleset.base_chains) {
    if (base.family && *base.family != packet.family) continue;
    std::vector<Branch> next;
    for (Branch& branch : live) {
      if (!base.unsupported.empty()) {
        finished.push_back({std::move(branch), End::kUnknown,
                            base.unsupported_ref.value_or(base.policy_ref), base.unsupported});
        continue;
      }
      for (Ending& e : walker.RunChain(base.key, branch, 0)) {
        if (e.end == End::kReturn) {
          e.rule = base.policy_ref;
          e.end = base.policy == Action::kDrop ? End::kDrop : End::kAccept;
        }
        if (e.end == End::kAccept) {
          e.branch.accepted_by = e.rule;
          next.push_back(std::move(e.branch));
        } else {
          finished.push_back(std::move(e));
        }
      }
    }
    live = std::move(next);
  }
  for (Branch& branch : live) {
    const RuleRef rule = branch.accepted_by.value_or(RuleRef{});
    finished.push_back({std::move(branch), End::kAccept, rule, ""});
  }
}

FirewallAnswer Decide(const std::vector<Ending>& endings, Family family) {
  FirewallAnswer answer;
  ValueSet allowed;
  ValueSet ports;
  for (const Ending& e : endings) {
    if (e.end != End::kAccept || e.branch.assumed) continue;
    if (!answer.rule) answer.rule = e.rule;
    allowed.Add(e.branch.sources);
    ports.Add(e.branch.source_ports);
  }
  if (answer.rule) {
    answer.verdict = Reachability::kAllowed;
    answer.sources = allowed.ToNetworks(family);
    if (ports != AnySourcePort()) answer.sources += " with source ports " + ports.ToPorts();
    return answer;
  }
  for (const Ending& e : endings) {
    if (e.end == End::kUnknown) {
      answer.rule = e.rule;
      answer.reason = e.reason;
      return answer;
    }
  }
  for (const Ending& e : endings) {
    if (e.end == End::kAccept) {
      answer.rule = e.branch.assumed->rule;
      answer.reason = e.branch.assumed->reason;
      return answer;
    }
  }
  answer.verdict = Reachability::kBlocked;
  for (const Ending& e : endings) {
    if (std::find(answer.blocking_rules.begin(), answer.blocking_rules.end(), e.rule) ==
        answer.blocking_rules.end()) {
      answer.blocking_rules.push_back(e.rule);
    }
  }
  if (!answer.blocking_rules.empty()) answer.rule = answer.blocking_rules.front();
  return answer;
}

}  // namespace

const char* ToString(Reachability reachability) {
  switch (reachability) {
    case Reachability::kBlocked: return "blocked";
    case Reachability::kAllowed: return "allowed";
    case Reachability::kUnknown: return "unknown";
  }
  return "unknown";
}

std::string FirewallAnswer::Summary(int port, const std::string& protocol) const {
  std::string text = "port " + std::to_string(port) + "/" + protocol + " ";
  switch (verdict) {
    case Reachability::kBlocked:
      text += "blocked from untrusted sources";
      if (rule) text += " by " + rule->Describe();
      if (blocking_rules.size() > 1) {
        text += " (and " + std::to_string(blocking_rules.size() - 1) + " more)";
      }
      return text;
    case Reachability::kAllowed:
      text += "allowed from untrusted sources (" + sources + ")";
      if (rule) text += " by " + rule->Describe();
      return text;
    case Reachability::kUnknown:
      text += "unknown: ";
      if (rule) text += rule->Describe() + " could not be evaluated: ";
      return text + reason;
  }
  return text;
}

FirewallAnswer Evaluate(const RulesetFile& file, const FirewallQuery& query) {
  FirewallAnswer answer;
  const Family family = query.address.family();
  const auto protocol = ProtocolNumber(query.protocol);
  if (query.port <= 0 || query.port > 65535 || !protocol || (*protocol != 6 && *protocol != 17)) {
    answer.reason = "only a TCP or UDP port can be evaluated";
    return answer;
  }
  Packet packet{family, Value::OfAddress(query.address), query.port, *protocol};
  Branch start;
  start.sources = UntrustedSources(family, query.trusted);
  start.source_ports = AnySourcePort();
  if (start.sources.empty()) {
    answer.reason = "the trusted networks hold every address: no source is untrusted";
    return answer;
  }
  std::vector<Branch> live = {start};
  std::vector<Ending> endings;
  bool covered = false;
  for (const Ruleset& ruleset : file.rulesets) {
    if (ruleset.family && *ruleset.family != family) continue;
    covered = true;
    Walk(ruleset, packet, live, endings);
    // A second ruleset of the same family (rare) sees what the first accepted.
    live.clear();
    for (auto it = endings.begin(); it != endings.end();) {
      if (it->end == End::kAccept) {
        live.push_back(it->branch);
        it = endings.erase(it);
      } else {
        ++it;
      }
    }
  }
  if (!covered) {
    answer.reason =
        std::string("the file holds no ") +
        (family == Family::kV4 ? "IPv4 ruleset (iptables-save)" : "IPv6 ruleset (ip6tables-save)");
    return answer;
  }
  for (Branch& branch : live) {
    const RuleRef rule = branch.accepted_by.value_or(RuleRef{});
    endings.push_back({std::move(branch), End::kAccept, rule, ""});
  }
  return Decide(endings, family);
}

}  // namespace ttmtrack::evidence
