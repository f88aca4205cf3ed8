#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/scan_coverage.hpp"

namespace ttmtrack::importer::xml {
class XmlReader;
}

namespace ttmtrack::importer::nessus {

// What a .nessus <Policy> says the scan was configured to do.
struct NessusPolicy {
  std::string name;                                    // policyName
  std::optional<std::vector<std::string>> plugin_set;  // sorted, unique, as strings
  std::optional<std::string> port_range;               // ServerPreferences port_range
  std::vector<std::string> enabled_families;           // FamilySelection Status=enabled
  std::vector<std::string> disabled_families;          // FamilySelection Status=disabled
  std::vector<std::string> mixed_families;             // FamilySelection Status=mixed/partial
  // IndividualPluginSelection's PluginItems (Status enabled or disabled); nullopt when the
  // policy has no such section.
  std::optional<std::vector<core::PluginSelectionItem>> individual_plugins;

  // The coverage facts, by the rules in docs/importer.md: enabled_plugin_ids is plugin_set (the
  // complete list) or nullopt; the family and individual selections are passed on as they are,
  // for core::JudgePluginEnabled to read together. port_range falls back to
  // `port_range_fallback` (plugin 19506's "Port range").
  // Moves the lists out (a plugin set may hold 100,000 IDs, megabytes a copy would double at
  // the end of an import, when SQLite's cache is fullest); the policy is spent afterwards.
  core::ScanCoverage TakeCoverage(const std::optional<std::string>& port_range_fallback) &&;
};

// REQUIRES: `xml` is on the start of <Policy>. Reads to its end. Throws what XmlReader throws.
NessusPolicy ReadNessusPolicy(xml::XmlReader& xml);

}  // namespace ttmtrack::importer::nessus
