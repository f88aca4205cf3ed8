#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/result_filter.hpp"

namespace ttmtrack::core {

// One IndividualPluginSelection item of a .nessus Policy: a plugin of a family whose
// FamilySelection status is mixed, with its own status.
struct PluginSelectionItem {
  std::string plugin_id;
  std::string family;  // as the export spells it; may be empty
  bool enabled = false;
};

// What an export says about what the scan was configured to look at. Every field is optional
// because exports differ: a .nessus with a Policy has plugin_set and port_range, an OpenVAS
// report has neither. Missing facts are left empty, never guessed here: the lifecycle rules
// decide what to assume, and record that they did.
struct ScanCoverage {
  // The complete list of enabled plugins: Nessus plugin_set, sorted ascending as strings.
  // nullopt when the export does not carry one.
  std::optional<std::vector<std::string>> enabled_plugin_ids;
  // FamilySelection: families whose Status is "enabled" / "disabled" / "mixed" (or "partial").
  // A plugin of an enabled or disabled family has that status; only within a mixed family does
  // individual_plugins decide (core::JudgePluginEnabled).
  std::vector<std::string> enabled_families;
  std::vector<std::string> disabled_families;
  std::vector<std::string> mixed_families;
  // IndividualPluginSelection: the items of mixed families, in file order. nullopt when the
  // export has no such section. It names no plugin of a wholly enabled or disabled family, so it
  // is never a list of every enabled plugin.
  std::optional<std::vector<PluginSelectionItem>> individual_plugins;
  // The port range as the export spells it: "default", "all", "1-1024,5010,T:10200". nullopt
  // when unknown. Where it comes from: Policy port_range, else plugin 19506's "Port range".
  std::optional<std::string> port_range;
  // GVM: the report's result filter and paging, when the export states any of it (a <filters>
  // element, <results start= max=>, <result_count>). nullopt for Nessus and for a GVM report
  // that states none: such an export is taken as holding every result.
  std::optional<ResultFilter> result_filter;
};

}  // namespace ttmtrack::core
