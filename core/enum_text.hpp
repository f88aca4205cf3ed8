#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/coverage_policy.hpp"
#include "core/exposure.hpp"
#include "core/firewall_check.hpp"
#include "core/host_record.hpp"
#include "core/knowledge.hpp"
#include "core/outcome.hpp"
#include "core/rule.hpp"
#include "core/scan_info.hpp"
#include "core/triage.hpp"
#include "core/ttm_probe.hpp"
#include "core/vantage_check.hpp"

// The one spelling of each enum value, as duckdb's EnumUtil keeps them: one constexpr table per
// enum, one generic ToText / FromText. The spellings are stored in the database (the schema's
// CHECK constraints list them), written in JSON and CSV (docs/json.md) and typed by users
// (`status --state`, `config set`): renaming one is a schema migration and a contract change.
//
// A module with an enum of its own (cli's OutputFormat, reports' ReportFormat) specialises
// EnumTexts next to its enum and gets the same functions.
namespace ttmtrack::core {

template <typename Enum>
struct EnumText {
  Enum value;
  std::string_view text;
};

// Specialised once per enum: `kName` is what the enum is called in messages ("scan format");
// `kTexts` lists every enumerator in declaration order (ToText indexes it by value) with its
// spelling. tests/core/enum_text_test.cpp fails when an enumerator has no entry.
template <typename Enum>
struct EnumTexts;

// True when `texts` lists the enumerators 0, 1, 2, ... in order: what ToText relies on.
template <typename Enum, std::size_t N>
constexpr bool InDeclarationOrder(const std::array<EnumText<Enum>, N>& texts) {
  for (std::size_t i = 0; i < N; ++i) {
    if (static_cast<std::size_t>(texts[i].value) != i) return false;
  }
  return true;
}

// The spelling of `value`. REQUIRES: `value` is one of Enum's enumerators.
template <typename Enum>
constexpr std::string_view ToText(Enum value) {
  constexpr auto& kTexts = EnumTexts<Enum>::kTexts;
  static_assert(InDeclarationOrder(kTexts), "EnumTexts must list enumerators in order");
  const auto index = static_cast<std::size_t>(value);
  return index < kTexts.size() ? kTexts[index].text : std::string_view();
}

// The enumerator spelled exactly `text` (case-sensitive: stored and documented spellings are
// lower case; callers that accept user input fold case first). nullopt when none is.
template <typename Enum>
constexpr std::optional<Enum> FromText(std::string_view text) {
  for (const EnumText<Enum>& entry : EnumTexts<Enum>::kTexts) {
    if (entry.text == text) return entry.value;
  }
  return std::nullopt;
}

// Every enumerator in declaration order: for table-driven tests and for listing choices.
template <typename Enum>
std::vector<Enum> AllValues() {
  std::vector<Enum> values;
  values.reserve(std::size(EnumTexts<Enum>::kTexts));
  for (const EnumText<Enum>& entry : EnumTexts<Enum>::kTexts) values.push_back(entry.value);
  return values;
}

// Every spelling in declaration order: for CLI11's IsMember and for messages.
template <typename Enum>
std::vector<std::string> AllTexts() {
  std::vector<std::string> texts;
  texts.reserve(EnumTexts<Enum>::kTexts.size());
  for (const EnumText<Enum>& entry : EnumTexts<Enum>::kTexts) texts.emplace_back(entry.text);
  return texts;
}

// "open|fixed|reopened": the allowed spellings as usage messages and `config list` show them.
template <typename Enum>
std::string JoinedTexts(std::string_view separator = "|") {
  std::string joined;
  for (const EnumText<Enum>& entry : EnumTexts<Enum>::kTexts) {
    if (!joined.empty()) joined += separator;
    joined += entry.text;
  }
  return joined;
}

// The tables. Each entry's position is its enumerator's value.

template <>
struct EnumTexts<ScanFormat> {
  static constexpr std::string_view kName = "scan format";
  static constexpr std::array<EnumText<ScanFormat>, 2> kTexts{{
      {ScanFormat::kNessusV2, "nessus-v2"},
      {ScanFormat::kGvm, "gvm"},
  }};
};

template <>
struct EnumTexts<HostCompletion> {
  static constexpr std::string_view kName = "host completion";
  static constexpr std::array<EnumText<HostCompletion>, 3> kTexts{{
      {HostCompletion::kCompleted, "completed"},
      {HostCompletion::kIncomplete, "incomplete"},
      {HostCompletion::kUnknown, "unknown"},
  }};
};

template <>
struct EnumTexts<Knowledge> {
  static constexpr std::string_view kName = "judgement";
  static constexpr std::array<EnumText<Knowledge>, 3> kTexts{{
      {Knowledge::kYes, "yes"},
      {Knowledge::kNo, "no"},
      {Knowledge::kUnknown, "unknown"},
  }};
};

template <>
struct EnumTexts<OutcomeKind> {
  static constexpr std::string_view kName = "outcome";
  static constexpr std::array<EnumText<OutcomeKind>, 3> kTexts{{
      {OutcomeKind::kDetected, "detected"},
      {OutcomeKind::kAbsent, "absent"},
      {OutcomeKind::kNotCovered, "not-covered"},
  }};
};

// kNone is the empty text: detected and absent outcomes store no reason.
template <>
struct EnumTexts<NotCoveredReason> {
  static constexpr std::string_view kName = "not-covered reason";
  static constexpr std::array<EnumText<NotCoveredReason>, 8> kTexts{{
      {NotCoveredReason::kNone, ""},
      {NotCoveredReason::kHostNotInScan, "host-not-in-scan"},
      {NotCoveredReason::kHostScanIncomplete, "host-scan-incomplete"},
      {NotCoveredReason::kHostTimeUnreadable, "host-time-unreadable"},
      {NotCoveredReason::kPluginNotEnabled, "plugin-not-enabled"},
      {NotCoveredReason::kPortOutsideRange, "port-outside-range"},
      {NotCoveredReason::kCoverageUnknown, "coverage-unknown"},
      {NotCoveredReason::kExportFiltered, "export-filtered"},
  }};
};

template <>
struct EnumTexts<ExposureState> {
  static constexpr std::string_view kName = "exposure state";
  static constexpr std::array<EnumText<ExposureState>, 3> kTexts{{
      {ExposureState::kOpen, "open"},
      {ExposureState::kFixed, "fixed"},
      {ExposureState::kReopened, "reopened"},
  }};
};

// docs/verification.md, "Detection tiers".
template <>
struct EnumTexts<DetectionTier> {
  static constexpr std::string_view kName = "detection tier";
  static constexpr std::array<EnumText<DetectionTier>, 2> kTexts{{
      {DetectionTier::kConfirmed, "confirmed"},
      {DetectionTier::kUnconfirmed, "unconfirmed"},
  }};
};

template <>
struct EnumTexts<RuleKind> {
  static constexpr std::string_view kName = "rule kind";
  static constexpr std::array<EnumText<RuleKind>, 4> kTexts{{
      {RuleKind::kNessusId, "nessus-id"},
      {RuleKind::kOid, "oid"},
      {RuleKind::kNameContains, "name-contains"},
      {RuleKind::kServiceName, "service-name"},
  }};
};

template <>
struct EnumTexts<RuleOrigin> {
  static constexpr std::string_view kName = "rule origin";
  static constexpr std::array<EnumText<RuleOrigin>, 3> kTexts{{
      {RuleOrigin::kDefault, "default"},
      {RuleOrigin::kUser, "user"},
      {RuleOrigin::kLearned, "learned"},
  }};
};

template <>
struct EnumTexts<RuleScope> {
  static constexpr std::string_view kName = "rule scope";
  static constexpr std::array<EnumText<RuleScope>, 2> kTexts{{
      {RuleScope::kMatch, "match"},
      {RuleScope::kCoverage, "coverage"},
  }};
};

// The values of the coverage.*-unknown settings (core/setting_catalogue.hpp).
template <>
struct EnumTexts<UnknownCoverage> {
  static constexpr std::string_view kName = "coverage assumption";
  static constexpr std::array<EnumText<UnknownCoverage>, 2> kTexts{{
      {UnknownCoverage::kAssumeCovered, "assume"},
      {UnknownCoverage::kNotCovered, "strict"},
  }};
};

// How a reply to the TTM probe reads (core/ttm_probe.hpp). The generated NASL blocks carry these
// spellings: NASL's ttm_classify() returns them (kOtherService: the service's name instead).
template <>
struct EnumTexts<ReplyKind> {
  static constexpr std::string_view kName = "reply kind";
  static constexpr std::array<EnumText<ReplyKind>, 5> kTexts{{
      {ReplyKind::kNone, "none"},
      {ReplyKind::kConfirmed, "confirmed"},
      {ReplyKind::kTtmFrame, "ttm-frame"},
      {ReplyKind::kOtherService, "other-service"},
      {ReplyKind::kUnrecognised, "unrecognised"},
  }};
};

template <>
struct EnumTexts<ProbeTier> {
  static constexpr std::string_view kName = "probe tier";
  static constexpr std::array<EnumText<ProbeTier>, 3> kTexts{{
      {ProbeTier::kConfirmed, "confirmed"},
      {ProbeTier::kUnconfirmed, "unconfirmed"},
      {ProbeTier::kNotTtm, "not-ttm"},
  }};
};

// What a vantage-point check found (core/vantage_check.hpp, `ttmtrack verify`).
template <>
struct EnumTexts<VantageOutcome> {
  static constexpr std::string_view kName = "vantage-check outcome";
  static constexpr std::array<EnumText<VantageOutcome>, 5> kTexts{{
      {VantageOutcome::kReachableConfirmed, "reachable-confirmed"},
      {VantageOutcome::kReachableUnconfirmed, "reachable-unconfirmed"},
      {VantageOutcome::kRefused, "refused"},
      {VantageOutcome::kFiltered, "filtered"},
      {VantageOutcome::kOtherService, "other-service"},
  }};
};

// What a host's firewall ruleset says about an exposure (core/firewall_check.hpp).
template <>
struct EnumTexts<FirewallVerdict> {
  static constexpr std::string_view kName = "firewall verdict";
  static constexpr std::array<EnumText<FirewallVerdict>, 3> kTexts{{
      {FirewallVerdict::kBlocked, "blocked"},
      {FirewallVerdict::kAllowed, "allowed"},
      {FirewallVerdict::kUnknown, "unknown"},
  }};
};

// Triage decisions (core/triage.hpp, docs/triage.md): the kinds `ttmtrack triage` records and
// how one stands for an exposure.
template <>
struct EnumTexts<DecisionKind> {
  static constexpr std::string_view kName = "decision";
  static constexpr std::array<EnumText<DecisionKind>, 4> kTexts{{
      {DecisionKind::kAccept, "accept"},
      {DecisionKind::kFalsePositive, "false-positive"},
      {DecisionKind::kCompensatingControl, "compensating-control"},
      {DecisionKind::kRevoke, "revoke"},
  }};
};

template <>
struct EnumTexts<DecisionStatus> {
  static constexpr std::string_view kName = "decision status";
  static constexpr std::array<EnumText<DecisionStatus>, 3> kTexts{{
      {DecisionStatus::kActive, "active"},
      {DecisionStatus::kLapsed, "lapsed"},
      {DecisionStatus::kClosed, "closed"},
  }};
};

}  // namespace ttmtrack::core
