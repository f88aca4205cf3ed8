#include "reports/open_chart.hpp"

#include <algorithm>
#include <cstdio>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/civil_time.hpp"
#include "reports/display_time.hpp"

namespace ttmtrack::reports {
namespace {

// Geometry of the viewBox, in SVG user units.
constexpr int kWidth = 860;
constexpr int kHeight = 260;
constexpr int kLeft = 56;
constexpr int kRight = 836;
constexpr int kTop = 18;
constexpr int kBottom = 214;
constexpr int kMinLabelGap = 96;  // a date label is about 70 units wide
constexpr int kMinMonthGap = 84;  // a month label ("Mar 2026") is about 60 units wide
// Up to this many points each gets a marker and dates are labelled per point; beyond it (a year
// of nightly scans) the axis has month ticks and markers sit only where the value changes.
constexpr std::size_t kMaxPointsMarkedEach = 32;
constexpr const char* kMonthNames[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

// The smallest step of 1, 2, 5, 10, 20, 50... that draws at most five gridlines above 0.
int GridStep(int max_value) {
  for (int magnitude = 1;; magnitude *= 10) {
    for (const int factor : {1, 2, 5}) {
      const int step = factor * magnitude;
      if ((max_value + step - 1) / step <= 5) return step;
    }
  }
}

struct Scale {
  std::int64_t first_day = 0;
  std::int64_t last_day = 0;
  int y_max = 1;
  int X(std::int64_t day) const {
    if (first_day == last_day) return (kLeft + kRight) / 2;
    return kLeft +
           static_cast<int>((day - first_day) * (kRight - kLeft - 24) / (last_day - first_day)) +
           12;
  }
  int Y(int value) const { return kBottom - value * (kBottom - kTop) / y_max; }
};

void DrawGrid(HtmlWriter& html, const Scale& scale, int step) {
  html.Open("g");
  for (int value = 0; value <= scale.y_max; value += step) {
    const int y = scale.Y(value);
    html.Void("line", {{"class", value == 0 ? "axis" : "grid"},
                       {"x1", kLeft},
                       {"y1", y},
                       {"x2", kRight},
                       {"y2", y}});
    html.Element("text", {{"x", kLeft - 8}, {"y", y + 4}, {"text-anchor", "end"}},
                 std::to_string(value));
  }
  html.Void("line",
            {{"class", "axis"}, {"x1", kLeft}, {"y1", kTop}, {"x2", kLeft}, {"y2", kBottom}});
  html.Element("text",
               {{"x", 14},
                {"y", (kTop + kBottom) / 2},
                {"transform", "rotate(-90 14 " + std::to_string((kTop + kBottom) / 2) + ")"},
                {"text-anchor", "middle"}},
               "open exposures");
  html.Element("text", {{"x", (kLeft + kRight) / 2}, {"y", kHeight - 6}, {"text-anchor", "middle"}},
               "scan date (UTC)");
  html.Close("g");
}

// Which points get a date label: the last always, others when they leave room on both sides.
std::vector<bool> LabelledPoints(const std::vector<DailyOpenCount>& days, const Scale& scale) {
  std::vector<bool> labelled(days.size(), false);
  if (days.empty()) return labelled;
  const int last_x = scale.X(days.back().day);
  int previous_x = -kMinLabelGap;
  for (std::size_t i = 0; i + 1 < days.size(); ++i) {
    const int x = scale.X(days[i].day);
    if (x - previous_x >= kMinLabelGap && last_x - x >= kMinLabelGap) {
      labelled[i] = true;
      previous_x = x;
    }
  }
  labelled.back() = true;
  return labelled;
}

// The first day of each month from `first_day`'s month on, as days since the epoch; through
// core's calendar functions, so this file does no calendar arithmetic of its own.
std::vector<std::pair<std::int64_t, std::string>> MonthStarts(std::int64_t first_day,
                                                              std::int64_t last_day) {
  std::vector<std::pair<std::int64_t, std::string>> months;
  const std::optional<core::CivilTime> first = core::ToCivilTime(first_day * 86400);
  if (!first) return months;
  int year = first->year;
  unsigned month = first->month;
  for (;;) {
    char iso[32];
    std::snprintf(iso, sizeof iso, "%04d-%02u-01T00:00:00Z", year, month);
    const core::Parsed<std::int64_t> start = core::ParseIso8601(iso);
    if (!start || start.value() / 86400 > last_day) break;
    months.emplace_back(start.value() / 86400,
                        std::string(kMonthNames[month - 1]) + " " + std::to_string(year));
    if (++month > 12) {
      month = 1;
      ++year;
    }
  }
  return months;
}

// Month ticks along the x axis, every 1, 2, 3, 6 or 12 months so the labels never collide.
void DrawMonthTicks(HtmlWriter& html, const Scale& scale) {
  std::vector<std::pair<std::int64_t, std::string>> months =
      MonthStarts(scale.first_day, scale.last_day);
  // Labels go on the months that start inside the plotted range.
  std::erase_if(months, [&](const auto& m) { return m.first < scale.first_day; });
  const int per_month =
      months.size() > 1 ? scale.X(months[1].first) - scale.X(months[0].first) : kMinMonthGap;
  int step = 12;
  for (const int candidate : {1, 2, 3, 6, 12}) {
    if (per_month * candidate >= kMinMonthGap) {
      step = candidate;
      break;
    }
  }
  html.Open("g", {{"class", "months"}});
  for (std::size_t i = 0; i < months.size(); i += static_cast<std::size_t>(step)) {
    const int x = scale.X(months[i].first);
    html.Void("line",
              {{"class", "axis"}, {"x1", x}, {"y1", kBottom}, {"x2", x}, {"y2", kBottom + 5}});
    html.Element("text", {{"x", x}, {"y", kBottom + 18}, {"text-anchor", "middle"}},
                 months[i].second);
  }
  html.Close("g");
}

void DrawSeries(HtmlWriter& html, const std::vector<DailyOpenCount>& days, const Scale& scale) {
  std::string points;
  for (const DailyOpenCount& point : days) {
    points += std::to_string(scale.X(point.day)) + "," + std::to_string(scale.Y(point.open)) + " ";
  }
  if (days.size() > 1) {
    const std::string area =
        std::to_string(scale.X(days.front().day)) + "," + std::to_string(kBottom) + " " + points +
        std::to_string(scale.X(days.back().day)) + "," + std::to_string(kBottom);
    html.Void("polygon", {{"class", "area"}, {"points", area}});
    html.Void("polyline", {{"class", "line"}, {"points", points}});
  }
  const bool each = days.size() <= kMaxPointsMarkedEach;
  const std::vector<bool> labelled = each ? LabelledPoints(days, scale) : std::vector<bool>{};
  for (std::size_t i = 0; i < days.size(); ++i) {
    const bool changed = i == 0 || i + 1 == days.size() || days[i].open != days[i - 1].open;
    if (!each && !changed) continue;
    const int x = scale.X(days[i].day);
    const int y = scale.Y(days[i].open);
    html.Open("g");
    html.Element("title", days[i].date + ": " + std::to_string(days[i].open) + " open");
    html.Void("circle", {{"class", "pt"}, {"cx", x}, {"cy", y}, {"r", 4}});
    html.Close("g");
    if (each && labelled[i]) {
      html.Element("text", {{"x", x}, {"y", kBottom + 18}, {"text-anchor", "middle"}},
                   days[i].date);
    }
    if ((each && labelled[i]) || (!each && i + 1 == days.size())) {
      html.Element("text", {{"class", "value"}, {"x", x}, {"y", y - 10}, {"text-anchor", "middle"}},
                   std::to_string(days[i].open));
    }
  }
  if (!each) DrawMonthTicks(html, scale);
}

}  // namespace

std::vector<DailyOpenCount> DailyOpenCounts(const std::vector<core::OpenCountPoint>& points) {
  std::vector<core::OpenCountPoint> known;
  for (const core::OpenCountPoint& point : points) {
    if (IsKnownTime(point.scan_time)) known.push_back(point);
  }
  std::stable_sort(known.begin(), known.end(),
                   [](const auto& a, const auto& b) { return a.scan_time < b.scan_time; });
  std::vector<DailyOpenCount> days;
  for (const core::OpenCountPoint& point : known) {
    const std::int64_t day = point.scan_time / 86400;
    if (!days.empty() && days.back().day == day) {
      days.back().open = std::max(0, point.open);
    } else {
      days.push_back({day, DisplayDate(point.scan_time), std::max(0, point.open)});
    }
  }
  return days;
}

void RenderOpenChart(HtmlWriter& html, const std::vector<DailyOpenCount>& days) {
  Scale scale;
  int max_open = 0;
  for (const DailyOpenCount& point : days) max_open = std::max(max_open, point.open);
  const int step = GridStep(std::max(max_open, 1));
  scale.y_max = std::max(1, (std::max(max_open, 1) + step - 1) / step * step);
  if (!days.empty()) {
    scale.first_day = days.front().day;
    scale.last_day = days.back().day;
  }
  html.Open("svg", {{"class", "chart"},
                    {"viewBox", "0 0 " + std::to_string(kWidth) + " " + std::to_string(kHeight)},
                    {"role", "img"},
                    {"aria-labelledby", "chart-title"}});
  html.Element("title", {{"id", "chart-title"}}, "Open exposures per scan date");
  DrawGrid(html, scale, step);
  if (days.empty()) {
    html.Element("text",
                 {{"class", "empty"},
                  {"x", (kLeft + kRight) / 2},
                  {"y", (kTop + kBottom) / 2},
                  {"text-anchor", "middle"}},
                 "No scan with a known date has been imported yet.");
  } else {
    DrawSeries(html, days, scale);
  }
  html.Close("svg");
}

}  // namespace ttmtrack::reports
