#pragma once

#include <string>
#include <vector>

#include "evidence/firewall/firewall_answer.hpp"
#include "evidence/firewall/ruleset.hpp"

namespace ttmtrack::test {

// A ruleset of tests/data/firewall, read (throws what ReadRulesetFile throws).
evidence::RulesetFile LoadRuleset(const std::string& name);

// The answer for address:port/tcp with `trusted` networks ("10.20.0.0/16", ...).
evidence::FirewallAnswer Ask(const evidence::RulesetFile& file, const std::string& address,
                             int port, const std::vector<std::string>& trusted);

}  // namespace ttmtrack::test
