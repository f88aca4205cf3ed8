#include "tests/evidence/firewall_test_support.hpp"

#include <stdexcept>

#include "tests/support/temp_dir.hpp"

namespace ttmtrack::test {

evidence::RulesetFile LoadRuleset(const std::string& name) {
  const std::string path = std::string(TTMTRACK_TEST_DATA_DIR) + "/firewall/" + name;
  const std::string text = ReadFileBytes(path);
  if (text.empty()) throw std::runtime_error("cannot read " + path);
  return evidence::ReadRulesetFile(text, name);
}

evidence::FirewallAnswer Ask(const evidence::RulesetFile& file, const std::string& address,
                             int port, const std::vector<std::string>& trusted) {
  evidence::FirewallQuery query;
  query.address = *core::IpAddress::Parse(address);
  query.port = port;
  for (const std::string& network : trusted)
    query.trusted.push_back(*core::IpNetwork::Parse(network));
  return evidence::Evaluate(file, query);
}

}  // namespace ttmtrack::test
