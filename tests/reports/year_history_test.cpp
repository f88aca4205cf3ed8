// Issue 16: a year of nightly scans of one host, generated, imported and reported by the real
// programs (year_history.hpp). The host page reads in one screen: state changes on rows of their
// own, the rest collapsed, and every scan still reachable in the folded lists and the JSON.

#include "tests/reports/year_history.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/reports/page_outline.hpp"
#include "tests/support/temp_dir.hpp"

namespace ttmtrack::reports {
namespace {

using testing::Count;

using ::testing::HasSubstr;

// The text from the first `begin` at or after `from` to the next `end` after it.
std::string_view Slice(std::string_view text, std::string_view begin, std::string_view end,
                       std::size_t from = 0) {
  const std::size_t start = text.find(begin, from);
  if (start == std::string_view::npos) return {};
  const std::size_t stop = text.find(end, start);
  return text.substr(
      start, stop == std::string_view::npos ? std::string_view::npos : stop + end.size() - start);
}

class YearHistoryTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    shared_work = new test::TempDir();
    shared_history = testing::MakeYearHistory(shared_work->path());
  }
  static void TearDownTestSuite() {
    delete shared_work;
    shared_work = nullptr;
  }
  static std::string HostPage() {
    return test::ReadFileBytes(shared_history.html / "hosts" /
                               (std::string(testing::kYearHost) + ".html"));
  }

  static test::TempDir* shared_work;
  static testing::YearHistory shared_history;
};

test::TempDir* YearHistoryTest::shared_work = nullptr;
testing::YearHistory YearHistoryTest::shared_history;

TEST_F(YearHistoryTest, TimelineShowsEachStateChangeOnItsOwnRowAndCollapsesTheRest) {
  const std::string page = HostPage();
  const std::string_view timeline = Slice(page, "<table class=\"timeline\">", "</table>");
  ASSERT_FALSE(timeline.empty());
  EXPECT_EQ(Count(timeline, "<tr class="), std::size_t{testing::kYearTimelineRows});
  EXPECT_EQ(Count(timeline, "<tr class=\"change\">"), 3u);
  EXPECT_EQ(Count(timeline, "<tr class=\"run\">"), 4u);
  EXPECT_EQ(Count(timeline, "<tr class=\"scan\">"), 1u);  // night 150, not covered
  for (const char* fact :
       {"<td class=\"nowrap\">2025-01-01 02:00 UTC</td>", "first detection",
        "<strong>99 scans</strong><br>2025-01-02 02:00 UTC \u2192 2025-04-10 02:00 UTC",
        "<td class=\"nowrap\">2025-04-11 02:00 UTC</td>", "verified fix",
        "<strong>49 scans</strong><br>2025-04-12 02:00 UTC \u2192 2025-05-30 02:00 UTC",
        "the host&#39;s scan did not complete",
        "<strong>49 scans</strong><br>2025-06-01 02:00 UTC \u2192 2025-07-19 02:00 UTC",
        "<td class=\"nowrap\">2025-07-20 02:00 UTC</td>", "reopened",
        "<strong>164 scans</strong><br>2025-07-21 02:00 UTC \u2192 2025-12-31 02:00 UTC"}) {
    EXPECT_THAT(timeline, HasSubstr(fact));
  }
  EXPECT_EQ(Count(timeline, "the host&#39;s scan did not complete"), 1u);  // said once (issue 15)
}

TEST_F(YearHistoryTest, ProofNamesTheFixAndTheReopeningNotTheLatestScans) {
  EXPECT_THAT(HostPage(),
              HasSubstr("Reopened: verified fixed by scan \u201Cnightly-trading\u201D (Nessus, "
                        "night-100.nessus) on 2025-04-11 02:00 UTC, then detected again by scan "
                        "\u201Cnightly-trading\u201D (Nessus, night-200.nessus) on 2025-07-20 "
                        "02:00 UTC. Latest detection: scan \u201Cnightly-trading\u201D (Nessus, "
                        "night-364.nessus) on 2025-12-31 02:00 UTC."));
}

