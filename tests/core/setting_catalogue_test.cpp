#include "core/setting_catalogue.hpp"

#include <set>

#include <gtest/gtest.h>

#include "core/enum_text.hpp"
#include "core/error.hpp"

namespace ttmtrack::core {
namespace {

TEST(SettingCatalogueTest, KeysAreUniqueAndFound) {
  std::set<std::string_view> keys;
  for (const SettingDefinition& definition : SettingCatalogue()) {
    EXPECT_TRUE(keys.insert(definition.key).second) << definition.key;
    EXPECT_EQ(FindSetting(definition.key), &definition);
    EXPECT_FALSE(definition.description.empty()) << definition.key;
  }
  EXPECT_EQ(keys, (std::set<std::string_view>{"coverage.plugin-unknown", "coverage.port-unknown",
                                              "coverage.host-unknown", "import.nessus-utc-offset",
                                              "import.future-margin-hours", "sla.days",
                                              "sla.network-days", "stale.days"}));
  EXPECT_EQ(FindSetting("coverage"), nullptr);
}

TEST(SettingCatalogueTest, UnknownKeyIsAUsageErrorListingTheKnownOnes) {
  try {
    RequireSetting("coverage.plugin");
    ADD_FAILURE() << "accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), Error::Kind::kUsage);
    EXPECT_NE(e.message().find("known: coverage.plugin-unknown, coverage.port-unknown"),
              std::string::npos)
        << e.message();
  }
}

TEST(SettingCatalogueTest, CoverageSettingsAreTypedAndAffectTheLifecycle) {
  for (const SettingDefinition& definition : SettingCatalogue()) {
    const bool coverage = definition.key.starts_with("coverage.");
    EXPECT_EQ(definition.type == SettingType::kCoverageAssumption, coverage) << definition.key;
    // A coverage assumption decides outcomes; the Nessus zone moves stored scan times.
    EXPECT_EQ(definition.affects_lifecycle, coverage || definition.key == kNessusUtcOffsetSetting)
        << definition.key;
    if (coverage) {
      EXPECT_EQ(ParseCoverageAssumption(definition.default_value), UnknownCoverage::kAssumeCovered);
    }
  }
  EXPECT_EQ(AllowedValues(SettingType::kCoverageAssumption), "assume|strict");
  EXPECT_EQ(AllowedValues(SettingType::kUtcOffset), "+HH:MM|-HH:MM");
  EXPECT_EQ(AllowedValues(SettingType::kHours), "0..87600");
  EXPECT_EQ(RequireSetting(kFutureMarginSetting).type, SettingType::kHours);
  EXPECT_EQ(AllowedValues(SettingType::kDays), "0..3650");
}

TEST(SettingCatalogueTest, DeadlineSettingsAreCanonicalAndTyped) {
  EXPECT_EQ(CanonicalSettingValue(RequireSetting(kSlaDaysSetting), " 07 "), "7");
  EXPECT_THROW(CanonicalSettingValue(RequireSetting(kStaleDaysSetting), "3651"), Error);
  EXPECT_EQ(CanonicalSettingValue(RequireSetting(kSlaNetworkDaysSetting),
                                  " 10.0.0.0/8 = 7 , 2001:DB8::/32=3"),
            "10.0.0.0/8=7,2001:db8::/32=3");
  EXPECT_EQ(CanonicalSettingValue(RequireSetting(kSlaNetworkDaysSetting), ""), "");
  EXPECT_THROW(CanonicalSettingValue(RequireSetting(kSlaNetworkDaysSetting), "10.0.0.1/8=7"),
               Error);
  const DeadlinePolicy policy = DeadlinePolicyFromSettings([](std::string_view key) {
    if (key == kSlaDaysSetting) return std::string("10");
    if (key == kSlaNetworkDaysSetting) return std::string("192.0.2.0/24=2");
    return std::string(RequireSetting(key).default_value);
  });
  EXPECT_EQ(policy.sla_days, 10);
  EXPECT_EQ(policy.stale_days, 14);
  EXPECT_EQ(policy.SlaDaysFor("192.0.2.7"), 2);
}

TEST(SettingCatalogueTest, CoverageAssumptionIgnoresAsciiCaseAndSpaceOnly) {
  EXPECT_EQ(ParseCoverageAssumption(" STRICT\t"), UnknownCoverage::kNotCovered);
  EXPECT_EQ(ParseCoverageAssumption("Assume"), UnknownCoverage::kAssumeCovered);
  EXPECT_FALSE(ParseCoverageAssumption("maybe"));
  EXPECT_FALSE(ParseCoverageAssumption(""));
  EXPECT_FALSE(ParseCoverageAssumption("assume-covered"));
  EXPECT_FALSE(ParseCoverageAssumption("\xC2\xA0strict"));  // NO-BREAK SPACE is not trimmed
}

TEST(SettingCatalogueTest, EveryDefaultIsCanonical) {
  for (const SettingDefinition& definition : SettingCatalogue()) {
    EXPECT_EQ(CanonicalSettingValue(definition, definition.default_value), definition.default_value)
        << definition.key;
  }
}

TEST(SettingCatalogueTest, ValuesAreCanonicalisedByTheirType) {
  const SettingDefinition& plugin = RequireSetting("coverage.plugin-unknown");
  EXPECT_EQ(CanonicalSettingValue(plugin, " STRICT "), "strict");
  EXPECT_EQ(CanonicalSettingValue(plugin, "Assume"), "assume");
  const SettingDefinition& offset = RequireSetting("import.nessus-utc-offset");
  EXPECT_EQ(CanonicalSettingValue(offset, "+0530"), "+05:30");
  EXPECT_EQ(CanonicalSettingValue(offset, "-8"), "-08:00");
  EXPECT_EQ(CanonicalSettingValue(offset, "Z"), "+00:00");
  EXPECT_EQ(CanonicalSettingValue(offset, " utc "), "+00:00");
  const SettingDefinition& margin = RequireSetting(kFutureMarginSetting);
  EXPECT_EQ(CanonicalSettingValue(margin, " 024 "), "24");
  EXPECT_EQ(CanonicalSettingValue(margin, "0"), "0");
  EXPECT_EQ(CanonicalSettingValue(margin, "87600"), "87600");
}

TEST(SettingCatalogueTest, AValueOfAnotherTypeIsAUsageErrorSayingWhatIsAllowed) {
  const struct {
    const char* key;
    const char* value;
    const char* allowed;
  } cases[] = {
      {"coverage.host-unknown", "maybe", "assume|strict"},
      {"coverage.plugin-unknown", "+01:00", "assume|strict"},
      {"import.nessus-utc-offset", "strict", "+HH:MM|-HH:MM"},
      {"import.nessus-utc-offset", "+15:00", "+HH:MM|-HH:MM"},
      {"import.nessus-utc-offset", "+01:60", "+HH:MM|-HH:MM"},
      {"import.nessus-utc-offset", "", "+HH:MM|-HH:MM"},
      {"import.future-margin-hours", "-1", "0..87600"},
      {"import.future-margin-hours", "87601", "0..87600"},
      {"import.future-margin-hours", "1.5", "0..87600"},
      {"import.future-margin-hours", "", "0..87600"},
  };
  for (const auto& c : cases) {
    try {
      CanonicalSettingValue(RequireSetting(c.key), c.value);
      ADD_FAILURE() << c.key << " accepted " << c.value;
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), Error::Kind::kUsage);
      EXPECT_EQ(e.message(), "invalid value \"" + std::string(c.value) + "\" for setting " + c.key +
                                 " (allowed: " + c.allowed + ")");
    }
  }
}

