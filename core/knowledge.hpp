#pragma once

#include <string>

namespace ttmtrack::core {

// A fact an export may or may not establish. kUnknown is not "no": the lifecycle rules decide
// what to assume for it (CoveragePolicy) and record that they did.
enum class Knowledge { kYes, kNo, kUnknown };

// A judged fact with the reason a human can read ("plugin_set lists 9564501",
// "GVM reports carry no scan configuration").
struct Judgement {
  Knowledge value = Knowledge::kUnknown;
  std::string basis;
};

}  // namespace ttmtrack::core
