#include "core/rule.hpp"

#include <gtest/gtest.h>

#include "core/detection_constants.hpp"
#include "core/enum_text.hpp"
#include "core/error.hpp"
#include "tests/core/case_name.hpp"

namespace ttmtrack::core {
namespace {

ResultRecord Result(std::string plugin_id, std::string plugin_name, std::string service = "") {
  ResultRecord r;
  r.host_ip = "192.0.2.10";
  r.port = 5010;
  r.protocol = "tcp";
  r.plugin_id = std::move(plugin_id);
  r.plugin_name = std::move(plugin_name);
  r.service_name = std::move(service);
  return r;
}

Rule MakeRule(RuleKind kind, std::string value, RuleOrigin origin = RuleOrigin::kUser) {
  Rule rule;
  rule.kind = kind;
  rule.value = std::move(value);
  rule.origin = origin;
  return rule;
}

struct MatchCase {
  const char* name;
  ResultRecord result;
  ScanFormat format;
  std::optional<RuleKind> expected;  // kind of the rule that should match; nullopt for none
};

class RuleTest : public ::testing::TestWithParam<MatchCase> {};

TEST_P(RuleTest, MatchesByPrecedence) {
  const MatchCase& c = GetParam();
  const auto match = MatchRule(c.result, c.format, DefaultRules());
  ASSERT_EQ(match.has_value(), c.expected.has_value());
  if (match) {
    EXPECT_EQ(match->kind, *c.expected);
  }
}

const MatchCase kMatchCases[] = {
    {"OwnNessusIdMatches", Result("9564501", "whatever"), ScanFormat::kNessusV2,
     RuleKind::kNessusId},
    {"NessusIdDoesNotMatchGvmResult", Result("9564501", "whatever"), ScanFormat::kGvm,
     std::nullopt},
    {"OwnOidMatchesGvm", Result("1.3.6.1.4.1.32473.564.1", "x"), ScanFormat::kGvm, RuleKind::kOid},
    {"OidDoesNotMatchNessusResult", Result("1.3.6.1.4.1.32473.564.1", "x"), ScanFormat::kNessusV2,
     std::nullopt},
    {"IdRuleWinsOverNameRule", Result("9564501", "Trading Technologies Messaging Detection"),
     ScanFormat::kNessusV2, RuleKind::kNessusId},
    {"NameMatchIsCaseInsensitive", Result("123", "trading TECHNOLOGIES messaging listener"),
     ScanFormat::kNessusV2, RuleKind::kNameContains},
    {"NameRuleWinsOverServiceRule", Result("123", "Trading Technologies Messaging", "ttm_cmd"),
     ScanFormat::kGvm, RuleKind::kNameContains},
    {"ServiceNameMatches", Result("11219", "Nessus SYN scanner", "ttm_cmd"), ScanFormat::kNessusV2,
     RuleKind::kServiceName},
    {"UnsureServiceNameMatches", Result("11219", "Nessus SYN scanner", "TTM_CMD?"),
     ScanFormat::kNessusV2, RuleKind::kServiceName},
    {"PrefixOfServiceNameDoesNotMatch", Result("1", "x", "ttm_cmd_extra"), ScanFormat::kNessusV2,
     std::nullopt},
    {"UnrelatedResultMatchesNothing", Result("10107", "HTTP Server Type and Version", "www"),
     ScanFormat::kNessusV2, std::nullopt},
    {"PartialNeedleDoesNotMatch", Result("1", "Trading Technologies"), ScanFormat::kNessusV2,
     std::nullopt},
};

INSTANTIATE_TEST_SUITE_P(Cases, RuleTest, ::testing::ValuesIn(kMatchCases),
                         testing::CaseName<MatchCase>);

TEST(RuleMatchTest, DisabledRulesMatchNothing) {
  auto rules = DefaultRules();
  for (Rule& rule : rules) rule.enabled = false;
  EXPECT_FALSE(MatchRule(Result("9564501", "Trading Technologies Messaging", "ttm_cmd"),
                         ScanFormat::kNessusV2, rules));
}

TEST(RuleMatchTest, UserIdRuleMatches) {
  auto rules = DefaultRules();
  rules.push_back(MakeRule(RuleKind::kNessusId, "777"));
  const auto match = MatchRule(Result("777", "Some vendor check"), ScanFormat::kNessusV2, rules);
  ASSERT_TRUE(match);
  EXPECT_EQ(match->value, "777");
  EXPECT_EQ(match->origin, RuleOrigin::kUser);
}

TEST(RuleMatchTest, DefaultRulesSeedTheProjectConstants) {
  const auto rules = DefaultRules();
  ASSERT_EQ(rules.size(), 6u);
  EXPECT_EQ(rules[0].value, kOwnNessusPluginId);
  EXPECT_EQ(rules[1].value, kOwnOpenVasOid);
  EXPECT_EQ(rules[2].value, kOwnUnconfirmedNessusPluginId);
  EXPECT_EQ(rules[3].value, kOwnUnconfirmedOpenVasOid);
  EXPECT_EQ(rules[4].value, kDefaultNameNeedle);
  EXPECT_EQ(rules[5].value, kTtmServiceName);
  for (std::size_t i = 0; i < rules.size(); ++i) {
    const bool unconfirmed = i == 2 || i == 3;
    EXPECT_EQ(rules[i].tier, unconfirmed ? DetectionTier::kUnconfirmed : DetectionTier::kConfirmed)
        << rules[i].value;
  }
  for (const Rule& rule : rules) {
    EXPECT_EQ(rule.origin, RuleOrigin::kDefault);
    EXPECT_EQ(rule.scope, RuleScope::kMatch);
    EXPECT_TRUE(rule.enabled);
  }
  EXPECT_EQ(rules[0].plugin_family, kOwnPluginFamily);
}

TEST(RuleLearnTest, NameMatchTeachesThePluginId) {
  const auto rules = DefaultRules();
  const auto result = Result("155555", "Trading Technologies Messaging Service Detection");
  const auto match = MatchRule(result, ScanFormat::kNessusV2, rules);
  ASSERT_TRUE(match);
  const auto learned = RuleToLearn(result, ScanFormat::kNessusV2, *match, rules);
  ASSERT_TRUE(learned);
  EXPECT_EQ(learned->kind, RuleKind::kNessusId);
  EXPECT_EQ(learned->value, "155555");
  EXPECT_EQ(learned->origin, RuleOrigin::kLearned);
  EXPECT_NE(learned->note.find("Trading Technologies Messaging"), std::string::npos);
}

TEST(RuleLearnTest, GvmNameMatchTeachesAnOid) {
  const auto rules = DefaultRules();
  const auto result = Result("1.3.6.1.4.1.25623.1.0.999", "Trading Technologies Messaging");
  const auto match = MatchRule(result, ScanFormat::kGvm, rules);
  ASSERT_TRUE(match);
  const auto learned = RuleToLearn(result, ScanFormat::kGvm, *match, rules);
  ASSERT_TRUE(learned);
  EXPECT_EQ(learned->kind, RuleKind::kOid);
}

// A generic plugin on a ttm_cmd port (the SYN scanner) must never match every open port: its ID
// is learned for coverage only.
TEST(RuleLearnTest, ServiceMatchTeachesACoverageOnlyRule) {
  const auto rules = DefaultRules();
  auto result = Result("11219", "Nessus SYN scanner", "ttm_cmd?");
  result.plugin_family = "Port scanners";
  const auto match = MatchRule(result, ScanFormat::kNessusV2, rules);
  ASSERT_TRUE(match);
  const auto learned = RuleToLearn(result, ScanFormat::kNessusV2, *match, rules);
  ASSERT_TRUE(learned);
  EXPECT_EQ(learned->kind, RuleKind::kNessusId);
  EXPECT_EQ(learned->value, "11219");
  EXPECT_EQ(learned->origin, RuleOrigin::kLearned);
  EXPECT_EQ(learned->scope, RuleScope::kCoverage);
  EXPECT_EQ(learned->plugin_family, "Port scanners");
  EXPECT_EQ(learned->note, "coverage only: \"Nessus SYN scanner\" reported the ttm_cmd? service");
}

TEST(RuleLearnTest, ACoverageRuleMatchesNoResult) {
  auto rules = DefaultRules();
  Rule coverage = MakeRule(RuleKind::kNessusId, "11219", RuleOrigin::kLearned);
  coverage.scope = RuleScope::kCoverage;
  rules.push_back(coverage);
  EXPECT_FALSE(
      MatchRule(Result("11219", "Nessus SYN scanner", "www"), ScanFormat::kNessusV2, rules));
  // On a ttm_cmd port the service rule still matches it, as before it was learned.
  const auto match =
      MatchRule(Result("11219", "Nessus SYN scanner", "ttm_cmd"), ScanFormat::kNessusV2, rules);
  ASSERT_TRUE(match);
  EXPECT_EQ(match->kind, RuleKind::kServiceName);
  EXPECT_FALSE(RuleToLearn(Result("11219", "Nessus SYN scanner", "ttm_cmd"), ScanFormat::kNessusV2,
                           *match, rules));
}

// Learning ends the same in either order: service first then name upgrades to a match rule.
TEST(RuleLearnTest, NameMatchUpgradesACoverageRule) {
  auto rules = DefaultRules();
  Rule coverage = MakeRule(RuleKind::kNessusId, "155555", RuleOrigin::kLearned);
  coverage.scope = RuleScope::kCoverage;
  rules.push_back(coverage);
  const auto result = Result("155555", "Trading Technologies Messaging Listener");
  const auto match = MatchRule(result, ScanFormat::kNessusV2, rules);
  ASSERT_TRUE(match);
  const auto learned = RuleToLearn(result, ScanFormat::kNessusV2, *match, rules);
  ASSERT_TRUE(learned);
  EXPECT_EQ(learned->scope, RuleScope::kMatch);
  // ... but not one the user switched off.
  rules.back().enabled = false;
  EXPECT_FALSE(RuleToLearn(result, ScanFormat::kNessusV2, *match, rules));
}

TEST(RuleLearnTest, ServiceMatchDoesNotDowngradeAMatchRule) {
  auto rules = DefaultRules();
  rules.push_back(MakeRule(RuleKind::kNessusId, "155555", RuleOrigin::kLearned));
  rules.back().enabled = false;  // so that the service rule is what matches
  const auto result = Result("155555", "Listener", "ttm_cmd");
  const auto match = MatchRule(result, ScanFormat::kNessusV2, rules);
  ASSERT_TRUE(match);
  EXPECT_EQ(match->kind, RuleKind::kServiceName);
  EXPECT_FALSE(RuleToLearn(result, ScanFormat::kNessusV2, *match, rules));
}

TEST(RuleLearnTest, KnownIdIsNotLearnedAgainEvenWhenDisabled) {
  auto rules = DefaultRules();
  Rule known = MakeRule(RuleKind::kNessusId, "155555", RuleOrigin::kLearned);
  known.enabled = false;
  rules.push_back(known);
  const auto result = Result("155555", "Trading Technologies Messaging");
  const auto match = MatchRule(result, ScanFormat::kNessusV2, rules);
  ASSERT_TRUE(match);
  EXPECT_EQ(match->kind, RuleKind::kNameContains);
  EXPECT_FALSE(RuleToLearn(result, ScanFormat::kNessusV2, *match, rules));
}

TEST(RuleLearnTest, ResultWithoutPluginIdTeachesNothing) {
  const auto rules = DefaultRules();
  const auto result = Result("", "Trading Technologies Messaging");
  EXPECT_FALSE(RuleToLearn(result, ScanFormat::kNessusV2, rules[4], rules));
}

TEST(RuleLearnTest, LongPluginNameIsAbbreviatedOnACharacterBoundary) {
  const auto rules = DefaultRules();
  std::string name = "Trading Technologies Messaging ";
  for (int i = 0; i < 100; ++i) name += "\xC3\xA9";  // é, two bytes each
  const auto learned = RuleToLearn(Result("42", name), ScanFormat::kNessusV2, rules[4], rules);
  ASSERT_TRUE(learned);
  EXPECT_LT(learned->note.size(), 200u);
  EXPECT_NE(learned->note.find("...\""), std::string::npos);
  EXPECT_EQ(learned->note.find("\xC3\""), std::string::npos);  // no half character
}

TEST(RuleValueTest, UserValuesAreTrimmedOfAsciiWhitespace) {
  EXPECT_EQ(CanonicalRuleValue(RuleKind::kNessusId, " 9564501\n"), "9564501");
  EXPECT_EQ(CanonicalRuleValue(RuleKind::kOid, "\t1.3.6.1.4.1.32473.564.1 "),
            "1.3.6.1.4.1.32473.564.1");
  EXPECT_EQ(CanonicalRuleValue(RuleKind::kNameContains, "  TTM listener "), "TTM listener");
  // Not ASCII whitespace: NO-BREAK SPACE stays, whatever the machine's locale.
  EXPECT_EQ(CanonicalRuleValue(RuleKind::kServiceName, "\xC2\xA0ttm"), "\xC2\xA0ttm");
}

TEST(RuleValueTest, ValuesThatCouldNeverMatchAreUsageErrorsSayingWhy) {
  const struct {
    RuleKind kind;
    std::string value;
    const char* why;
  } cases[] = {
      {RuleKind::kNessusId, "12a", "a Nessus plugin ID is digits"},
      {RuleKind::kNessusId, "", "a Nessus plugin ID is digits"},
      {RuleKind::kNessusId, "1234567890123", "a Nessus plugin ID is digits"},
      {RuleKind::kOid, "1.3..6", "an OID is dotted digits"},
      {RuleKind::kOid, "12", "an OID is dotted digits"},
      {RuleKind::kOid, "1.2.", "an OID is dotted digits"},
      {RuleKind::kNameContains, "   ", "the text is empty"},
      {RuleKind::kNameContains, std::string(501, 'x'), "longer than 500 bytes"},
      {RuleKind::kServiceName, "ttm\ncmd", "contains a control character"},
      {RuleKind::kServiceName, "ttm\x7f", "contains a control character"},
  };
  for (const auto& c : cases) {
    try {
      CanonicalRuleValue(c.kind, c.value);
      ADD_FAILURE() << "accepted " << c.value;
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), Error::Kind::kUsage) << c.value;
      EXPECT_NE(e.message().find(c.why), std::string::npos) << e.message();
      EXPECT_NE(e.message().find(std::string(ToText(c.kind)) + " rule"), std::string::npos)
          << e.message();
    }
  }
}

}  // namespace
}  // namespace ttmtrack::core
