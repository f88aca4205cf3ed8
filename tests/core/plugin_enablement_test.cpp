#include "core/plugin_enablement.hpp"

#include <gtest/gtest.h>

#include "tests/core/case_name.hpp"

namespace ttmtrack::core {
namespace {

struct JudgeCase {
  const char* name;
  ScanCoverage coverage;
  ScanFormat format;
  bool extra_learned_rule;  // adds learned nessus-id 155555
  bool scan_detected_any;
  Knowledge expected;
  const char* basis_contains;
};

ScanCoverage PluginList(std::vector<std::string> ids) {
  ScanCoverage c;
  c.enabled_plugin_ids = std::move(ids);
  return c;
}

ScanCoverage Families(std::vector<std::string> enabled, std::vector<std::string> disabled) {
  ScanCoverage c;
  c.enabled_families = std::move(enabled);
  c.disabled_families = std::move(disabled);
  return c;
}

class PluginEnablementTest : public ::testing::TestWithParam<JudgeCase> {};

TEST_P(PluginEnablementTest, JudgesFromTheStrongestFact) {
  const JudgeCase& c = GetParam();
  auto rules = DefaultRules();
  if (c.extra_learned_rule) {
    Rule learned;
    learned.kind = RuleKind::kNessusId;
    learned.value = "155555";
    learned.origin = RuleOrigin::kLearned;
    rules.push_back(learned);
  }
  const Judgement j = JudgePluginEnabled(c.coverage, c.format, rules, c.scan_detected_any);
  EXPECT_EQ(j.value, c.expected);
  EXPECT_NE(j.basis.find(c.basis_contains), std::string::npos) << j.basis;
}

const JudgeCase kJudgeCases[] = {
    {"DetectionAnywhereProvesEnabled", PluginList({"1", "2"}), ScanFormat::kNessusV2, false, true,
     Knowledge::kYes, "reported c564e5ab"},
    {"PluginSetListingOwnIdIsYes", PluginList({"10107", "9564501", "99999"}), ScanFormat::kNessusV2,
     false, false, Knowledge::kYes, "includes 9564501"},
    {"PluginSetWithoutAnyIdRuleIsNo", PluginList({"10107", "11219"}), ScanFormat::kNessusV2, false,
     false, Knowledge::kNo, "includes none of 9564501"},
    {"LearnedIdCountsForEnablement", PluginList({"10107", "155555"}), ScanFormat::kNessusV2, true,
     false, Knowledge::kYes, "includes 155555"},
    {"UnsortedPluginListStillFound", PluginList({"99", "9564501", "1"}), ScanFormat::kNessusV2,
     false, false, Knowledge::kYes, "9564501"},
    {"EmptyPluginListIsNo", PluginList({}), ScanFormat::kNessusV2, false, false, Knowledge::kNo,
     "(0 plugins)"},
    {"GvmOidInListIsYes", PluginList({"1.3.6.1.4.1.32473.564.1"}), ScanFormat::kGvm, false, false,
     Knowledge::kYes, "1.3.6.1.4.1.32473.564.1"},
    {"DisabledFamilyIsNo", Families({}, {"Service detection"}), ScanFormat::kNessusV2, false, false,
     Knowledge::kNo, "\"Service detection\" is disabled"},
    {"EnabledFamilyIsYes", Families({"service DETECTION"}, {}), ScanFormat::kNessusV2, false, false,
     Knowledge::kYes, "is enabled"},
    {"OtherFamiliesSayNothing", Families({"Web Servers"}, {"Windows"}), ScanFormat::kNessusV2,
     false, false, Knowledge::kUnknown, "no plugin selection"},
    {"PluginListWinsOverFamilies",
     [] {
       auto c = PluginList({"1"});
       c.enabled_families = {"Service detection"};
       return c;
     }(),
     ScanFormat::kNessusV2, false, false, Knowledge::kNo, "includes none"},
    {"NessusWithoutPolicyIsUnknown", ScanCoverage{}, ScanFormat::kNessusV2, false, false,
     Knowledge::kUnknown, "no plugin selection"},
    {"GvmIsUnknown", ScanCoverage{}, ScanFormat::kGvm, false, false, Knowledge::kUnknown,
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

TEST(PluginEnablementRulesTest, ManyIdRulesAreAbbreviatedInTheBasis) {
  auto rules = DefaultRules();
  for (int i = 0; i < 10; ++i) {
    Rule r;
    r.kind = RuleKind::kNessusId;
    r.value = std::to_string(100 + i);
    rules.push_back(r);
  }
  const Judgement j = JudgePluginEnabled(PluginList({"1"}), ScanFormat::kNessusV2, rules, false);
  EXPECT_NE(j.basis.find("and 6 more"), std::string::npos) << j.basis;
}

}  // namespace
}  // namespace ttmtrack::core
