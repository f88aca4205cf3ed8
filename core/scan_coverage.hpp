#pragma once

#include <optional>
#include <string>
#include <vector>

namespace ttmtrack::core {

// What an export says about what the scan was configured to look at. Every field is optional
// because exports differ: a .nessus with a Policy has plugin_set and port_range, an OpenVAS
// report has neither. Missing facts are left empty, never guessed here: the lifecycle rules
// decide what to assume, and record that they did.
struct ScanCoverage {
  // IDs of every enabled plugin (Nessus plugin_set, or IndividualPluginSelection items with
  // Status=enabled). nullopt when the export does not say.
  std::optional<std::vector<std::string>> enabled_plugin_ids;
  // FamilySelection: families whose Status is "enabled" / "disabled" (mixed ones are in neither).
  std::vector<std::string> enabled_families;
  std::vector<std::string> disabled_families;
  // The port range as the export spells it: "default", "all", "1-1024,5010,T:10200". nullopt
  // when unknown. Where it comes from: Policy port_range, else plugin 19506's "Port range".
  std::optional<std::string> port_range;
};

}  // namespace ttmtrack::core
