#include "evidence/firewall/iptables_rule_parser.hpp"

#include <algorithm>
#include <array>

#include "evidence/firewall/address_values.hpp"
#include "evidence/firewall/packet_names.hpp"

namespace ttmtrack::evidence {
namespace {

using Family = core::IpAddress::Family;

// Match modules whose options are read below; any other makes the rule's match unknown.
constexpr std::array<std::string_view, 14> kKnownModules = {
    "tcp",      "udp",     "multiport", "conntrack", "state", "set",  "iprange",
    "addrtype", "pkttype", "comment",   "icmp",      "icmp6", "sctp", "dccp",
};
// Targets without a verdict and without an effect on later matches.
constexpr std::array<std::string_view, 5> kNoOpTargets = {"LOG", "NFLOG", "ULOG", "TRACE", "AUDIT"};

std::vector<std::string> Split(std::string_view text, char separator) {
  std::vector<std::string> parts;
  std::size_t at = 0;
  while (true) {
    const std::size_t end = text.find(separator, at);
    parts.emplace_back(text.substr(at, end == std::string_view::npos ? end : end - at));
    if (end == std::string_view::npos) return parts;
    at = end + 1;
  }
}

bool IsOption(const std::string& word) {
  return word == "!" || (word.size() > 1 && word[0] == '-');
}

// Reads one rule; Fail* record the first problem and stop.
class RuleParser {
 public:
  RuleParser(const std::set<std::string>& chains, const IpsetCatalog& ipsets)
      : chains_(chains), ipsets_(ipsets) {}

  ParsedRule Parse(std::string_view text);

 private:
  bool Next(std::string& value, const std::string& option);
  void Add(Field field, ValueSet values);
  void Unsupported(const std::string& what);
  void Addresses(Field field, const std::string& text);
  void Ports(Field field, const std::string& text, bool list);
  void States(const std::string& text);
  void TcpFlags(int mask, int compare);
  void MatchSet(const std::string& name, const std::string& directions);
  void Types(Field field, const std::string& text);
  void Target(const std::string& name, bool go_to);
  // Option reads one option and its values: CoreOption those of iptables itself,
  // PortOption and ModuleOption those of the match modules; each returns false for an option
  // that is not its own.
  void Option(const std::string& option);
  bool CoreOption(const std::string& option);
  bool PortOption(const std::string& option);
  bool ModuleOption(const std::string& option);
  void ReadProtocol(const std::string& name);
  void ReadMatchModule(const std::string& module);
  void ReadTcpFlags(const std::string& mask, const std::string& compare);
  void ReadPacketType(const std::string& name);
  void SkipValues();