TEST_F(YearHistoryTest, EvidenceShowsTheFirstTheReopeningAndTheLatestDetection) {
  const std::string page = HostPage();
  const std::size_t folded = page.find("<summary>Every detection, with its plugin output (265)");
  ASSERT_NE(folded, std::string::npos);
  const std::string_view shown = std::string_view(page).substr(0, folded);
  EXPECT_EQ(Count(shown, "<h4>"), 3u);
  for (const char* when :
       {"2025-01-01 02:00 UTC</h4>", "2025-07-20 02:00 UTC</h4>", "2025-12-31 02:00 UTC</h4>"}) {
    EXPECT_THAT(shown, HasSubstr(when));
  }
  EXPECT_EQ(Count(Slice(page, "<summary>Every detection", "</details>"), "<h4>"), 265u);
}

TEST_F(YearHistoryTest, EveryScanStaysInTheFoldedListsWithoutScript) {
  const std::string page = HostPage();
  EXPECT_EQ(Count(page, "<script"), 0u);
  const std::size_t timeline_at = page.find("<table class=\"timeline\">");
  const std::string_view every_outcome =
      Slice(page, "<details class=\"every-scan\">", "</details>", timeline_at);
  EXPECT_THAT(every_outcome, HasSubstr("<summary>Every scan, one row each (365)</summary>"));
  EXPECT_EQ(Count(every_outcome, "<tr><td"), std::size_t{testing::kYearNights});
  // "Scans it appeared in": one summary row for the one scan name, the 365 scans folded.
  EXPECT_THAT(page, HasSubstr("Scans it appeared in (365)"));
  const std::string_view identity = Slice(page, "<section id=\"identity\">", "</section>");
  EXPECT_THAT(identity, HasSubstr("<td class=\"num\">365</td>"));
  const std::string_view every_scan =
      Slice(identity, "<details class=\"every-scan\">", "</details>");
  EXPECT_EQ(Count(every_scan, "<tr><td"), std::size_t{testing::kYearNights});
  EXPECT_EQ(Count(every_scan, "<td class=\"hash\" title=\""), std::size_t{testing::kYearNights});
}

TEST_F(YearHistoryTest, JsonKeepsEveryScanAndNamesTheRuns) {
  const auto host = nlohmann::json::parse(test::ReadFileBytes(
      shared_history.json / "hosts" / (std::string(testing::kYearHost) + ".json")));
  ASSERT_EQ(host["exposures"].size(), 1u);
  const auto& exposure = host["exposures"][0];
  EXPECT_EQ(exposure["state"], "reopened");
  EXPECT_EQ(host["host"]["scans"].size(), std::size_t{testing::kYearNights});
  EXPECT_EQ(exposure["timeline"].size(), std::size_t{testing::kYearNights});
  const auto& runs = exposure["timeline_runs"];
  ASSERT_EQ(runs.size(), std::size_t{testing::kYearTimelineRows});
  std::vector<std::string> changes;
  std::size_t covered = 0;
  for (const auto& run : runs) {
    if (!run["state_change"].is_null()) {
      changes.push_back(
          run["state_change"].get<std::string>() + "@" +
          exposure["timeline"][run["first_index"].get<std::size_t>()]["scan"]["scan_time"]
              .get<std::string>());
    }
    EXPECT_EQ(run["first_index"].get<std::size_t>(), covered);
    covered += run["scans"].get<std::size_t>();
  }
  EXPECT_EQ(covered, std::size_t{testing::kYearNights});
  EXPECT_EQ(changes, (std::vector<std::string>{"first-detection@2025-01-01T02:00:00Z",
                                               "verified-fix@2025-04-11T02:00:00Z",
                                               "reopened@2025-07-20T02:00:00Z"}));
}

}  // namespace
}  // namespace ttmtrack::reports
