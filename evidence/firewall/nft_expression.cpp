#include "evidence/firewall/nft_expression.hpp"

#include <algorithm>
#include <array>

#include "evidence/firewall/address_values.hpp"
#include "evidence/firewall/packet_names.hpp"

namespace ttmtrack::evidence {
namespace {

using Json = nlohmann::json;
using Family = core::IpAddress::Family;

// What the left side of a match reads from the packet.
struct Operand {
  Field field = Field::kProtocol;
  std::optional<Family> family;    // address fields: whose addresses
  int tcp_mask = 0xff;             // kTcpFlags: "tcp flags & MASK"
  std::vector<Condition> implied;  // "tcp dport" implies l4proto tcp, "ip saddr" IPv4
  std::string unsupported;         // set when the operand is not evaluated
};

Condition Fixed(Field field, ValueSet values) {
  Condition condition;
  condition.field = field;
  condition.values = std::move(values);
  return condition;
}

ValueSet One(std::uint64_t value) { return ValueSet::Single(Value::Of(value)); }

Operand Payload(const Json& payload) {
  Operand op;
  const std::string protocol = payload.value("protocol", "");
  const std::string field = payload.value("field", "");
  if (protocol == "ip" || protocol == "ip6") {
    const Family family = protocol == "ip" ? Family::kV4 : Family::kV6;
    op.implied.push_back(Fixed(Field::kFamily, One(family == Family::kV4 ? 4 : 6)));
    if (field == "saddr" || field == "daddr") {
      op.field = field == "saddr" ? Field::kSourceAddress : Field::kDestinationAddress;
      op.family = family;
      return op;
    }
    if (field == (protocol == "ip" ? "protocol" : "nexthdr")) {
      op.field = Field::kProtocol;
      return op;
    }
  }
  static constexpr std::array<std::pair<std::string_view, int>, 4> kPorted = {
      {{"tcp", 6}, {"udp", 17}, {"dccp", 33}, {"sctp", 132}}};
  for (const auto& [name, number] : kPorted) {
    if (protocol == name && (field == "sport" || field == "dport")) {
      op.implied.push_back(Fixed(Field::kProtocol, One(static_cast<std::uint64_t>(number))));
      op.field = field == "sport" ? Field::kSourcePort : Field::kDestinationPort;
      return op;
    }
  }
  if (protocol == "th" && (field == "sport" || field == "dport")) {
    ValueSet ported;
    for (const auto& [name, number] : kPorted) ported.Add(One(static_cast<std::uint64_t>(number)));
    op.implied.push_back(Fixed(Field::kProtocol, ported));
    op.field = field == "sport" ? Field::kSourcePort : Field::kDestinationPort;
    return op;
  }
  if (protocol == "tcp" && field == "flags") {
    op.implied.push_back(Fixed(Field::kProtocol, One(6)));
    op.field = Field::kTcpFlags;
    return op;
  }
  op.unsupported = "payload " + protocol + " " + field + " is not evaluated";
  return op;
}

Operand Left(const Json& left);

Operand Meta(const Json& meta) {
  Operand op;
  const std::string key = meta.value("key", "");
  if (key == "l4proto") {
    op.field = Field::kProtocol;
  } else if (key == "nfproto" || key == "protocol") {
    op.field = Field::kFamily;
  } else if (key == "iifname" || key == "iif") {
    op.field = Field::kInInterface;
  } else if (key == "pkttype") {
    op.field = Field::kPacketType;
  } else {
    op.unsupported = "meta " + key + " is not evaluated";
  }
  return op;
}

Operand Left(const Json& left) {
  Operand op;
  if (!left.is_object() || left.empty()) {
    op.unsupported = "match on " + left.dump() + " is not evaluated";
    return op;
  }
  const auto first = left.begin();
  const std::string& kind = first.key();
  const Json& body = first.value();
  if (kind == "payload" && body.is_object()) return Payload(body);
  if (kind == "meta" && body.is_object()) return Meta(body);
  if (kind == "ct" && body.is_object() && body.value("key", "") == "state" &&
      !body.contains("dir")) {
    op.field = Field::kCtState;
    return op;
  }
  if (kind == "fib" && body.is_object() && body.value("result", "") == "type" &&
      body.value("flags", Json::array()) == Json::array({"daddr"})) {
    op.field = Field::kDestinationType;
    return op;
  }
  if (kind == "&" && body.is_array() && body.size() == 2) {
    Operand inner = Left(body[0]);
    if (inner.unsupported.empty() && inner.field == Field::kTcpFlags) {
      int mask = 0;
      for (const Json& flag : body[1].is_array() ? body[1] : Json::array({body[1]})) {
        const auto bits = flag.is_string() ? TcpFlagBits(flag.get<std::string>()) : std::nullopt;
        if (!bits) return Operand{.unsupported = "tcp flags mask " + body[1].dump()};
        mask |= *bits;
      }
      inner.tcp_mask = mask;
      return inner;
    }
  }
  op.unsupported = kind + " expression is not evaluated";
  return op;
}

// The values `right` names for `op`; nullopt with `*problem` when they cannot be read.
class Values {
 public:
  Values(const Operand& op, const NftSets& sets, const std::string& key_prefix)
      : op_(op), sets_(sets), key_prefix_(key_prefix) {}