  const std::set<std::string>& chains_;
  const IpsetCatalog& ipsets_;
  std::vector<std::string> words_;
  std::size_t at_ = 0;
  bool negate_ = false;
  ParsedRule result_;
};

void RuleParser::Unsupported(const std::string& what) {
  if (!result_.rule.unsupported_match) result_.rule.unsupported_match = what;
}

bool RuleParser::Next(std::string& value, const std::string& option) {
  if (at_ >= words_.size()) {
    if (!result_.error) result_.error = "option " + option + " without a value";
    return false;
  }
  value = words_[at_++];
  return true;
}

void RuleParser::SkipValues() {
  while (at_ < words_.size() && !IsOption(words_[at_])) ++at_;
}

void RuleParser::Add(Field field, ValueSet values) {
  Condition condition;
  condition.field = field;
  condition.negated = negate_;
  condition.values = std::move(values);
  result_.rule.conditions.push_back(std::move(condition));
}

void RuleParser::Addresses(Field field, const std::string& text) {
  AddressValues all;
  bool first = true;
  for (const std::string& part : Split(text, ',')) {
    std::string problem;
    const auto values = ParseAddressValues(part, &problem);
    if (!values) {
      result_.error = problem;
      return;
    }
    if (!first && values->family != all.family) {
      result_.error = "one list names IPv4 and IPv6 addresses: \"" + text + "\"";
      return;
    }
    all.family = values->family;
    all.values.Add(values->values);
    first = false;
  }
  if (result_.family && *result_.family != all.family) {
    result_.error = "the rule names IPv4 and IPv6 addresses";
    return;
  }
  result_.family = all.family;
  Add(field, all.values);
  result_.rule.conditions.back().family = all.family;
}

void RuleParser::Ports(Field field, const std::string& text, bool list) {
  ValueSet ports;
  for (const std::string& part : list ? Split(text, ',') : std::vector<std::string>{text}) {
    const auto values = ParsePortValues(part);
    if (!values) {
      result_.error = "not a port or port range: \"" + part + "\"";
      return;
    }
    ports.Add(*values);
  }
  Add(field, std::move(ports));
}

void RuleParser::States(const std::string& text) {
  ValueSet states;
  for (const std::string& name : Split(text, ',')) {
    const auto state = CtStateNamed(name);
    if (!state) {
      result_.error = "unknown connection state \"" + name + "\"";
      return;
    }
    states.Add(ValueOf(*state), ValueOf(*state));
  }
  Add(Field::kCtState, std::move(states));
}

// (flags & mask) == compare, as the set of flag bytes that satisfy it.
void RuleParser::TcpFlags(int mask, int compare) {
  ValueSet bytes;
  for (int flags = 0; flags < 256; ++flags) {
    if ((flags & mask) == compare) {
      bytes.Add(Value::Of(static_cast<std::uint64_t>(flags)),
                Value::Of(static_cast<std::uint64_t>(flags)));
    }
  }
  Add(Field::kTcpFlags, std::move(bytes));
}

void RuleParser::MatchSet(const std::string& name, const std::string& directions) {
  const auto found = ipsets_.find(name);
  if (found == ipsets_.end()) {
    Unsupported("ipset " + name +
                ": its members are not in the file (add the output of "
                "`ipset save` to it)");
    return;
  }
  if (!found->second.unsupported.empty()) {
    Unsupported(found->second.unsupported);
    return;
  }
  if (directions != "src" && directions != "dst") {
    Unsupported("ipset match with directions " + directions);
    return;
  }
  Add(directions == "src" ? Field::kSourceAddress : Field::kDestinationAddress,
      found->second.members);
  result_.rule.conditions.back().family = found->second.family;
}

void RuleParser::Types(Field field, const std::string& text) {
  ValueSet types;
  for (const std::string& name : Split(text, ',')) {
    const auto type = AddressTypeNamed(name);
    if (!type) {
      result_.error = "unknown address type \"" + name + "\"";
      return;
    }
    types.Add(ValueOf(*type), ValueOf(*type));
  }
  Add(field, std::move(types));
}

void RuleParser::Target(const std::string& name, bool go_to) {
  Rule& rule = result_.rule;
  at_ = words_.size();  // target options follow the target; none decides the verdict
  if (chains_.count(name)) {
    rule.action = go_to ? Action::kGoto : Action::kJump;
    rule.target = name;
  } else if (go_to) {
    result_.error = "goto (-g) to " + name + ", which is not a chain of the table";
  } else if (name == "ACCEPT") {
    rule.action = Action::kAccept;
  } else if (name == "DROP") {
    rule.action = Action::kDrop;
  } else if (name == "REJECT") {
    rule.action = Action::kReject;
  } else if (name == "RETURN") {
    rule.action = Action::kReturn;
  } else if (std::find(kNoOpTargets.begin(), kNoOpTargets.end(), name) != kNoOpTargets.end()) {
    rule.action = Action::kContinue;
  } else {
    rule.action = Action::kUnknown;
    rule.unsupported = "target " + name + " is not evaluated";
  }
}

void RuleParser::Option(const std::string& option) {
  if (CoreOption(option) || PortOption(option) || ModuleOption(option)) return;
  Unsupported("option " + option + " is not evaluated");
  SkipValues();
}

bool RuleParser::CoreOption(const std::string& option) {
  std::string value;
  if (option == "-s" || option == "--source") {
    if (Next(value, option)) Addresses(Field::kSourceAddress, value);
  } else if (option == "-d" || option == "--destination") {
    if (Next(value, option)) Addresses(Field::kDestinationAddress, value);
  } else if (option == "-i" || option == "--in-interface") {
    if (Next(value, option)) {
      Add(Field::kInInterface, {});
      result_.rule.conditions.back().interface = value;
    }
  } else if (option == "-p" || option == "--protocol") {
    if (Next(value, option)) ReadProtocol(value);
  } else if (option == "-f" || option == "--fragment") {
    Add(Field::kFragment, ValueSet::Single(Value::Of(1)));
  } else if (option == "-m" || option == "--match") {
    if (Next(value, option)) ReadMatchModule(value);
  } else if (option == "-j" || option == "--jump" || option == "-g" || option == "--goto") {
    if (Next(value, option)) Target(value, option == "-g" || option == "--goto");
  } else {
    return false;
  }
  return true;
}

void RuleParser::ReadProtocol(const std::string& name) {
  const auto number = ProtocolNumber(name);
  if (!number) {
    result_.error = "unknown protocol \"" + name + "\"";
  } else {
    Add(Field::kProtocol, *number == 0
                              ? ValueSet::Range(Value::Of(0), Value::Of(255))
                              : ValueSet::Single(Value::Of(static_cast<std::uint64_t>(*number))));
  }
}

void RuleParser::ReadMatchModule(const std::string& module) {
  if (std::find(kKnownModules.begin(), kKnownModules.end(), module) != kKnownModules.end()) return;
  Unsupported("match -m " + module + " is not evaluated");
  while (at_ < words_.size() && words_[at_] != "-m" && words_[at_] != "-j" && words_[at_] != "-g") {
    ++at_;
  }
}

bool RuleParser::PortOption(const std::string& option) {
  std::string value;
  if (option == "--dport" || option == "--destination-port") {
    if (Next(value, option)) Ports(Field::kDestinationPort, value, false);
  } else if (option == "--sport" || option == "--source-port") {
    if (Next(value, option)) Ports(Field::kSourcePort, value, false);
  } else if (option == "--dports" || option == "--destination-ports") {
    if (Next(value, option)) Ports(Field::kDestinationPort, value, true);
  } else if (option == "--sports" || option == "--source-ports") {
    if (Next(value, option)) Ports(Field::kSourcePort, value, true);
  } else if (option == "--ports") {
    if (Next(value, option)) Ports(Field::kEitherPort, value, true);
  } else {
    return false;
  }
  return true;
}

bool RuleParser::ModuleOption(const std::string& option) {
  std::string value;
  if (option == "--syn") {
    TcpFlags(0x17, kSynFlags);  // SYN,RST,ACK,FIN SYN
  } else if (option == "--tcp-flags") {
    std::string mask;
    std::string compare;
    if (Next(mask, option) && Next(compare, option)) ReadTcpFlags(mask, compare);
  } else if (option == "--ctstate" || option == "--state") {
    if (Next(value, option)) States(value);
  } else if (option == "--comment" || option == "--icmp-type" || option == "--icmpv6-type") {
    Next(value, option);
  } else if (option == "--match-set") {
    std::string directions;
    if (Next(value, option) && Next(directions, option)) MatchSet(value, directions);
  } else if (option == "--src-range" || option == "--dst-range") {
    if (Next(value, option)) {
      Addresses(option == "--src-range" ? Field::kSourceAddress : Field::kDestinationAddress,
                value);
    }
  } else if (option == "--src-type" || option == "--dst-type") {
    if (Next(value, option)) {
      Types(option == "--src-type" ? Field::kSourceType : Field::kDestinationType, value);
    }
  } else if (option == "--pkt-type") {
    if (Next(value, option)) ReadPacketType(value);
  } else {
    return false;
  }
  return true;
}

void RuleParser::ReadTcpFlags(const std::string& mask, const std::string& compare) {
  int bits[2] = {0, 0};
  int index = 0;
  for (const std::string* list : {&mask, &compare}) {
    for (const std::string& name : Split(*list, ',')) {
      const auto flag = TcpFlagBits(name);
      if (!flag) {
        result_.error = "unknown TCP flag \"" + name + "\"";
        return;
      }
      bits[index] |= *flag;
    }
    ++index;
  }
  TcpFlags(bits[0], bits[1]);
}

void RuleParser::ReadPacketType(const std::string& name) {
  const auto type = PacketTypeNamed(name);
  if (!type) {
    result_.error = "unknown packet type \"" + name + "\"";
  } else {
    Add(Field::kPacketType, ValueSet::Single(ValueOf(*type)));
  }
}

ParsedRule RuleParser::Parse(std::string_view text) {
  words_ = SplitWords(text);
  while (at_ < words_.size() && !result_.error) {
    const std::string word = words_[at_++];
    if (word == "!") {
      negate_ = true;
      continue;
    }
    if (!IsOption(word)) {
      result_.error = "unexpected word \"" + word + "\"";
      break;
    }
    Option(word);
    negate_ = false;
  }
  return std::move(result_);
}

}  // namespace

std::vector<std::string> SplitWords(std::string_view line) {
  std::vector<std::string> words;
  std::size_t at = 0;
  while (at < line.size()) {
    while (at < line.size() && (line[at] == ' ' || line[at] == '\t')) ++at;
    if (at >= line.size()) break;
    std::string word;
    bool quoted = false;
    while (at < line.size() && (quoted || (line[at] != ' ' && line[at] != '\t'))) {
      const char c = line[at++];
      if (c == '"') {
        quoted = !quoted;
      } else if (c == '\\' && quoted && at < line.size()) {
        word += line[at++];
      } else {
        word += c;
      }
    }
    words.push_back(std::move(word));
  }
  return words;
}

ParsedRule ParseIptablesRule(std::string_view text, const std::set<std::string>& chains,
                             const IpsetCatalog& ipsets) {
  return RuleParser(chains, ipsets).Parse(text);
}

}  // namespace ttmtrack::evidence
