#include "core/setting_catalogue.hpp"

#include <array>
#include <charconv>
#include <cstdint>

#include "core/ascii_text.hpp"
#include "core/civil_time.hpp"
#include "core/enum_text.hpp"
#include "core/error.hpp"

namespace ttmtrack::core {
namespace {

constexpr std::string_view kAssume = ToText(UnknownCoverage::kAssumeCovered);

constexpr std::int64_t kMaxHours = 87600;  // ten years

std::optional<std::int64_t> ParseHours(std::string_view text) {
  std::int64_t hours = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), hours);
  if (error != std::errc() || end != text.data() + text.size() || hours < 0 || hours > kMaxHours) {
    return std::nullopt;
  }
  return hours;
}

constexpr std::int64_t kMaxDays = 3650;  // ten years

std::optional<std::int64_t> ParseDays(std::string_view text) {
  std::int64_t days = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), days);
  if (text.empty() || error != std::errc() || end != text.data() + text.size() || days < 0 ||
      days > kMaxDays) {
    return std::nullopt;
  }
  return days;
}

// "10.0.0.0/8=7, 192.0.2.0/24=3" → its pairs; nullopt when any part is not CIDR=DAYS.
std::optional<std::vector<std::pair<IpNetwork, std::int64_t>>> ParseNetworkDays(
    std::string_view text) {
  std::vector<std::pair<IpNetwork, std::int64_t>> pairs;
  text = Trim(text);
  while (!text.empty()) {
    const std::size_t comma = text.find(',');
    const std::string_view part = Trim(text.substr(0, comma));
    text = comma == std::string_view::npos ? std::string_view() : text.substr(comma + 1);
    const std::size_t equals = part.find('=');
    if (equals == std::string_view::npos) return std::nullopt;
    const std::optional<IpNetwork> network = IpNetwork::Parse(Trim(part.substr(0, equals)));
    const std::optional<std::int64_t> days = ParseDays(Trim(part.substr(equals + 1)));
    if (!network || !days) return std::nullopt;
    pairs.emplace_back(*network, *days);
  }
  return pairs;
}

constexpr std::array<SettingDefinition, 8> kCatalogue{{
    {kPluginUnknownSetting, SettingType::kCoverageAssumption, kAssume,
     "when an export does not say whether the ttm_cmd plugin was enabled: assume it was "
     "(recorded in each outcome) or count the scan as not covering",
     true},
    {kPortUnknownSetting, SettingType::kCoverageAssumption, kAssume,
     "when an export does not enumerate the scanned ports (\"default\" or no range) and the "
     "port was not probed: assume it was scanned, or count the scan as not covering",
     true},
    {kHostUnknownSetting, SettingType::kCoverageAssumption, kAssume,
     "when an export does not say whether a host's scan finished: assume it did, or count the "
     "scan as not covering that host",
     true},
    {kNessusUtcOffsetSetting, SettingType::kUtcOffset, "+00:00",
     "zone of Nessus HOST_START/HOST_END strings when the export has no *_TIMESTAMP tags; a "
     "change re-reads the stored times of every scan imported since schema v4",
     true},
    {kFutureMarginSetting, SettingType::kHours, "24",
     "how many hours after the import a scan may be dated (scanner clocks and zones); a later "
     "scan is refused",
     false},
    {kSlaDaysSetting, SettingType::kDays, "30",
     "days to fix an exposure: due = first detection (or the reopening) + this many days", false},
    {kSlaNetworkDaysSetting, SettingType::kNetworkDays, "",
     "days to fix per network, CIDR=DAYS comma-separated; the longest matching prefix wins over "
     "sla.days",
     false},
    {kStaleDaysSetting, SettingType::kDays, "14",
     "an exposure no scan has covered for more than this many days is stale", false},
}};

constexpr std::array<SettingValueMeaning, 2> kCoverageMeanings{{
    {ToText(UnknownCoverage::kAssumeCovered),
     "the missing fact counts as covered, so such a scan can prove an exposure fixed; every "
     "outcome that rests on it names the assumption (history's ASSUMPTION column, the report)"},
    {ToText(UnknownCoverage::kNotCovered),
     "the missing fact makes the scan not cover the exposure (not-covered, reason "
     "coverage-unknown): only facts stated in the export can prove a fix"},
}};

UnknownCoverage StoredPolicy(const std::string& value) {
  return FromText<UnknownCoverage>(value).value_or(UnknownCoverage::kAssumeCovered);
}

}  // namespace