TEST(SettingCatalogueTest, PolicyFollowsTheStoredValues) {
  const CoveragePolicy policy = CoveragePolicyFromSettings([](std::string_view key) {
    return std::string(key == kPortUnknownSetting ? "strict" : "assume");
  });
  EXPECT_EQ(policy.plugin_enabled, UnknownCoverage::kAssumeCovered);
  EXPECT_EQ(policy.port_scanned, UnknownCoverage::kNotCovered);
  EXPECT_EQ(policy.host_completed, UnknownCoverage::kAssumeCovered);
}

TEST(SettingCatalogueTest, NessusOffsetFollowsTheStoredValue) {
  const auto stored = [](const std::string& value) {
    return [value](std::string_view key) {
      EXPECT_EQ(key, kNessusUtcOffsetSetting);
      return value;
    };
  };
  EXPECT_EQ(NessusUtcOffsetFromSettings(stored("+00:00")), 0);
  EXPECT_EQ(NessusUtcOffsetFromSettings(stored("+05:30")), 19800);
  EXPECT_EQ(NessusUtcOffsetFromSettings(stored("-08:00")), -28800);
}

TEST(SettingCatalogueTest, FutureMarginIsReadInSeconds) {
  EXPECT_EQ(FutureMarginSecondsFromSettings([](std::string_view key) {
              EXPECT_EQ(key, kFutureMarginSetting);
              return std::string("72");
            }),
            72 * 3600);
}

// The store keeps only canonical values; a file edited by hand may hold anything. Such a value
// reads as the default instead of failing every command that opens the database.
TEST(SettingCatalogueTest, AHandEditedStoredValueReadsAsTheDefault) {
  const auto garbage = [](std::string_view) { return std::string("bogus"); };
  const CoveragePolicy policy = CoveragePolicyFromSettings(garbage);
  EXPECT_EQ(policy.plugin_enabled, UnknownCoverage::kAssumeCovered);
  EXPECT_EQ(policy.port_scanned, UnknownCoverage::kAssumeCovered);
  EXPECT_EQ(policy.host_completed, UnknownCoverage::kAssumeCovered);
  EXPECT_EQ(NessusUtcOffsetFromSettings(garbage), 0);
  EXPECT_EQ(FutureMarginSecondsFromSettings(garbage), 24 * 3600);
}

}  // namespace
}  // namespace ttmtrack::core
