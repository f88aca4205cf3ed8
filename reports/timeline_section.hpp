#pragma once

#include "core/host_report.hpp"
#include "reports/html_writer.hpp"

namespace ttmtrack::reports {

// A host page's "Timeline" of one exposure (docs/reports.md, "Size of a host page"): one row per
// run of identical outcomes (CollapseTimeline) with its count, first and last scan; every change
// of state on a row of its own, marked (class "change"); and, when rows were collapsed, every
// scan one row each folded in a <details> element, readable without script.
void TimelineSection(HtmlWriter& html, const core::ExposureReport& report);

}  // namespace ttmtrack::reports
