#pragma once

#include <string>
#include <vector>

namespace ttmtrack::core {

// Joins human-readable facts or assumptions into one Outcome/Judgement text, "; "-separated:
// the spelling history, reports and the CLI show.
inline std::string JoinFacts(const std::vector<std::string>& parts) {
  std::string out;
  for (const std::string& part : parts) {
    if (!out.empty()) out += "; ";
    out += part;
  }
  return out;
}

}  // namespace ttmtrack::core
