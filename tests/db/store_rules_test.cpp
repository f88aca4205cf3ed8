#include <gtest/gtest.h>

#include "core/error.hpp"
#include "db/store.hpp"
#include "tests/db/fake_scan.hpp"
#include "tests/support/temp_dir.hpp"

namespace ttmtrack::db {
namespace {

using testing::FakeScan;
using testing::NessusScan;

class StoreRulesTest : public ::testing::Test {
 protected:
  std::optional<core::Rule> FindRule(core::RuleKind kind, const std::string& value) {
    for (const core::Rule& rule : store_.ListRules()) {
      if (rule.kind == kind && rule.value == value) return rule;
    }
    return std::nullopt;
  }

  test::TempDir dir_;
  Store store_{dir_.File("rules.db")};
};

TEST_F(StoreRulesTest, UserIdRuleMatchesLaterImports) {
  const AddRuleResult added = store_.AddRule(core::RuleKind::kNessusId, " 777 ", "site plugin");
  EXPECT_EQ(added.status, AddRuleStatus::kAdded);
  EXPECT_EQ(added.rule.value, "777");
  EXPECT_EQ(added.rule.origin, core::RuleOrigin::kUser);
  EXPECT_EQ(added.rule.note, "site plugin");
  FakeScan scan = NessusScan("s1", 1000);
  scan.Host("192.0.2.10").Result("192.0.2.10", 6000, "777", "Site check");
  EXPECT_EQ(store_.ImportScan(scan.Reader()).detections, 1);
  EXPECT_EQ(store_.ListExposures().at(0).port, 6000);
}

TEST_F(StoreRulesTest, DuplicateRuleIsReportedNotAdded) {
  const auto first = store_.AddRule(core::RuleKind::kOid, "1.3.6.1.4.1.25623.1.0.5", "");
  const auto again = store_.AddRule(core::RuleKind::kOid, "1.3.6.1.4.1.25623.1.0.5", "other");
  EXPECT_EQ(again.status, AddRuleStatus::kAlreadyExists);
  EXPECT_EQ(again.rule.id, first.rule.id);
  // Name rules match case-insensitively, so a case variant of the default is the default.
  const auto variant =
      store_.AddRule(core::RuleKind::kNameContains, "trading technologies MESSAGING", "");
  EXPECT_EQ(variant.status, AddRuleStatus::kAlreadyExists);
  EXPECT_EQ(variant.rule.origin, core::RuleOrigin::kDefault);
  EXPECT_EQ(store_.ListRules().size(), 7u);
}

TEST_F(StoreRulesTest, InvalidRuleValuesAreUsageErrors) {
  const std::pair<core::RuleKind, const char*> cases[] = {
      {core::RuleKind::kNessusId, "12a"},     {core::RuleKind::kNessusId, ""},
      {core::RuleKind::kOid, "1.3..6"},       {core::RuleKind::kOid, "12"},
      {core::RuleKind::kNameContains, "   "}, {core::RuleKind::kServiceName, "ttm\ncmd"},
  };
  for (const auto& [kind, value] : cases) {
    try {
      store_.AddRule(kind, value, "");
      ADD_FAILURE() << "accepted " << value;
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), Error::Kind::kUsage) << value;
    }
  }
  EXPECT_EQ(store_.ListRules().size(), 6u);
}

