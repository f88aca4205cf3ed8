#pragma once

#include <string>
#include <vector>

#include "core/knowledge.hpp"
#include "core/rule.hpp"
#include "core/scan_coverage.hpp"
#include "core/scan_info.hpp"

namespace ttmtrack::core {

// Was a plugin that detects c564e5ab enabled in a scan? Judged against every ID rule of the
// scan's format (default, user and learned), in this order:
//  1. the scan reported c564e5ab somewhere (`scan_detected_any`): kYes, "the scan reported
//     c564e5ab on some host";
//  2. the export lists enabled plugins (coverage.enabled_plugin_ids, sorted ascending as
//     strings): kYes if any ID rule's value is in it, else kNo;
//  3. FamilySelection: kNo when kOwnPluginFamily is disabled, kYes when enabled (basis names
//     the family); a mixed family without an individual selection stays unknown;
//  4. otherwise kUnknown ("the export carries no plugin selection"; for GVM: "GVM reports carry
//     no scan configuration").
// `rules` is borrowed; only kNessusId (Nessus) or kOid (GVM) rules are considered in step 2.
Judgement JudgePluginEnabled(const ScanCoverage& coverage, ScanFormat format,
                             const std::vector<Rule>& rules, bool scan_detected_any);

}  // namespace ttmtrack::core
