#include "evidence/firewall/ruleset.hpp"

#include "core/ascii_text.hpp"
#include "evidence/firewall/iptables_reader.hpp"
#include "evidence/firewall/nft_reader.hpp"

namespace ttmtrack::evidence {

std::string RuleRef::Describe() const {
  // iptables chains are named alone (INPUT is filter's unless said); nft chains with their
  // table ("inet filter input"), since every table may have an "input".
  if (chain.empty()) return "no chain (nothing filters the input path)";
  const bool nft = table.find(' ') != std::string::npos;
  std::string chain_name = nft ? table + " " + chain : chain;
  if (!nft && table != "filter") chain_name += " (table " + table + ")";
  if (number == 0) return "the policy of chain " + chain_name;
  return "rule " + std::to_string(number) + " of chain " + chain_name;
}

RulesetFile ReadRulesetFile(const std::string& text, const std::string& file_name) {
  const std::string_view trimmed = core::Trim(text);
  if (!trimmed.empty() && trimmed.front() == '{') return ReadNftJson(text, file_name);
  return ReadIptablesSave(text, file_name);
}

}  // namespace ttmtrack::evidence
