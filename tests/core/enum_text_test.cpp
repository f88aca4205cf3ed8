// The spellings of core/enum_text.hpp are stored in databases and written in JSON: this file pins
// each one, and fails to compile (-Wswitch, an error in CI) when an enumerator is added without
// a spelling here.
#include "core/enum_text.hpp"

#include <gtest/gtest.h>

namespace ttmtrack::core {
namespace {

// The contract, written out once more on purpose: a renamed spelling must fail a test.
std::string_view Expected(ScanFormat value) {
  switch (value) {
    case ScanFormat::kNessusV2: return "nessus-v2";
    case ScanFormat::kGvm: return "gvm";
  }
  return "<none>";
}
std::string_view Expected(HostCompletion value) {
  switch (value) {
    case HostCompletion::kCompleted: return "completed";
    case HostCompletion::kIncomplete: return "incomplete";
    case HostCompletion::kUnknown: return "unknown";
  }
  return "<none>";
}
std::string_view Expected(Knowledge value) {
  switch (value) {
    case Knowledge::kYes: return "yes";
    case Knowledge::kNo: return "no";
    case Knowledge::kUnknown: return "unknown";
  }
  return "<none>";
}
std::string_view Expected(OutcomeKind value) {
  switch (value) {
    case OutcomeKind::kDetected: return "detected";
    case OutcomeKind::kAbsent: return "absent";
    case OutcomeKind::kNotCovered: return "not-covered";
  }
  return "<none>";
}
std::string_view Expected(NotCoveredReason value) {
  switch (value) {
    case NotCoveredReason::kNone: return "";
    case NotCoveredReason::kHostNotInScan: return "host-not-in-scan";
    case NotCoveredReason::kHostScanIncomplete: return "host-scan-incomplete";
    case NotCoveredReason::kHostTimeUnreadable: return "host-time-unreadable";
    case NotCoveredReason::kPluginNotEnabled: return "plugin-not-enabled";
    case NotCoveredReason::kPortOutsideRange: return "port-outside-range";
    case NotCoveredReason::kCoverageUnknown: return "coverage-unknown";
    case NotCoveredReason::kExportFiltered: return "export-filtered";
  }
  return "<none>";
}
std::string_view Expected(ExposureState value) {
  switch (value) {
    case ExposureState::kOpen: return "open";
    case ExposureState::kFixed: return "fixed";
    case ExposureState::kReopened: return "reopened";
  }
  return "<none>";
}
std::string_view Expected(RuleKind value) {
  switch (value) {
    case RuleKind::kNessusId: return "nessus-id";
    case RuleKind::kOid: return "oid";
    case RuleKind::kNameContains: return "name-contains";
    case RuleKind::kServiceName: return "service-name";
  }
  return "<none>";
}
std::string_view Expected(RuleOrigin value) {
  switch (value) {
    case RuleOrigin::kDefault: return "default";
    case RuleOrigin::kUser: return "user";
    case RuleOrigin::kLearned: return "learned";
  }
  return "<none>";
}
std::string_view Expected(RuleScope value) {
  switch (value) {
    case RuleScope::kMatch: return "match";
    case RuleScope::kCoverage: return "coverage";
  }
  return "<none>";
}
std::string_view Expected(ReplyKind value) {
  switch (value) {
    case ReplyKind::kNone: return "none";
    case ReplyKind::kConfirmed: return "confirmed";
    case ReplyKind::kTtmFrame: return "ttm-frame";
    case ReplyKind::kOtherService: return "other-service";
    case ReplyKind::kUnrecognised: return "unrecognised";
  }
  return "<none>";
}
std::string_view Expected(ProbeTier value) {
  switch (value) {
    case ProbeTier::kConfirmed: return "confirmed";
    case ProbeTier::kUnconfirmed: return "unconfirmed";
    case ProbeTier::kNotTtm: return "not-ttm";
  }
  return "<none>";
}
std::string_view Expected(UnknownCoverage value) {
  switch (value) {
    case UnknownCoverage::kAssumeCovered: return "assume";
    case UnknownCoverage::kNotCovered: return "strict";
  }
  return "<none>";
}

std::string_view Expected(DecisionKind value) {
  switch (value) {
    case DecisionKind::kAccept: return "accept";
    case DecisionKind::kFalsePositive: return "false-positive";
    case DecisionKind::kCompensatingControl: return "compensating-control";
    case DecisionKind::kRevoke: return "revoke";
  }
  return "<none>";
}
std::string_view Expected(DecisionStatus value) {
  switch (value) {
    case DecisionStatus::kActive: return "active";
    case DecisionStatus::kLapsed: return "lapsed";
    case DecisionStatus::kClosed: return "closed";
  }
  return "<none>";
}

// Every enumerator has its spelling, round-trips, and the value after the table's last entry is
// no enumerator (so the table misses none).
template <typename Enum>
void ExpectCompleteTable() {
  constexpr std::size_t kCount = EnumTexts<Enum>::kTexts.size();
  for (std::size_t i = 0; i < kCount; ++i) {
    const auto value = static_cast<Enum>(i);
    EXPECT_EQ(ToText(value), Expected(value)) << EnumTexts<Enum>::kName << " " << i;
    EXPECT_EQ(FromText<Enum>(ToText(value)), value) << EnumTexts<Enum>::kName << " " << i;
  }
  EXPECT_EQ(Expected(static_cast<Enum>(kCount)), "<none>")
      << EnumTexts<Enum>::kName << " has an enumerator without a spelling in its table";
}

TEST(EnumTextTest, EveryEnumeratorHasItsContractSpelling) {
  ExpectCompleteTable<ScanFormat>();
  ExpectCompleteTable<HostCompletion>();
  ExpectCompleteTable<Knowledge>();
  ExpectCompleteTable<OutcomeKind>();
  ExpectCompleteTable<NotCoveredReason>();
  ExpectCompleteTable<ExposureState>();
  ExpectCompleteTable<RuleKind>();
  ExpectCompleteTable<RuleOrigin>();
  ExpectCompleteTable<RuleScope>();
  ExpectCompleteTable<UnknownCoverage>();
  ExpectCompleteTable<ReplyKind>();
  ExpectCompleteTable<ProbeTier>();
  ExpectCompleteTable<DecisionKind>();
  ExpectCompleteTable<DecisionStatus>();
}

TEST(EnumTextTest, ParsingIsExactAndCaseSensitive) {
  EXPECT_FALSE(FromText<RuleKind>("nessus"));
  EXPECT_FALSE(FromText<RuleOrigin>(""));
  EXPECT_FALSE(FromText<RuleScope>("Match"));
  EXPECT_FALSE(FromText<ExposureState>(" open"));
  EXPECT_FALSE(FromText<OutcomeKind>("not covered"));
  EXPECT_EQ(FromText<NotCoveredReason>(""), NotCoveredReason::kNone);
}

TEST(EnumTextTest, TextsWorkAtCompileTime) {
  static_assert(ToText(ExposureState::kReopened) == "reopened");
  static_assert(FromText<ScanFormat>("gvm") == ScanFormat::kGvm);
  static_assert(!FromText<ScanFormat>("nessus").has_value());
}

TEST(EnumTextTest, ListsSpellingsInDeclarationOrder) {
  EXPECT_EQ(AllTexts<ExposureState>(), (std::vector<std::string>{"open", "fixed", "reopened"}));
  EXPECT_EQ(JoinedTexts<UnknownCoverage>(), "assume|strict");
  EXPECT_EQ(JoinedTexts<ScanFormat>(", "), "nessus-v2, gvm");
}

}  // namespace
}  // namespace ttmtrack::core
