#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace ttmtrack::importer::nessus {

// Facts read from the output of Nessus plugin 19506 ("Nessus Scan Information"), which lists
// "Key : value" lines. Keys absent from the output stay empty.
struct ScanInformation {
  std::string nessus_version;             // "Nessus version : 5.2.4 (...)" → "5.2.4"
  std::optional<std::string> port_range;  // "Port range : 1-65535" → "1-65535"
  std::string policy_name;                // "Scan policy used : pci"
};

// The plugin ID whose output this parses.
inline constexpr std::string_view kScanInformationPluginId = "19506";

// Pure function; never throws on odd text (unknown lines are ignored).
ScanInformation ParseScanInformation(std::string_view plugin_output);

}  // namespace ttmtrack::importer::nessus
