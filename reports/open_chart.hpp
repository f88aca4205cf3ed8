#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/host_report.hpp"
#include "reports/html_writer.hpp"

namespace ttmtrack::reports {

// One point of the "open exposures over time" chart: a scan date (UTC) and the number of open
// and reopened exposures after the last scan of that day.
struct DailyOpenCount {
  std::int64_t day = 0;  // days since 1970-01-01
  std::string date;      // "2026-03-10"
  int open = 0;
};

// One point per scan date, oldest first. Points without a known scan time are left out (they
// cannot be placed on a time axis); several scans on one day give that day's last value.
std::vector<DailyOpenCount> DailyOpenCounts(const std::vector<core::OpenCountPoint>& points);

// An inline SVG line chart drawn here (no library, no script): x is time, proportional to the
// days between scans; y is the count, with integer gridlines from 0. Up to 32 points each has a
// marker and dates label the points that have room; more points (a year of nightly scans) get
// month ticks, a marker only where the value changes (and at both ends) and one value label, the
// latest. Zero points draw the empty axes with a message, one point a single dot in the middle.
// Every label goes through HtmlWriter, like any other text.
void RenderOpenChart(HtmlWriter& html, const std::vector<DailyOpenCount>& days);

}  // namespace ttmtrack::reports