std::span<const SettingDefinition> SettingCatalogue() { return kCatalogue; }

std::span<const SettingValueMeaning> ValueMeanings(SettingType type) {
  if (type == SettingType::kCoverageAssumption) return kCoverageMeanings;
  return {};
}

const SettingDefinition* FindSetting(std::string_view key) {
  for (const SettingDefinition& definition : kCatalogue) {
    if (definition.key == key) return &definition;
  }
  return nullptr;
}

const SettingDefinition& RequireSetting(std::string_view key) {
  if (const SettingDefinition* definition = FindSetting(key)) return *definition;
  std::string known;
  for (const SettingDefinition& definition : kCatalogue) {
    known += (known.empty() ? "" : ", ") + std::string(definition.key);
  }
  throw Error(Error::Kind::kUsage,
              "unknown setting \"" + std::string(key) + "\" (known: " + known + ")");
}

std::string AllowedValues(SettingType type) {
  switch (type) {
    case SettingType::kCoverageAssumption: return JoinedTexts<UnknownCoverage>();
    case SettingType::kUtcOffset: return "+HH:MM|-HH:MM";
    case SettingType::kHours: return "0.." + std::to_string(kMaxHours);
    case SettingType::kDays: return "0.." + std::to_string(kMaxDays);
    case SettingType::kNetworkDays: return "CIDR=DAYS[,CIDR=DAYS]";
  }
  return "";
}

std::optional<UnknownCoverage> ParseCoverageAssumption(std::string_view value) {
  return FromText<UnknownCoverage>(ToLower(Trim(value)));
}

std::string CanonicalSettingValue(const SettingDefinition& definition, std::string_view value) {
  switch (definition.type) {
    case SettingType::kCoverageAssumption:
      if (const std::optional<UnknownCoverage> assumption = ParseCoverageAssumption(value)) {
        return std::string(ToText(*assumption));
      }
      break;
    case SettingType::kUtcOffset:
      if (const Parsed<int> offset = ParseUtcOffset(value)) return FormatUtcOffset(offset.value());
      break;
    case SettingType::kHours:
      if (const std::optional<std::int64_t> hours = ParseHours(Trim(value))) {
        return std::to_string(*hours);
      }
      break;
    case SettingType::kDays:
      if (const std::optional<std::int64_t> days = ParseDays(Trim(value))) {
        return std::to_string(*days);
      }
      break;
    case SettingType::kNetworkDays:
      if (const auto pairs = ParseNetworkDays(value)) {
        std::string canonical;
        for (const auto& [network, days] : *pairs) {
          canonical +=
              (canonical.empty() ? "" : ",") + network.ToString() + "=" + std::to_string(days);
        }
        return canonical;
      }
      break;
  }
  throw Error(Error::Kind::kUsage, "invalid value \"" + std::string(value) + "\" for setting " +
                                       std::string(definition.key) +
                                       " (allowed: " + AllowedValues(definition.type) + ")");
}

CoveragePolicy CoveragePolicyFromSettings(const StoredSetting& get) {
  CoveragePolicy policy;
  policy.plugin_enabled = StoredPolicy(get(kPluginUnknownSetting));
  policy.port_scanned = StoredPolicy(get(kPortUnknownSetting));
  policy.host_completed = StoredPolicy(get(kHostUnknownSetting));
  return policy;
}

int NessusUtcOffsetFromSettings(const StoredSetting& get) {
  return ParseUtcOffset(get(kNessusUtcOffsetSetting)).value_or(0);
}

std::int64_t FutureMarginSecondsFromSettings(const StoredSetting& get) {
  const std::optional<std::int64_t> hours = ParseHours(get(kFutureMarginSetting));
  return (hours ? *hours : *ParseHours(RequireSetting(kFutureMarginSetting).default_value)) * 3600;
}

DeadlinePolicy DeadlinePolicyFromSettings(const StoredSetting& get) {
  auto days = [&get](std::string_view key) {
    const std::optional<std::int64_t> stored = ParseDays(get(key));
    return stored ? *stored : *ParseDays(RequireSetting(key).default_value);
  };
  DeadlinePolicy policy;
  policy.sla_days = days(kSlaDaysSetting);
  policy.stale_days = days(kStaleDaysSetting);
  policy.network_days = ParseNetworkDays(get(kSlaNetworkDaysSetting))
                            .value_or(std::vector<std::pair<IpNetwork, std::int64_t>>{});
  return policy;
}

}  // namespace ttmtrack::core
