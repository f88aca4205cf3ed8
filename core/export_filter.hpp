#pragma once

#include <optional>

#include "core/knowledge.hpp"
#include "core/result_filter.hpp"

namespace ttmtrack::core {

// What a scan's own c564e5ab results say about its export's filter, per detection tier: results
// of a tier that the filter let through show that it lets that tier's results through.
struct SeenDetections {
  bool any = false;            // the export holds at least one c564e5ab detection of the tier
  std::optional<int> max_qod;  // the highest QoD among them, where the export states one
};
struct ExportedDetections {
  SeenDetections confirmed;
  SeenDetections unconfirmed;
  bool Any() const { return confirmed.any || unconfirmed.any; }
};

// Could the export show a c564e5ab detection at any exposure, were there one? (I13 in
// core/lifecycle.cpp; docs/verification.md, "Export filters".)
//  - kNo when the export is one page of a longer result list (fewer results than
//    result_count/filtered; without that count: first > 1, or as many results as rows > 0), or
//    when its filter could hide the results of a tier that counts as a detection: min_qod above
//    kOwnUnconfirmedPluginQod (the unconfirmed-listener plugin's 30) with no unconfirmed result
//    in the export, min_qod above kOwnPluginQod with no confirmed one, or levels without
//    kOwnPluginLevel with no c564e5ab result at all. The basis names the filter: "the export's
//    filter min_qod=70 hides results below QoD 70; the ttm_cmd plugin reports at QoD 50".
//  - kYes when the export states a filter or paging and none of that applies; the basis says
//    what lets the results through.
//  - kUnknown with an empty basis when `filter` is nullopt (Nessus; a GVM report stating no
//    filter): such an export is taken as complete, and DecideOutcome adds nothing.
// A c564e5ab result in the export settles levels (both plugins report at Medium) and the QoD of
// its own tier only: the filter let it through, and the same plugin would report the same way
// at another exposure (the reasoning of JudgePluginEnabled's step 1), but a confirmed result at
// QoD 50 says nothing about the unconfirmed plugin's QoD 30. It does not settle paging: another
// page may hold the exposure.
// Pure function.
Judgement JudgeExportFilter(const std::optional<ResultFilter>& filter,
                            const ExportedDetections& detections);

}  // namespace ttmtrack::core
