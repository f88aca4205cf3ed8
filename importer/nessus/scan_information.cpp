#include "importer/nessus/scan_information.hpp"

#include "importer/text_util.hpp"

namespace ttmtrack::importer::nessus {

ScanInformation ParseScanInformation(std::string_view plugin_output) {
  ScanInformation info;
  while (!plugin_output.empty()) {
    const std::size_t end = plugin_output.find('\n');
    const std::string_view line = plugin_output.substr(0, end);
    plugin_output.remove_prefix(end == std::string_view::npos ? plugin_output.size() : end + 1);
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    const std::string_view key = Trim(line.substr(0, colon));
    const std::string_view value = Trim(line.substr(colon + 1));
    if (value.empty()) continue;
    if (EqualsIgnoreCase(key, "Nessus version") && info.nessus_version.empty()) {
      // The version is the first word; newer versions append "(Nessus x is available ...)".
      info.nessus_version = std::string(value.substr(0, value.find(' ')));
    } else if (EqualsIgnoreCase(key, "Port range") && !info.port_range) {
      info.port_range = std::string(value);
    } else if (EqualsIgnoreCase(key, "Scan policy used") && info.policy_name.empty()) {
      info.policy_name = std::string(value);
    }
  }
  return info;
}

}  // namespace ttmtrack::importer::nessus