TEST_F(StoreRulesTest, DefaultRulesCannotBeRemovedButCanBeDisabled) {
  const core::Rule service = *FindRule(core::RuleKind::kServiceName, "ttm_cmd");
  EXPECT_EQ(store_.RemoveRule(service.id), RemoveRuleStatus::kIsDefault);
  EXPECT_EQ(store_.RemoveRule(9999), RemoveRuleStatus::kNotFound);

  FakeScan scan = NessusScan("s1", 1000);
  scan.Host("192.0.2.10").Result("192.0.2.10", 5010, "11219", "Nessus SYN scanner");
  scan.results.back().service_name = "ttm_cmd";
  store_.ImportScan(scan.Reader());
  ASSERT_EQ(store_.ListExposures().size(), 1u);

  EXPECT_TRUE(store_.SetRuleEnabled(service.id, false));
  EXPECT_TRUE(store_.ListExposures().empty());
  EXPECT_TRUE(store_.ListDetections({}).empty());
  const auto kept = store_.ListDetections({.include_unmatched = true});
  ASSERT_EQ(kept.size(), 1u);  // the evidence stays, it just counts for nothing now
  EXPECT_FALSE(kept[0].rule);
  EXPECT_FALSE(FindRule(core::RuleKind::kServiceName, "ttm_cmd")->enabled);

  EXPECT_TRUE(store_.SetRuleEnabled(service.id, true));
  EXPECT_EQ(store_.ListExposures().size(), 1u);
  EXPECT_FALSE(store_.SetRuleEnabled(9999, true));
}

TEST_F(StoreRulesTest, RemovingARuleRematchesItsDetections) {
  const auto user = store_.AddRule(core::RuleKind::kNessusId, "11219", "");
  FakeScan scan = NessusScan("s1", 1000);
  scan.Host("192.0.2.10").Result("192.0.2.10", 5010, "11219", "Nessus SYN scanner");
  scan.results.back().service_name = "ttm_cmd";
  store_.ImportScan(scan.Reader());
  ASSERT_EQ(store_.ListDetections({}).at(0).rule->id, user.rule.id);
  EXPECT_EQ(store_.RemoveRule(user.rule.id), RemoveRuleStatus::kRemoved);
  const auto detections = store_.ListDetections({});
  ASSERT_EQ(detections.size(), 1u);
  EXPECT_EQ(detections[0].rule->kind, core::RuleKind::kServiceName);
  EXPECT_EQ(store_.ListExposures().size(), 1u);
}

TEST_F(StoreRulesTest, LearnedRuleIsRemovableAndNotRelearnedWhileDisabled) {
  FakeScan scan = NessusScan("s1", 1000);
  scan.Host("192.0.2.10").Result("192.0.2.10", 5010, "155555", "Trading Technologies Messaging");
  scan.results.back().plugin_family = "Misc.";
  store_.ImportScan(scan.Reader());
  const auto learned = FindRule(core::RuleKind::kNessusId, "155555");
  ASSERT_TRUE(learned);
  EXPECT_EQ(learned->origin, core::RuleOrigin::kLearned);
  EXPECT_EQ(learned->plugin_family, "Misc.");
  EXPECT_TRUE(store_.SetRuleEnabled(learned->id, false));

  FakeScan again = NessusScan("s2", 2000);
  again.Host("192.0.2.10").Result("192.0.2.10", 5010, "155555", "Trading Technologies Messaging");
  EXPECT_EQ(store_.ImportScan(again.Reader()).learned_rules, 0);

  EXPECT_EQ(store_.RemoveRule(learned->id), RemoveRuleStatus::kRemoved);
  EXPECT_FALSE(FindRule(core::RuleKind::kNessusId, "155555"));
  EXPECT_EQ(store_.ListExposures().size(), 1u);  // the name rule still matches
}

