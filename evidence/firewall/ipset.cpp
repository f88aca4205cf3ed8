#include "evidence/firewall/ipset.hpp"

#include <algorithm>
#include <vector>

#include "core/ascii_text.hpp"
#include "core/error.hpp"
#include "evidence/firewall/address_values.hpp"
#include "evidence/firewall/iptables_rule_parser.hpp"

namespace ttmtrack::evidence {

bool IsIpsetLine(std::string_view line) {
  return line.substr(0, 7) == "create " || line.substr(0, 4) == "add ";
}

IpsetCatalog ReadIpsets(const std::string& text, const std::string& file_name) {
  IpsetCatalog catalog;
  std::map<std::string, ValueSet> excluded;
  std::int64_t line_number = 0;
  std::size_t at = 0;
  while (at < text.size()) {
    std::size_t end = text.find('\n', at);
    if (end == std::string::npos) end = text.size();
    ++line_number;
    const std::string_view line = core::Trim(std::string_view(text).substr(at, end - at));
    at = end + 1;
    if (!IsIpsetLine(line)) continue;
    const auto fail = [&](const std::string& message) {
      throw Error(Error::Kind::kBadInput, message, {file_name, line_number, 0, "", ""});
    };
    const std::vector<std::string> words = SplitWords(line);
    if (words.size() < 3) fail("incomplete ipset line: \"" + std::string(line) + "\"");
    const std::string& name = words[1];
    if (words[0] == "create") {
      Ipset set;
      const std::string& type = words[2];
      const auto has = [&words](const std::string& word) {
        return std::find(words.begin() + 3, words.end(), word) != words.end();
      };
      if (has("inet6")) set.family = core::IpAddress::Family::kV6;
      if (type != "hash:ip" && type != "hash:net" && type != "bitmap:ip") {
        set.unsupported = "ipset " + name + " is of type " + type + ", which is not evaluated";
      } else if (has("timeout")) {
        set.unsupported = "ipset " + name + " has timeouts: its members change over time";
      }
      catalog[name] = std::move(set);
      continue;
    }
    const auto found = catalog.find(name);
    if (found == catalog.end()) fail("ipset add to " + name + ", which no create line made");
    if (!found->second.unsupported.empty()) continue;
    std::string problem;
    const auto member = ParseAddressValues(words[2], &problem);
    if (!member || member->family != found->second.family) {
      fail("ipset " + name + ": " + (member ? "member of the other IP version" : problem));
    }
    const bool nomatch = std::find(words.begin() + 3, words.end(), "nomatch") != words.end();
    (nomatch ? excluded[name] : found->second.members).Add(member->values);
  }
  for (auto& [name, values] : excluded) {
    catalog[name].members = catalog[name].members.Subtract(values);
  }
  return catalog;
}

}  // namespace ttmtrack::evidence
