#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/exposure.hpp"
#include "core/result_record.hpp"
#include "core/scan_info.hpp"

namespace ttmtrack::core {

// Which results count as c564e5ab is data, not code (docs/rules.md). The store keeps the
// rules; matching them is pure and lives here so the importer path and recomputation agree.
enum class RuleKind { kNessusId, kOid, kNameContains, kServiceName };
enum class RuleOrigin { kDefault, kUser, kLearned };
// What a rule is used for. kMatch: it matches results (a match is a c564e5ab detection) and its
// plugin counts for plugin enablement. kCoverage: an ID learned from a service-name match; it
// never matches a result, and counts for plugin enablement only where the scan saw the port
// closed (docs/rules.md, "Learned rules").
enum class RuleScope { kMatch, kCoverage };

struct Rule {
  std::int64_t id = 0;
  RuleKind kind = RuleKind::kNessusId;
  std::string value;
  RuleOrigin origin = RuleOrigin::kDefault;
  std::int64_t created_at = 0;
  std::string note;
  // A disabled rule matches nothing and does not count for plugin enablement (the store keeps
  // it so a default rule can be switched off without being lost).
  bool enabled = true;
  // For learned rules: the scan whose result taught it (scans.id in the store).
  std::optional<std::int64_t> learned_from_scan;
  // The family of the plugin an ID rule names, where known: the Nessus pluginFamily of the
  // result that taught a learned rule, kOwnPluginFamily for the default ID rules; empty when
  // unknown (user rules). It lets a .nessus without plugin_set be judged from FamilySelection
  // (core::JudgePluginEnabled).
  std::string plugin_family;
  // kCoverage only for ID rules learned from a service-name match.
  RuleScope scope = RuleScope::kMatch;
  // The tier of the results it matches (core/exposure.hpp).
  DetectionTier tier = DetectionTier::kConfirmed;
};

// The value of a rule of `kind` as a user typed it, checked and without leading and trailing
// ASCII whitespace: digits (at most 12) for kNessusId; dotted digits, at least two parts and at
// most 200 bytes, for kOid; non-empty text of at most 500 bytes without control characters for
// kNameContains and kServiceName. Throws ttmtrack::Error kUsage saying why otherwise: a rule that
// could never match is refused rather than stored.
std::string CanonicalRuleValue(RuleKind kind, std::string_view value);

// The kind of rule that names a plugin of a scan in `format`: kNessusId for Nessus, kOid for GVM.
RuleKind IdRuleKind(ScanFormat format);

// The rules every new database starts with: the project's own plugin IDs (with their family),
// those of the unconfirmed-listener tier (tier kUnconfirmed), the plugin-name needle and the
// service name (core/detection_constants.hpp).
std::vector<Rule> DefaultRules();

// The tier of a detection of `result` that `rule` matched: the rule's, except that a result of
// the unconfirmed-listener plugin (either ID, core/detection_constants.hpp) is unconfirmed
// whichever rule matched it (the name rule matches its name too).
DetectionTier TierOf(const Rule& rule, const ResultRecord& result);

// The first rule that matches `result` of a scan in `format`, in this order of precedence:
// ID rules (kNessusId for Nessus, kOid for GVM), then kNameContains (case-insensitive, ASCII
// folding), then kServiceName (case-insensitive; a trailing '?' of Nessus "unsure" service
// names is ignored); within one kind, the first in `rules` order. Disabled rules and
// coverage-scope rules are skipped. nullopt when none matches. `rules` is borrowed for the call.
std::optional<Rule> MatchRule(const ResultRecord& result, ScanFormat format,
                              const std::vector<Rule>& rules);

// The ID rule to learn from `result`, which `matched` matched, when the result carries a plugin
// ID: kNessusId for Nessus, kOid for GVM, origin kLearned, plugin_family the result's,
// created_at 0 (the store sets it); nullopt otherwise.
//  - a kNameContains match teaches a kMatch rule, unless an ID rule of that value exists;
//    an enabled learned kCoverage rule of that value does not count: the returned kMatch rule
//    replaces it (the store upgrades it in place), so the rules end the same in any import
//    order;
//  - a kServiceName match teaches a kCoverage rule, unless an ID rule of that value exists:
//    every result on a ttm_cmd port carries that service name, including generic ones such as
//    the SYN port scanner, whose ID must never match every open port (docs/rules.md).
// Disabled rules in `rules` are ignored by MatchRule but still count here, so a rule the user
// switched off is not learned again (nor upgraded).
std::optional<Rule> RuleToLearn(const ResultRecord& result, ScanFormat format, const Rule& matched,
                                const std::vector<Rule>& rules);

}  // namespace ttmtrack::core
