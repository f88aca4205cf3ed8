#include "reports/open_chart.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/reports/page_outline.hpp"

namespace ttmtrack::reports {
namespace {

using testing::Count;

using ::testing::HasSubstr;
using ::testing::Not;

constexpr std::int64_t kDay = 86400;
constexpr std::int64_t k20260105 = 1767571200;  // midnight UTC

std::string Chart(const std::vector<core::OpenCountPoint>& points) {
  HtmlWriter html;
  RenderOpenChart(html, DailyOpenCounts(points));
  std::string svg = html.Release();
  EXPECT_TRUE(testing::OutlinePage(svg).errors.empty()) << svg;
  return svg;
}

TEST(OpenChartTest, ZeroPointsDrawsAxesAndSaysSo) {
  const std::string svg = Chart({});
  EXPECT_THAT(svg, HasSubstr("No scan with a known date has been imported yet."));
  EXPECT_THAT(svg, HasSubstr("class=\"axis\""));
  EXPECT_EQ(Count(svg, "<circle"), 0u);
}

TEST(OpenChartTest, OnePointIsADotInTheMiddleWithItsDate) {
  const std::string svg = Chart({{k20260105 + 3600, 3}});
  EXPECT_EQ(Count(svg, "<circle"), 1u);
  EXPECT_THAT(svg, HasSubstr("cx=\"446\""));  // (56 + 836) / 2
  EXPECT_THAT(svg, Not(HasSubstr("<polyline")));
  EXPECT_THAT(svg, HasSubstr(">2026-01-05</text>"));
  EXPECT_THAT(svg, HasSubstr("<title>2026-01-05: 3 open</title>"));
}

TEST(OpenChartTest, ManyPointsDrawALineWithOnePointPerDate) {
  std::vector<core::OpenCountPoint> points;
  points.reserve(30);
  for (int i = 0; i < 30; ++i) points.push_back({k20260105 + kDay * 7 * i, i % 9});
  const std::string svg = Chart(points);
  EXPECT_EQ(Count(svg, "<circle"), 30u);
  EXPECT_EQ(Count(svg, "<polyline"), 1u);
  // Dates are labelled without overlapping: far fewer labels than points, first and last kept.
  const std::size_t labels = Count(svg, "text-anchor=\"middle\">20");
  EXPECT_GE(labels, 3u);
  EXPECT_LE(labels, 9u);
  EXPECT_THAT(svg, HasSubstr(">2026-01-05</text>"));
  EXPECT_THAT(svg, HasSubstr(">2026-07-27</text>"));
}

TEST(OpenChartTest, ScansOnOneDayGiveOnePointWithTheDaysLastValue) {
  const auto days = DailyOpenCounts(
      {{k20260105 + 100, 5}, {k20260105 + 50000, 2}, {k20260105 + kDay, 4}, {0, 99}});
  ASSERT_EQ(days.size(), 2u);
  EXPECT_EQ(days[0].date, "2026-01-05");
  EXPECT_EQ(days[0].open, 2);
  EXPECT_EQ(days[1].open, 4);
}

TEST(OpenChartTest, GridlinesAreWholeNumbersFromZero) {
  const std::string svg = Chart({{k20260105, 7}, {k20260105 + kDay, 1}});
  for (const char* tick : {">0</text>", ">2</text>", ">4</text>", ">6</text>", ">8</text>"}) {
    EXPECT_THAT(svg, HasSubstr(tick));
  }
  EXPECT_THAT(svg, Not(HasSubstr(">10</text>")));
}

TEST(OpenChartTest, AllZeroCountsStillDrawASensibleScale) {
  const std::string svg = Chart({{k20260105, 0}, {k20260105 + kDay, 0}});
  EXPECT_THAT(svg, HasSubstr(">1</text>"));
  EXPECT_EQ(Count(svg, "<circle"), 2u);
}

// Issue 16: a year of nightly scans stays legible: month ticks instead of dates, a marker only
// where the value changes (and at both ends), one value label (the latest).
TEST(OpenChartTest, AYearOfNightlyPointsHasMonthTicksAndMarkersOnlyWhereTheValueChanges) {
  constexpr std::int64_t k20260101 = 1767225600;
  std::vector<core::OpenCountPoint> points;
  points.reserve(365);
  for (int i = 0; i < 365; ++i) {
    points.push_back({k20260101 + i * kDay + 7200, i < 100 ? 5 : i < 200 ? 2 : 3});
  }
  const std::string svg = Chart(points);
  EXPECT_EQ(Count(svg, "<circle"), 4u);  // nights 0, 100, 200 and 364
  for (const char* title :
       {"<title>2026-01-01: 5 open</title>", "<title>2026-04-11: 2 open</title>",
        "<title>2026-07-20: 3 open</title>", "<title>2026-12-31: 3 open</title>"}) {
    EXPECT_THAT(svg, HasSubstr(title));
  }
  EXPECT_EQ(Count(svg, "<polyline"), 1u);
  EXPECT_EQ(Count(svg, "text-anchor=\"middle\">20"), 0u) << "no per-point date labels";
  for (const char* month : {">Jan 2026</text>", ">May 2026</text>", ">Nov 2026</text>"}) {
    EXPECT_THAT(svg, HasSubstr(month));
  }
  EXPECT_THAT(svg, Not(HasSubstr(">Feb 2026</text>"))) << "every other month: labels never collide";
  EXPECT_EQ(Count(svg, "class=\"value\""), 1u);
  EXPECT_THAT(svg, HasSubstr("text-anchor=\"middle\">3</text>"));
}

}  // namespace
}  // namespace ttmtrack::reports
