#include "core/firewall_check.hpp"

#include "core/civil_time.hpp"

namespace ttmtrack::core {

std::string FirewallSentence(const FirewallCheck& check) {
  const std::optional<std::string> time = FormatIso8601Utc(check.collected_at);
  // The day is what an auditor compares with the change ticket; the JSON keeps the second.
  const std::string day = time ? time->substr(0, 10) : std::string("at an unknown time");
  return "firewall ruleset collected " + day + ": " + check.summary;
}

}  // namespace ttmtrack::core