  std::optional<ValueSet> Read(const Json& right, std::string* problem) const;

 private:
  std::optional<ValueSet> Scalar(const Json& value, std::string* problem) const;
  const Operand& op_;
  const NftSets& sets_;
  const std::string& key_prefix_;
};

std::optional<ValueSet> Values::Scalar(const Json& value, std::string* problem) const {
  const auto unreadable = [&]() -> std::optional<ValueSet> {
    *problem = "value " + value.dump() + " is not evaluated";
    return std::nullopt;
  };
  if (op_.field == Field::kSourceAddress || op_.field == Field::kDestinationAddress) {
    std::string text;
    if (value.is_string()) {
      text = value.get<std::string>();
    } else if (value.is_object() && value.contains("prefix")) {
      text = value["prefix"].value("addr", "") + "/" +
             std::to_string(value["prefix"].value("len", -1));
    } else {
      return unreadable();
    }
    const auto addresses = ParseAddressValues(text, problem);
    if (!addresses) return std::nullopt;
    if (addresses->family != op_.family) return ValueSet{};  // never equal across families
    return addresses->values;
  }
  if (value.is_number_unsigned()) return One(value.get<std::uint64_t>());
  if (!value.is_string()) return unreadable();
  const std::string text = value.get<std::string>();
  std::optional<int> number;
  switch (op_.field) {
    case Field::kProtocol: number = ProtocolNumber(text); break;
    case Field::kFamily:
      if (text == "ipv4" || text == "ip") number = 4;
      if (text == "ipv6" || text == "ip6") number = 6;
      break;
    case Field::kCtState:
      if (auto state = CtStateNamed(text)) number = static_cast<int>(*state);
      break;
    case Field::kPacketType:
      if (auto type = PacketTypeNamed(text)) number = static_cast<int>(*type);
      break;
    case Field::kDestinationType:
      if (auto type = AddressTypeNamed(text)) number = static_cast<int>(*type);
      break;
    case Field::kSourcePort:
    case Field::kDestinationPort:
      if (auto ports = ParsePortValues(text)) return ports;
      break;
    default: break;
  }
  if (!number) return unreadable();
  return One(static_cast<std::uint64_t>(*number));
}

std::optional<ValueSet> Values::Read(const Json& right, std::string* problem) const {
  if (right.is_string() && right.get<std::string>().rfind('@', 0) == 0) {
    const std::string name = right.get<std::string>().substr(1);
    const auto found = sets_.find(key_prefix_ + name);
    if (found == sets_.end()) {
      *problem = "set @" + name + " is not in the ruleset";
      return std::nullopt;
    }
    if (!found->second.unsupported.empty()) {
      *problem = found->second.unsupported;
      return std::nullopt;
    }
    return Read(Json{{"set", found->second.elements}}, problem);
  }
  ValueSet values;
  const Json* list = nullptr;
  if (right.is_array()) list = &right;
  if (right.is_object() && right.contains("set") && right["set"].is_array()) list = &right["set"];
  if (list) {
    for (const Json& element : *list) {
      const Json& item = element.is_object() && element.contains("elem")
                             ? element["elem"].value("val", Json())
                             : element;
      auto part = Read(item, problem);
      if (!part) return std::nullopt;
      values.Add(*part);
    }
    return values;
  }
  if (right.is_object() && right.contains("range") && right["range"].is_array() &&
      right["range"].size() == 2) {
    const auto first = Scalar(right["range"][0], problem);
    const auto last = first ? Scalar(right["range"][1], problem) : std::nullopt;
    if (!first || !last || first->empty() || last->empty()) return std::nullopt;
    return ValueSet::Range(first->intervals().front().first, last->intervals().back().last);
  }
  if (right.is_object() && right.contains("concat")) {
    *problem = "a concatenation is not evaluated";
    return std::nullopt;
  }
  return Scalar(right, problem);
}

// The set of flag bytes f for which (f & mask) `op` compare holds.
ValueSet FlagBytes(int mask, int compare, const std::string& op) {
  ValueSet bytes;
  for (int f = 0; f < 256; ++f) {
    const int v = f & mask;
    const bool holds = op == "in" ? (v & compare) != 0 : op == "!=" ? v != compare : v == compare;
    if (holds) bytes.Add(One(static_cast<std::uint64_t>(f)));
  }
  return bytes;
}

// Sets `condition` to what `values`, the match's right side, selects under the operator `how`:
// the set itself, its complement, or the range on one side of a single value. False with
// `*problem` for an operator that is not evaluated.
bool Compare(const std::string& how, ValueSet values, Condition& condition, std::string* problem) {
  if (how == "==" || how == "in") {
    condition.values = std::move(values);
  } else if (how == "!=") {
    condition.values = std::move(values);
    condition.negated = true;
  } else if ((how == "<" || how == "<=" || how == ">" || how == ">=") && !values.empty() &&
             values.intervals().size() == 1 &&
             values.intervals().front().first == values.intervals().front().last) {
    const Value v = values.intervals().front().first;
    const Value top = Value::Max(128);
    if (how == "<")
      condition.values = v == Value{} ? ValueSet{} : ValueSet::Range({}, v.Previous());
    if (how == "<=") condition.values = ValueSet::Range({}, v);
    if (how == ">") condition.values = v == top ? ValueSet{} : ValueSet::Range(v.Next(), top);
    if (how == ">=") condition.values = ValueSet::Range(v, top);
  } else {
    *problem = "operator " + how + " is not evaluated";
    return false;
  }
  return true;
}

// The conditions of one "match"; false with `*problem` when it is not evaluated.
bool ReadMatch(const Json& match, const NftSets& sets, const std::string& key_prefix,
               std::vector<Condition>& conditions, std::string* problem) {
  const Operand op = Left(match.value("left", Json()));
  if (!op.unsupported.empty()) {
    *problem = op.unsupported;
    return false;
  }
  const std::string how = match.value("op", "==");
  const Json right = match.value("right", Json());
  conditions.insert(conditions.end(), op.implied.begin(), op.implied.end());
  Condition condition;
  condition.field = op.field;
  condition.family = op.family;
  if (op.field == Field::kInInterface) {
    if (!right.is_string() || (how != "==" && how != "!=")) {
      *problem = "interface match " + right.dump() + " is not evaluated";
      return false;
    }
    std::string pattern = right.get<std::string>();
    if (!pattern.empty() && pattern.back() == '*') pattern.back() = '+';
    condition.interface = pattern;
    condition.negated = how == "!=";
    conditions.push_back(std::move(condition));
    return true;
  }
  if (op.field == Field::kTcpFlags) {
    int compare = 0;
    for (const Json& flag : right.is_array() ? right : Json::array({right})) {
      const auto bits = flag.is_string() ? TcpFlagBits(flag.get<std::string>()) : std::nullopt;
      if (!bits) {
        *problem = "tcp flags " + right.dump() + " are not evaluated";
        return false;
      }
      compare |= *bits;
    }
    condition.values = FlagBytes(op.tcp_mask, compare, how);
    conditions.push_back(std::move(condition));
    return true;
  }
  auto values = Values(op, sets, key_prefix).Read(right, problem);
  if (!values || !Compare(how, std::move(*values), condition, problem)) return false;
  conditions.push_back(std::move(condition));
  return true;
}

// A verdict statement: sets the rule's action, or returns false for a statement that is none.
bool ReadVerdict(const std::string& kind, const Json& body, const std::string& key_prefix,
                 Rule& rule) {
  if (kind == "accept")
    rule.action = Action::kAccept;
  else if (kind == "drop")
    rule.action = Action::kDrop;
  else if (kind == "reject")
    rule.action = Action::kReject;
  else if (kind == "return")
    rule.action = Action::kReturn;
  else if (kind == "continue")
    rule.action = Action::kContinue;
  else if ((kind == "jump" || kind == "goto") && body.is_object() && body.contains("target")) {
    rule.action = kind == "jump" ? Action::kJump : Action::kGoto;
    rule.target = key_prefix + body["target"].get<std::string>();
  } else {
    return false;
  }
  return true;
}

}  // namespace

std::vector<Rule> ReadNftRule(const Json& expr, const RuleRef& ref, const NftSets& sets,
                              const std::string& key_prefix) {
  Rule rule;
  rule.ref = ref;
  const auto unsupported_match = [&rule](const std::string& what) {
    if (!rule.unsupported_match) rule.unsupported_match = what;
  };
  for (const Json& statement : expr) {
    if (!statement.is_object() || statement.empty()) continue;
    const auto first = statement.begin();
    const std::string& kind = first.key();
    const Json& body = first.value();
    if (kind == "match") {
      std::string problem;
      if (!ReadMatch(body, sets, key_prefix, rule.conditions, &problem)) unsupported_match(problem);
    } else if (kind == "counter" || kind == "log") {
      continue;
    } else if (ReadVerdict(kind, body, key_prefix, rule)) {
      return {rule};
    } else if (kind == "vmap" && body.is_object()) {
      const Json data = body.value("data", Json());
      if (!data.is_object() || !data.contains("set")) {
        unsupported_match("a named verdict map is not evaluated");
        return {rule};
      }
      std::vector<Rule> rules;
      for (const Json& pair : data["set"]) {
        Rule branch = rule;
        std::string problem;
        const Json match = {{"op", "=="},
                            {"left", body.value("key", Json())},
                            {"right", pair.is_array() && !pair.empty() ? pair[0] : Json()}};
        if (!ReadMatch(match, sets, key_prefix, branch.conditions, &problem)) {
          if (!branch.unsupported_match) branch.unsupported_match = problem;
        }
        const Json verdict = pair.is_array() && pair.size() == 2 ? pair[1] : Json();
        if (!verdict.is_object() || verdict.empty() ||
            !ReadVerdict(verdict.begin().key(), verdict.begin().value(), key_prefix, branch)) {
          branch.action = Action::kUnknown;
          branch.unsupported = "verdict map entry " + pair.dump() + " is not evaluated";
        }
        rules.push_back(std::move(branch));
      }
      return rules;
    } else if (kind == "limit" || kind == "quota" || kind == "set" || kind == "meter" ||
               kind == "xt" || kind == "connlimit") {
      unsupported_match("statement " + kind + " is not evaluated");
    } else {
      rule.action = Action::kUnknown;
      rule.unsupported = "statement " + kind + " is not evaluated";
      return {rule};
    }
  }
  return {rule};
}

}  // namespace ttmtrack::evidence
