#include "importer/gvm/gvm_severity.hpp"

#include <charconv>

#include "importer/text_util.hpp"

namespace ttmtrack::importer::gvm {

int MapGvmSeverity(std::string_view threat, std::optional<double> severity) {
  threat = Trim(threat);
  if (EqualsIgnoreCase(threat, "Critical")) return 4;
  if (EqualsIgnoreCase(threat, "High")) return 3;
  if (EqualsIgnoreCase(threat, "Medium")) return 2;
  if (EqualsIgnoreCase(threat, "Low")) return 1;
  if (EqualsIgnoreCase(threat, "Log") || EqualsIgnoreCase(threat, "Debug") ||
      EqualsIgnoreCase(threat, "False Positive") || EqualsIgnoreCase(threat, "None")) {
    return 0;
  }
  if (!severity) return 0;
  if (*severity >= 7.0) return 3;
  if (*severity >= 4.0) return 2;
  if (*severity > 0.0) return 1;
  return 0;
}

std::optional<double> ParseGvmSeverity(std::string_view text) {
  text = Trim(text);
  double value = 0;
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (text.empty() || ec != std::errc() || ptr != end) return std::nullopt;
  return value;
}

}  // namespace ttmtrack::importer::gvm
