#include "evidence/firewall/nft_reader.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "evidence/firewall/address_values.hpp"
#include "evidence/firewall/nft_expression.hpp"

namespace ttmtrack::evidence {
namespace {

using Json = nlohmann::json;
using Family = core::IpAddress::Family;

// Line and column (1-based) of byte offset `at` in `text`.
std::pair<std::int64_t, std::int64_t> Position(const std::string& text, std::size_t at) {
  std::int64_t line = 1;
  std::int64_t column = 1;
  for (std::size_t i = 0; i < at && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return {line, column};
}

class NftReader {
 public:
  explicit NftReader(const std::string& file_name) : file_name_(file_name) {}

  RulesetFile Read(const Json& document);

 private:
  [[noreturn]] void Fail(const std::string& message) const {
    throw Error(Error::Kind::kBadInput,
                "nftables element " + std::to_string(index_) + ": " + message,
                {file_name_, 0, 0, "", ""});
  }
  std::string Text(const Json& object, const char* field) const;
  std::string Key(const Json& object, const char* name_field) const {
    return Text(object, "family") + " " + Text(object, "table") + " " + Text(object, name_field);
  }
  void ReadSet(const Json& set);
  void ReadChain(const Json& chain);
  void ReadRule(const Json& rule);

  const std::string& file_name_;
  std::size_t index_ = 0;
  NftSets sets_;
  Ruleset ruleset_;
  std::map<std::string, int> rule_numbers_;
};

std::string NftReader::Text(const Json& object, const char* field) const {
  const auto found = object.find(field);
  if (found == object.end() || !found->is_string()) {
    Fail(std::string("no \"") + field + "\" text");
  }
  return found->get<std::string>();
}

void NftReader::ReadSet(const Json& set) {
  const std::string key = Key(set, "name");
  NftSet& entry = sets_[key];
  entry.name = Text(set, "name");
  const Json flags = set.value("flags", Json::array());
  const bool changing =
      set.contains("timeout") ||
      (flags.is_array() && std::any_of(flags.begin(), flags.end(), [](const Json& f) {
         return f == "dynamic" || f == "timeout";
       }));
  if (changing) {
    entry.unsupported = "set @" + entry.name + " changes at run time (timeouts or dynamic)";
    return;
  }
  entry.type =
      set.contains("type") && set["type"].is_string() ? set["type"].get<std::string>() : "";
  if (entry.type.empty()) {
    entry.unsupported = "set @" + entry.name + " has a concatenated type";
    return;
  }
  entry.elements = set.value("elem", Json::array());
}

void NftReader::ReadChain(const Json& chain) {
  const std::string key = Key(chain, "name");
  const std::string family = Text(chain, "family");
  ruleset_.chains[key].key = key;
  if (!chain.contains("hook")) return;
  const std::string hook = Text(chain, "hook");
  const std::string table = family + " " + Text(chain, "table");
  const std::string name = Text(chain, "name");
  BaseChain base;
  base.key = key;
  base.priority = chain.value("prio", 0);
  const std::string policy = chain.value("policy", "accept");
  base.policy = policy == "drop" ? Action::kDrop : Action::kAccept;
  base.policy_ref = {table, name, 0, "policy " + policy};
  if (family == "netdev" && hook == "ingress") {
    base.hook = -1;
    base.unsupported = "a netdev ingress chain (device " + chain.value("dev", std::string("?")) +
                       ") is not evaluated";
  } else if ((family == "ip" || family == "ip6" || family == "inet") &&
             (hook == "prerouting" || hook == "input")) {
    base.hook = hook == "prerouting" ? 0 : 1;
    if (family != "inet") base.family = family == "ip" ? Family::kV4 : Family::kV6;
  } else {
    return;  // output, forward, postrouting, bridge, arp: not on the path of a packet for the host
  }
  ruleset_.base_chains.push_back(std::move(base));
}

void NftReader::ReadRule(const Json& rule) {
  const std::string chain_key = Key(rule, "chain");
  const auto chain = ruleset_.chains.find(chain_key);
  if (chain == ruleset_.chains.end())
    Fail("rule for chain " + chain_key + ", not listed before it");
  RuleRef ref;
  ref.table = Text(rule, "family") + " " + Text(rule, "table");
  ref.chain = Text(rule, "chain");
  ref.number = ++rule_numbers_[chain_key];
  ref.text = "handle " + std::to_string(rule.value("handle", 0));
  if (rule.contains("comment") && rule["comment"].is_string()) {
    ref.text += " comment \"" + rule["comment"].get<std::string>() + "\"";
  }
  const auto expr = rule.find("expr");
  if (expr == rule.end() || !expr->is_array()) Fail("rule without an \"expr\" list");
  const std::string prefix = ref.table + " ";
  std::vector<Rule> rules = ReadNftRule(*expr, ref, sets_, prefix);
  for (Rule& r : rules) chain->second.rules.push_back(std::move(r));
}

RulesetFile NftReader::Read(const Json& document) {
  if (!document.is_object() || !document.contains("nftables") || !document["nftables"].is_array()) {
    throw Error(Error::Kind::kBadInput,
                "JSON without an \"nftables\" list: not the output of `nft -j list ruleset`",
                {file_name_, 0, 0, "", ""});
  }
  const Json& items = document["nftables"];
  // Sets and chains first: rules may name them before the tool lists them.
  for (const int pass : {0, 1}) {
    index_ = 0;
    for (const Json& item : items) {
      if (!item.is_object() || item.size() != 1) Fail("not an object with one kind");
      const auto first = item.begin();
      const std::string& kind = first.key();
      const Json& body = first.value();
      if (!body.is_object()) Fail("\"" + kind + "\" is not an object");
      if (pass == 0 && kind == "set") ReadSet(body);
      if (pass == 0 && kind == "chain") ReadChain(body);
      if (pass == 1 && kind == "rule") ReadRule(body);
      ++index_;
    }
  }
  for (BaseChain& base : ruleset_.base_chains) {
    if (base.hook >= 0) continue;
    const Chain& chain = ruleset_.chains[base.key];
    if (chain.rules.empty() && base.policy == Action::kAccept) {
      base.unsupported.clear();
      base.hook = 0;  // an empty accepting ingress chain passes everything
      base.priority = -1000;
    } else {
      base.unsupported_ref = chain.rules.empty() ? base.policy_ref : chain.rules.front().ref;
      base.hook = 0;
      base.priority = -1000;
    }
  }
  std::stable_sort(ruleset_.base_chains.begin(), ruleset_.base_chains.end(),
                   [](const BaseChain& a, const BaseChain& b) {
                     return std::pair(a.hook, a.priority) < std::pair(b.hook, b.priority);
                   });
  ruleset_.format = Ruleset::Format::kNftables;
  RulesetFile file;
  file.rulesets.push_back(std::move(ruleset_));
  file.format_name = "nft -j list ruleset";
  return file;
}

}  // namespace

RulesetFile ReadNftJson(const std::string& text, const std::string& file_name) {
  Json document;
  try {
    document = Json::parse(text);
  } catch (const Json::parse_error& e) {
    const auto [line, column] = Position(text, e.byte == 0 ? 0 : e.byte - 1);
    std::string what = e.what();
    const std::size_t colon = what.rfind(": ");
    throw Error(Error::Kind::kBadInput,
                "not valid JSON: " + (colon == std::string::npos ? what : what.substr(colon + 2)),
                {file_name, line, column, "", ""});
  }
  return NftReader(file_name).Read(document);
}

}  // namespace ttmtrack::evidence
