#include "reports/open_chart.hpp"

#include <algorithm>

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
  const std::vector<bool> labelled = LabelledPoints(days, scale);
  for (std::size_t i = 0; i < days.size(); ++i) {
    const int x = scale.X(days[i].day);
    const int y = scale.Y(days[i].open);
    html.Open("g");
    html.Element("title", days[i].date + ": " + std::to_string(days[i].open) + " open");
    html.Void("circle", {{"class", "pt"}, {"cx", x}, {"cy", y}, {"r", 4}});
    html.Close("g");
    if (labelled[i]) {
      html.Element("text", {{"x", x}, {"y", kBottom + 18}, {"text-anchor", "middle"}},
                   days[i].date);
      html.Element("text", {{"class", "value"}, {"x", x}, {"y", y - 10}, {"text-anchor", "middle"}},
                   std::to_string(days[i].open));
    }
  }
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
