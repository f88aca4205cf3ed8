#include "reports/display_time.hpp"

#include "core/civil_time.hpp"

namespace ttmtrack::reports {

std::string DisplayTime(std::optional<std::int64_t> epoch_seconds, std::string_view missing) {
  if (!IsKnownTime(epoch_seconds)) return std::string(missing);
  const std::string iso = *core::FormatIso8601Utc(*epoch_seconds);  // 2026-03-10T13:53:00Z
  return iso.substr(0, 10) + " " + iso.substr(11, 5) + " UTC";
}

std::string DisplayDate(std::optional<std::int64_t> epoch_seconds, std::string_view missing) {
  if (!IsKnownTime(epoch_seconds)) return std::string(missing);
  return core::FormatIso8601Utc(*epoch_seconds)->substr(0, 10);
}

}  // namespace ttmtrack::reports
