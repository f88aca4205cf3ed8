#pragma once

#include <string>
#include <vector>

#include "core/knowledge.hpp"
#include "core/rule.hpp"
#include "core/scan_coverage.hpp"
#include "core/scan_info.hpp"

namespace ttmtrack::core {

// JudgePluginEnabled's answer. coverage_only: kYes rests only on coverage-scope rules
// (RuleScope::kCoverage): a plugin that once reported the ttm_cmd service without detecting it
// (a port scanner) was enabled. That proves absence only where the scan saw the exposure's port
// closed; DecideOutcome checks it (I12).
struct PluginJudgement : Judgement {
  bool coverage_only = false;
};

// Was a plugin that detects c564e5ab enabled in a scan? Judged against every enabled ID rule of
// the scan's format (default, user and learned), in this order:
//  1. the scan reported c564e5ab somewhere (`scan_detected_any`): kYes, "the ttm_cmd plugin was
//     enabled: this scan reported c564e5ab on at least one host";
//  2. the export has a complete list of enabled plugins (coverage.enabled_plugin_ids, Nessus
//     plugin_set): kYes if any ID rule's value is in it, else kNo. It decides alone;
//  3. otherwise, when the export has a plugin selection (FamilySelection and/or
//     IndividualPluginSelection), each ID rule's plugin is judged by its family (the rule's
//     plugin_family, else the family its individual selection item names): a family enabled
//     or disabled as a whole decides; within a mixed family the individual selection decides
//     (an item's status; not listed: not enabled; no individual selection: kUnknown). A plugin
//     whose family is not known, or not in the FamilySelection, and which no individual item
//     names, is kUnknown — never kNo. kYes if any rule's plugin is enabled, else kUnknown if
//     any is unknown, else kNo;
//  4. otherwise kUnknown ("the export carries no plugin selection"; for GVM: "GVM reports carry
//     no scan configuration").
// In steps 2 and 3 match-scope rules are tried before coverage-scope ones; kYes through a
// coverage-scope rule only sets coverage_only and says so in the basis. In step 3 a
// coverage-scope rule counts only when its plugin was enabled: its unknown or "no" does not
// enter the answer.
// Family names compare ignoring ASCII case. `rules` is borrowed; only kNessusId (Nessus) or
// kOid (GVM) rules are considered. Pure function.
PluginJudgement JudgePluginEnabled(const ScanCoverage& coverage, ScanFormat format,
                                   const std::vector<Rule>& rules, bool scan_detected_any);

}  // namespace ttmtrack::core
