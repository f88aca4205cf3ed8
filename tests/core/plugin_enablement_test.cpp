#include "core/plugin_enablement.hpp"

#include <gtest/gtest.h>

#include "tests/core/case_name.hpp"

namespace ttmtrack::core {
namespace {

struct JudgeCase {
  const char* name;
  ScanCoverage coverage;
  ScanFormat format;
  std::vector<Rule> extra_rules;  // added to the default rules
  bool scan_detected_any;
  Knowledge expected;
  const char* basis_contains;
};

ScanCoverage PluginList(std::vector<std::string> ids) {
  ScanCoverage c;
  c.enabled_plugin_ids = std::move(ids);
  return c;
}

ScanCoverage Families(std::vector<std::string> enabled, std::vector<std::string> disabled,
                      std::vector<std::string> mixed = {}) {
  ScanCoverage c;
  c.enabled_families = std::move(enabled);
  c.disabled_families = std::move(disabled);
  c.mixed_families = std::move(mixed);
  return c;
}

template <typename F>
ScanCoverage With(ScanCoverage c, F change) {
  change(c);
  return c;
}

// An IndividualPluginSelection as a .nessus without plugin_set carries it.
std::vector<PluginSelectionItem> Items(std::vector<PluginSelectionItem> items) { return items; }

Rule Learned(std::string id, std::string family = "") {
  Rule rule;
  rule.kind = RuleKind::kNessusId;
  rule.value = std::move(id);
  rule.origin = RuleOrigin::kLearned;
  rule.plugin_family = std::move(family);
  return rule;
}

Rule CoverageOnly(std::string id, std::string family = "") {
  Rule rule = Learned(std::move(id), std::move(family));
  rule.scope = RuleScope::kCoverage;
  return rule;
}

class PluginEnablementTest : public ::testing::TestWithParam<JudgeCase> {};

TEST_P(PluginEnablementTest, JudgesFromTheStrongestFact) {
  const JudgeCase& c = GetParam();
  auto rules = DefaultRules();
  rules.insert(rules.end(), c.extra_rules.begin(), c.extra_rules.end());
  const PluginJudgement j = JudgePluginEnabled(c.coverage, c.format, rules, c.scan_detected_any);
  EXPECT_EQ(j.value, c.expected) << j.basis;
  EXPECT_NE(j.basis.find(c.basis_contains), std::string::npos) << j.basis;
  EXPECT_EQ(j.coverage_only, j.basis.find("coverage only") != std::string::npos) << j.basis;
}

const JudgeCase kJudgeCases[] = {
    {"DetectionAnywhereProvesEnabled",
     PluginList({"1", "2"}),
     ScanFormat::kNessusV2,
     {},
     true,
     Knowledge::kYes,
     "reported c564e5ab"},
    {"PluginSetListingOwnIdIsYes",
     PluginList({"10107", "9564501", "99999"}),
     ScanFormat::kNessusV2,
     {},
     false,
     Knowledge::kYes,
     "includes 9564501"},
    {"PluginSetWithoutAnyIdRuleIsNo",
     PluginList({"10107", "11219"}),
     ScanFormat::kNessusV2,
     {},
     false,
     Knowledge::kNo,
     "includes none of 9564501"},
    {"LearnedIdCountsForEnablement",
     PluginList({"10107", "155555"}),
     ScanFormat::kNessusV2,
     {Learned("155555")},
     false,
     Knowledge::kYes,
     "includes 155555"},
    {"UnsortedPluginListStillFound",
     PluginList({"99", "9564501", "1"}),
     ScanFormat::kNessusV2,
     {},
     false,
     Knowledge::kYes,
     "9564501"},
    {"EmptyPluginListIsNo",
     PluginList({}),
     ScanFormat::kNessusV2,
     {},
     false,
     Knowledge::kNo,
     "(0 plugins)"},
    {"GvmOidInListIsYes",
     PluginList({"1.3.6.1.4.1.32473.564.1"}),
     ScanFormat::kGvm,
     {},
     false,
     Knowledge::kYes,
     "1.3.6.1.4.1.32473.564.1"},
    // plugin_set decides alone: FamilySelection is what the user clicked, plugin_set what ran.
    {"PluginListWinsOverFamilies",
     With(PluginList({"1"}), [](auto& c) { c.enabled_families = {"Service detection"}; }),
     ScanFormat::kNessusV2,
     {},
     false,
     Knowledge::kNo,
     "includes none"},
    {"DisabledFamilyIsNo",
     Families({}, {"Service detection"}),
     ScanFormat::kNessusV2,
     {},
     false,
     Knowledge::kNo,
     "\"Service detection\" of 9564501 is disabled"},
    {"EnabledFamilyIsYes",
     Families({"service DETECTION"}, {}),
     ScanFormat::kNessusV2,
     {},
     false,
     Knowledge::kYes,
     "of 9564501 is enabled"},
    // The corpus case (nessus_forgedReport_ReportItem.nessus): the individual selection lists the
    // plugins of another, mixed family; it says nothing about a family enabled as a whole.
    {"IndividualSelectionOfAnotherFamilyDoesNotDisableAnEnabledOne",
     With(Families({"Service detection"}, {}, {"Port scanners"}),
          [](auto& c) {
            c.individual_plugins = Items({{"14274", "Port scanners", true},
                                          {"10180", "Port scanners", true},
                                          {"11219", "Port scanners", true}});
          }),
     ScanFormat::kNessusV2,
     {},
     false,
     Knowledge::kYes,
     "\"Service detection\" of 9564501 is enabled"},
    {"WithinAMixedFamilyAnEnabledItemIsYes",
     With(Families({}, {}, {"Service detection"}),
          [](auto& c) {
            c.individual_plugins = Items({{"9564501", "Service detection", true}});
          }),
     ScanFormat::kNessusV2,
     {},
     false,
     Knowledge::kYes,
     "is mixed and its individual selection enables 9564501"},
    {"WithinAMixedFamilyADisabledItemIsNo",
     With(Families({}, {}, {"Service detection"}),
          [](auto& c) {
            c.individual_plugins = Items({{"9564501", "Service detection", false}});
          }),
     ScanFormat::kNessusV2,
     {},
     false,
     Knowledge::kNo,
     "disables 9564501"},
    {"WithinAMixedFamilyAnUnlistedPluginIsNo",
     With(Families({}, {}, {"Service detection"}),
          [](auto& c) {
            c.individual_plugins = Items({{"22964", "Service detection", true}});
          }),
     ScanFormat::kNessusV2,
     {},
     false,
     Knowledge::kNo,
     "does not enable 9564501"},
    {"AMixedFamilyWithoutIndividualSelectionIsUnknown",
     Families({}, {}, {"Service detection"}),
     ScanFormat::kNessusV2,
     {},
     false,
     Knowledge::kUnknown,
     "has no individual plugin selection"},
    {"AFamilyTheSelectionDoesNotListIsUnknown",
     Families({"Web Servers"}, {"Windows"}),
     ScanFormat::kNessusV2,
     {},
     false,
     Knowledge::kUnknown,
     "does not list the family \"Service detection\" of 9564501"},
    // A learned plugin of unknown family: its absence from the selection proves nothing.
    {"LearnedPluginOfUnknownFamilyIsUnknownNotNo",
     Families({}, {"Service detection"}),
     ScanFormat::kNessusV2,
     {Learned("155555")},
     false,
     Knowledge::kUnknown,
     "family of 155555 is not known"},
    {"LearnedPluginOfAnEnabledFamilyIsYes",
     Families({"Misc."}, {"Service detection"}),
     ScanFormat::kNessusV2,
     {Learned("155555", "Misc.")},
     false,
     Knowledge::kYes,
     "\"Misc.\" of 155555 is enabled"},
    {"EveryPluginDisabledIsNoNamingEach",
     Families({}, {"Service detection", "Misc."}),
     ScanFormat::kNessusV2,
     {Learned("155555", "Misc.")},
     false,
     Knowledge::kNo,
     "of 9564502 is disabled; the plugin family \"Misc.\" of 155555 is disabled"},
    // A rule without a family takes the family its individual item names.
    {"AnItemNamesTheFamilyOfARuleWithoutOne",
     With(Families({}, {}, {"Misc."}),
          [](auto& c) {
            c.individual_plugins = Items({{"155555", "misc.", true}});
          }),
     ScanFormat::kNessusV2,
     {Learned("155555")},
     false,
     Knowledge::kYes,
     "\"misc.\" of 155555 is mixed and its individual selection enables 155555"},
    {"AnItemDecidesWhenNoFamilyIsKnown",
     With(ScanCoverage{},
          [](auto& c) {
            c.individual_plugins = Items({{"155555", "", true}});
          }),
     ScanFormat::kNessusV2,
     {Learned("155555")},
     false,
     Knowledge::kYes,
     "the individual plugin selection enables 155555"},
    // Coverage-scope rules (docs/rules.md) count, and say so; match rules are preferred.
    {"CoverageRuleInPluginSetIsYesForCoverageOnly",
     PluginList({"10107", "11219"}),
     ScanFormat::kNessusV2,
     {CoverageOnly("11219")},
     false,
     Knowledge::kYes,
     "includes 11219 (coverage only"},
    {"CoverageRuleFromAnEnabledFamilyIsYesForCoverageOnly",
     Families({"Port scanners"}, {}),
     ScanFormat::kNessusV2,
     {CoverageOnly("11219", "Port scanners")},
     false,
     Knowledge::kYes,
     "\"Port scanners\" of 11219 is enabled (coverage only"},
    // An unknown coverage rule does not lift "no" to "unknown" (which would be assumed enabled).
    {"ACoverageRuleOfUnknownFamilyLeavesNoAsNo",
     Families({}, {"Service detection"}),
     ScanFormat::kNessusV2,
     {CoverageOnly("11219")},
     false,
     Knowledge::kNo,
     "the plugin family \"Service detection\" of 9564501 is disabled"},
    {"NessusWithoutPolicyIsUnknown",
     ScanCoverage{},
     ScanFormat::kNessusV2,
     {},
     false,
     Knowledge::kUnknown,
     "no plugin selection"},
    {"GvmIsUnknown",
     ScanCoverage{},
     ScanFormat::kGvm,
     {},
     false,
     Knowledge::kUnknown,
     "GVM reports carry no scan configuration"},
};

INSTANTIATE_TEST_SUITE_P(Cases, PluginEnablementTest, ::testing::ValuesIn(kJudgeCases),
                         testing::CaseName<JudgeCase>);

TEST(PluginEnablementRulesTest, DisabledIdRulesDoNotCount) {
  auto rules = DefaultRules();
  for (Rule& rule : rules) rule.enabled = false;
  const Judgement j =
      JudgePluginEnabled(PluginList({"9564501"}), ScanFormat::kNessusV2, rules, false);
  EXPECT_EQ(j.value, Knowledge::kNo);
  EXPECT_NE(j.basis.find("no enabled nessus-id rule"), std::string::npos) << j.basis;
}

TEST(PluginEnablementRulesTest, WithoutIdRulesAnEnabledFamilyProvesNothing) {
  auto rules = DefaultRules();
  for (Rule& rule : rules) rule.enabled = false;
  const Judgement j =
      JudgePluginEnabled(Families({"Service detection"}, {}), ScanFormat::kNessusV2, rules, false);
  EXPECT_EQ(j.value, Knowledge::kNo);
}

TEST(PluginEnablementRulesTest, AMatchRuleOutranksACoverageRule) {
  auto rules = DefaultRules();
  rules.insert(rules.begin(), CoverageOnly("11219"));  // listed first, still tried second
  const PluginJudgement j =
      JudgePluginEnabled(PluginList({"11219", "9564501"}), ScanFormat::kNessusV2, rules, false);
  EXPECT_EQ(j.value, Knowledge::kYes);
  EXPECT_FALSE(j.coverage_only);
  EXPECT_EQ(j.basis, "the scan's enabled-plugin list includes 9564501");
}

TEST(PluginEnablementRulesTest, ManyIdRulesAreAbbreviatedInTheBasis) {
  auto rules = DefaultRules();
  for (int i = 0; i < 10; ++i) {
    Rule r;
    r.kind = RuleKind::kNessusId;
    r.value = std::to_string(100 + i);
    rules.push_back(r);
  }
  const Judgement j = JudgePluginEnabled(PluginList({"1"}), ScanFormat::kNessusV2, rules, false);
  EXPECT_NE(j.basis.find("and 7 more"), std::string::npos) << j.basis;
}

}  // namespace
}  // namespace ttmtrack::core