// docs/rules.md, "Learned rules": the SYN scanner's result on the ttm_cmd port is a detection
// (service rule) and teaches 11219 for coverage only; its results elsewhere stay ordinary.
TEST_F(StoreRulesTest, ServiceMatchTeachesACoverageRuleThatMatchesNothing) {
  FakeScan scan = NessusScan("s1", 1000);
  scan.Host("192.0.2.10").Result("192.0.2.10", 5010, "11219", "Nessus SYN scanner");
  scan.results.back().service_name = "ttm_cmd";
  scan.results.back().plugin_family = "Port scanners";
  scan.Result("192.0.2.10", 22, "11219", "Nessus SYN scanner").results.back().service_name = "ssh";
  const ImportResult imported = store_.ImportScan(scan.Reader());
  EXPECT_EQ(imported.learned_rules, 1);
  EXPECT_EQ(imported.detections, 1);
  const auto learned = FindRule(core::RuleKind::kNessusId, "11219");
  ASSERT_TRUE(learned);
  EXPECT_EQ(learned->origin, core::RuleOrigin::kLearned);
  EXPECT_EQ(learned->scope, core::RuleScope::kCoverage);
  EXPECT_EQ(learned->plugin_family, "Port scanners");
  EXPECT_EQ(learned->learned_from_scan, imported.scan_id);
  EXPECT_NE(learned->note.find("s1.nessus"), std::string::npos) << learned->note;

  // 11219 on other ports, in this scan and the next, never becomes a detection.
  FakeScan next = NessusScan("s2", 2000);
  next.Host("192.0.2.20").Result("192.0.2.20", 443, "11219", "Nessus SYN scanner");
  EXPECT_EQ(store_.ImportScan(next.Reader()).detections, 0);
  const auto detections = store_.ListDetections({.include_unmatched = true});
  ASSERT_EQ(detections.size(), 1u);
  EXPECT_EQ(detections[0].port, 5010);
  EXPECT_EQ(detections[0].rule->kind, core::RuleKind::kServiceName);
  ASSERT_EQ(store_.ListExposures().size(), 1u);

  // A scan that enabled 11219 but not 9564501 counts as plugin-enabled, for coverage only.
  FakeScan third = NessusScan("s3", 3000);
  third.coverage.enabled_plugin_ids = std::vector<std::string>{"10107", "11219"};
  third.Host("192.0.2.10");
  store_.ImportScan(third.Reader());
  const ScanRow row = store_.ListScans().back();
  EXPECT_EQ(row.plugin_enabled.value, core::Knowledge::kYes);
  EXPECT_NE(row.plugin_enabled.basis.find("includes 11219 (coverage only"), std::string::npos)
      << row.plugin_enabled.basis;
}

TEST_F(StoreRulesTest, NameMatchUpgradesACoverageRuleInPlace) {
  FakeScan first = NessusScan("s1", 1000);
  first.Host("192.0.2.10").Result("192.0.2.10", 5010, "155555", "Vendor listener check");
  first.results.back().service_name = "ttm_cmd";
  store_.ImportScan(first.Reader());
  ASSERT_EQ(FindRule(core::RuleKind::kNessusId, "155555")->scope, core::RuleScope::kCoverage);

  FakeScan second = NessusScan("s2", 2000);
  second.Host("192.0.2.10").Result("192.0.2.10", 6000, "155555", "Trading Technologies Messaging");
  EXPECT_EQ(store_.ImportScan(second.Reader()).learned_rules, 1);
  const auto rule = FindRule(core::RuleKind::kNessusId, "155555");
  EXPECT_EQ(rule->scope, core::RuleScope::kMatch);
  EXPECT_EQ(rule->origin, core::RuleOrigin::kLearned);
  EXPECT_EQ(store_.ListRules().size(), 7u);
  // Every detection of the plugin now matches by its ID.
  for (const DetectionRow& d : store_.ListDetections({})) {
    EXPECT_EQ(d.rule->kind, core::RuleKind::kNessusId) << d.port;
  }
}

TEST_F(StoreRulesTest, AddingAUserRuleForACoverageIdMakesItAMatchRule) {
  FakeScan scan = NessusScan("s1", 1000);
  scan.Host("192.0.2.10").Result("192.0.2.10", 5010, "11219", "Nessus SYN scanner");
  scan.results.back().service_name = "ttm_cmd";
  store_.ImportScan(scan.Reader());
  const core::Rule coverage = *FindRule(core::RuleKind::kNessusId, "11219");
  ASSERT_EQ(coverage.scope, core::RuleScope::kCoverage);
  const AddRuleResult added = store_.AddRule(core::RuleKind::kNessusId, "11219", "site says so");
  EXPECT_EQ(added.status, AddRuleStatus::kAdded);
  EXPECT_EQ(added.rule.id, coverage.id);
  EXPECT_EQ(added.rule.origin, core::RuleOrigin::kUser);
  EXPECT_EQ(added.rule.scope, core::RuleScope::kMatch);
  EXPECT_EQ(added.rule.note, "site says so");
  EXPECT_EQ(store_.ListDetections({}).at(0).rule->id, coverage.id);
  // Asked again, it exists.
  EXPECT_EQ(store_.AddRule(core::RuleKind::kNessusId, "11219", "").status,
            AddRuleStatus::kAlreadyExists);
}

TEST_F(StoreRulesTest, PluginSetJudgementFollowsRuleChanges) {
  FakeScan scan = NessusScan("s1", 1000);
  scan.coverage.enabled_plugin_ids = std::vector<std::string>{"10107", "777"};
  scan.Host("192.0.2.10");
  store_.ImportScan(scan.Reader());
  EXPECT_EQ(store_.ListScans().at(0).plugin_enabled.value, core::Knowledge::kNo);
  store_.AddRule(core::RuleKind::kNessusId, "777", "");
  const ScanRow row = store_.ListScans().at(0);
  EXPECT_EQ(row.plugin_enabled.value, core::Knowledge::kYes);
  EXPECT_NE(row.plugin_enabled.basis.find("777"), std::string::npos);
}

class StoreSettingsTest : public StoreRulesTest {};

TEST_F(StoreSettingsTest, DefaultsAreListedWithTheirAllowedValues) {
  const auto settings = store_.ListSettings();
  ASSERT_EQ(settings.size(), 8u);
  for (std::size_t i = 0; i < settings.size(); ++i) {
    const SettingInfo& s = settings[i];
    EXPECT_EQ(s.definition, &core::SettingCatalogue()[i]);
    EXPECT_EQ(s.value, s.definition->default_value) << s.definition->key;
  }
  const core::CoveragePolicy policy = store_.GetCoveragePolicy();
  EXPECT_EQ(policy.plugin_enabled, core::UnknownCoverage::kAssumeCovered);
  EXPECT_EQ(store_.NessusUtcOffsetSeconds(), 0);
  EXPECT_EQ(store_.FutureMarginSeconds(), 24 * 3600);
}

TEST_F(StoreSettingsTest, ValuesAreValidatedAndCanonicalised) {
  store_.SetSetting("coverage.port-unknown", " STRICT ");
  EXPECT_EQ(store_.GetSetting("coverage.port-unknown"), "strict");
  EXPECT_EQ(store_.GetCoveragePolicy().port_scanned, core::UnknownCoverage::kNotCovered);
  store_.SetSetting("import.nessus-utc-offset", "+0530");
  EXPECT_EQ(store_.GetSetting("import.nessus-utc-offset"), "+05:30");
  EXPECT_EQ(store_.NessusUtcOffsetSeconds(), 19800);
  store_.SetSetting("import.nessus-utc-offset", "-8");
  EXPECT_EQ(store_.NessusUtcOffsetSeconds(), -28800);
  store_.SetSetting("import.nessus-utc-offset", "Z");
  EXPECT_EQ(store_.GetSetting("import.nessus-utc-offset"), "+00:00");
}

TEST_F(StoreSettingsTest, BadKeysAndValuesAreUsageErrorsThatSayWhatIsAllowed) {
  for (const auto& [key, value] :
       std::vector<std::pair<std::string, std::string>>{{"coverage.plugin-unknown", "maybe"},
                                                        {"import.nessus-utc-offset", "+15:00"},
                                                        {"import.nessus-utc-offset", "+01:60"},
                                                        {"import.nessus-utc-offset", "1"},
                                                        {"no.such-key", "assume"}}) {
    try {
      store_.SetSetting(key, value);
      ADD_FAILURE() << key << "=" << value << " accepted";
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), Error::Kind::kUsage);
      const std::string message = e.what();
      EXPECT_TRUE(message.find("allowed") != std::string::npos ||
                  message.find("known:") != std::string::npos)
          << message;
    }
  }
  EXPECT_THROW(store_.GetSetting("coverage"), Error);
}

}  // namespace
}  // namespace ttmtrack::db
