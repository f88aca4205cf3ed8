// Golden tests of the JSON form and of the page structure (an outline of elements and text,
// page_outline.hpp) for the scenario of scenario.hpp. Regenerate after an intended change with
//   UPDATE_GOLDEN=1 build/<dir>/tests/reports/ttmtrack_reports_tests --gtest_filter='GoldenTest.*'
// and review the diff of tests/reports/golden/.

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <random>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "reports/host_file_name.hpp"
#include "reports/render.hpp"
#include "tests/reports/page_outline.hpp"
#include "tests/reports/scenario.hpp"
#include "tests/support/temp_dir.hpp"

namespace ttmtrack::reports {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class GoldenTest : public ::testing::Test {
 protected:
  void ExpectGolden(const std::string& name, const std::string& actual) {
    const std::filesystem::path path = std::filesystem::path(TTMTRACK_REPORTS_GOLDEN_DIR) / name;
    if (std::getenv("UPDATE_GOLDEN") != nullptr) {
      std::ofstream(path, std::ios::binary) << actual;
      std::cout << "updated " << path << "\n";
      return;
    }
    ASSERT_TRUE(std::filesystem::exists(path))
        << path << " is missing: run the test with UPDATE_GOLDEN=1 to create it";
    EXPECT_EQ(actual, test::ReadFileBytes(path))
        << "differs from " << path << " (UPDATE_GOLDEN=1 regenerates it; review the diff)";
  }

  static std::string Outline(const std::string& html) {
    const testing::PageOutline outline = testing::OutlinePage(html);
    EXPECT_THAT(outline.errors, ::testing::IsEmpty());
    return outline.outline;
  }

  testing::Scenario scenario_ = testing::MakeScenario();
  ReportOptions options_ = testing::FixedOptions();
};

TEST_F(GoldenTest, SummaryJsonMatchesGolden) {
  ExpectGolden("index.json", RenderSummaryJson(scenario_.summary, options_));
}

TEST_F(GoldenTest, HostJsonMatchesGolden) {
  for (const core::HostReport& host : scenario_.hosts) {
    ExpectGolden("host-" + HostFileStem(host.identity.ip) + ".json",
                 RenderHostJson(host, options_));
  }
}

TEST_F(GoldenTest, SummaryPageStructureMatchesGolden) {
  ExpectGolden("index.outline.txt", Outline(RenderSummaryHtml(scenario_.summary, options_)));
}

TEST_F(GoldenTest, HostPageStructureMatchesGolden) {
  for (const core::HostReport& host : scenario_.hosts) {
    ExpectGolden("host-" + HostFileStem(host.identity.ip) + ".outline.txt",
                 Outline(RenderHostHtml(host, options_)));
  }
}

TEST_F(GoldenTest, RenderingTwiceGivesIdenticalBytes) {
  EXPECT_EQ(RenderSummaryHtml(scenario_.summary, options_),
            RenderSummaryHtml(scenario_.summary, options_));
  EXPECT_EQ(RenderSummaryJson(scenario_.summary, options_),
            RenderSummaryJson(scenario_.summary, options_));
  for (const core::HostReport& host : scenario_.hosts) {
    EXPECT_EQ(RenderHostHtml(host, options_), RenderHostHtml(host, options_));
    EXPECT_EQ(RenderHostJson(host, options_), RenderHostJson(host, options_));
  }
}

TEST_F(GoldenTest, SummaryDoesNotDependOnTheOrderOfExposures) {
  const std::string html = RenderSummaryHtml(scenario_.summary, options_);
  const std::string json = RenderSummaryJson(scenario_.summary, options_);
  std::mt19937 random(7);
  for (int round = 0; round < 4; ++round) {
    std::shuffle(scenario_.summary.exposures.begin(), scenario_.summary.exposures.end(), random);
    EXPECT_EQ(RenderSummaryHtml(scenario_.summary, options_), html);
    EXPECT_EQ(RenderSummaryJson(scenario_.summary, options_), json);
  }
}

TEST_F(GoldenTest, GenerationTimeAppearsOnlyWhereItIsShown) {
  ReportOptions later = options_;
  later.generated_at += 86400;
  const std::string a = RenderHostHtml(scenario_.hosts[0], options_);
  const std::string b = RenderHostHtml(scenario_.hosts[0], later);
  ASSERT_NE(a, b);
  EXPECT_THAT(a, HasSubstr("on 2026-03-10 13:53 UTC \u00B7 detection c564e5ab"));
  EXPECT_THAT(b, HasSubstr("on 2026-03-11 13:53 UTC \u00B7 detection c564e5ab"));
}

TEST_F(GoldenTest, SummaryTableIsMostUrgentFirst) {
  const std::string html = RenderSummaryHtml(scenario_.summary, options_);
  const auto reopened = html.find(">2001:db8::7</a>");
  const auto open = html.find(">192.0.2.10</a>");
  const auto fixed = html.find(">192.0.2.20</a>");
  ASSERT_NE(reopened, std::string::npos);
  EXPECT_LT(reopened, open);
  EXPECT_LT(open, fixed);
  EXPECT_THAT(html, HasSubstr("href=\"hosts/2001-db8--7.html\""));
  EXPECT_THAT(html, HasSubstr("href=\"hosts/192.0.2.10.html#exposure-10200-tcp\""));
}

TEST_F(GoldenTest, HostileTextIsEscapedInHtmlAndExactInJson) {
  const core::HostReport& host = scenario_.hosts[2];
  const std::string html = RenderHostHtml(host, options_);
  const testing::PageOutline outline = testing::OutlinePage(html);
  EXPECT_THAT(outline.errors, ::testing::IsEmpty());
  EXPECT_THAT(outline.elements, Not(::testing::Contains("script")));
  EXPECT_THAT(outline.elements, Not(::testing::Contains("b")));  // from "</pre><b>bold</b>"
  EXPECT_THAT(html, Not(HasSubstr("<script")));
  EXPECT_THAT(html, HasSubstr("&lt;script&gt;alert(1)&lt;/script&gt; &quot;double&quot; "
                              "&#39;single&#39; &amp; more"));
  EXPECT_THAT(html, HasSubstr("bell:\u2407 end"));  // the BEL byte, made visible

  const auto json = nlohmann::json::parse(RenderHostJson(host, options_));
  EXPECT_EQ(json["host"]["fqdn"], testing::kHostileText);
  EXPECT_EQ(json["exposures"][0]["evidence"][1]["output"],
            std::string("banner: ") + testing::kHostileText + "\nbell:\x07 end\n</pre><b>bold</b>");
}

TEST_F(GoldenTest, InvalidUtf8StillGivesValidJsonAndHtml) {
  core::HostReport host = scenario_.hosts[0];
  host.identity.fqdn = "bad\xFF\xC0name";
  host.exposures[0].evidence[0].output = std::string("out\xE2\x82", 5) + std::string("\0x", 2);
  const auto json = nlohmann::json::parse(RenderHostJson(host, options_));
  EXPECT_EQ(json["host"]["fqdn"], "bad\uFFFD\uFFFDname");
  EXPECT_EQ(json["exposures"][0]["evidence"][0]["output"],
            std::string("out\uFFFD") + std::string("\0x", 2));
  const std::string html = RenderHostHtml(host, options_);
  EXPECT_THAT(testing::OutlinePage(html).errors, ::testing::IsEmpty());
  EXPECT_THAT(html, HasSubstr("out\uFFFD\u2400x"));
}

TEST_F(GoldenTest, EmptyEstateGivesSensiblePages) {
  const core::SummaryReport empty;
  const std::string html = RenderSummaryHtml(empty, options_);
  EXPECT_THAT(testing::OutlinePage(html).errors, ::testing::IsEmpty());
  EXPECT_THAT(html, HasSubstr("No exposure recorded"));
  EXPECT_THAT(html, HasSubstr("No scan with a known date has been imported yet."));
  EXPECT_THAT(html, Not(HasSubstr("1970")));
  const auto json = nlohmann::json::parse(RenderSummaryJson(empty, options_));
  EXPECT_TRUE(json["hosts"].empty());
  EXPECT_TRUE(json["open_over_time"].empty());
}

TEST_F(GoldenTest, MissingTimesShowAsWordsNotAs1970) {
  core::HostReport host = scenario_.hosts[0];
  host.exposures[1].exposure.last_checked.reset();
  host.exposures[1].exposure.first_seen = 0;
  host.identity.scans[0].time.reset();
  const std::string html = RenderHostHtml(host, options_);
  EXPECT_THAT(html, Not(HasSubstr("1970")));
  EXPECT_THAT(html, HasSubstr("<strong>Last covering re-scan:</strong> never"));
  const auto json = nlohmann::json::parse(RenderHostJson(host, options_));
  EXPECT_TRUE(json["exposures"][1]["last_checked"].is_null());
  EXPECT_TRUE(json["exposures"][1]["first_seen"].is_null());
}

TEST_F(GoldenTest, EveryPageCarriesTheContentSecurityPolicy) {
  const std::string csp =
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
      "style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'\">";
  EXPECT_THAT(RenderSummaryHtml(scenario_.summary, options_), HasSubstr(csp));
  EXPECT_THAT(RenderHostHtml(scenario_.hosts[0], options_), HasSubstr(csp));
  EXPECT_THAT(RenderHostHtml(scenario_.hosts[0], options_), HasSubstr("@media print"));
}

// Issue 15 item 3: hash prefixes wrapped onto two lines and host names broke at hyphens. Every
// hash cell carries the full hash as its title and a class the stylesheet keeps on one line.
TEST_F(GoldenTest, HashesAndHostNamesNeverWrap) {
  const std::string summary = RenderSummaryHtml(scenario_.summary, options_);
  const std::string host = RenderHostHtml(scenario_.hosts[0], options_);
  EXPECT_THAT(summary, HasSubstr(".hash{white-space:nowrap;overflow-wrap:normal;"));
  EXPECT_THAT(summary, HasSubstr(".keep{white-space:nowrap;overflow-wrap:normal}"));
  for (const core::ScanRef& scan : scenario_.hosts[0].identity.scans) {
    EXPECT_THAT(host, HasSubstr("<td class=\"hash\" title=\"" + scan.sha256 + "\">" +
                                scan.sha256.substr(0, 12) + "</td>"));
  }
  for (const core::ScanRef& scan : scenario_.summary.latest_scans) {
    EXPECT_THAT(summary, HasSubstr("<td class=\"hash\" title=\"" + scan.sha256 + "\">"));
  }
  EXPECT_THAT(summary, HasSubstr("class=\"keep\">trade-gw1.example.net</td>"));
  EXPECT_THAT(host, HasSubstr("<th>FQDN</th><td class=\"keep\">trade-gw1.example.net</td>"));
}

// Issue 15 item 4: the "before" rule set is an example; a network scan cannot see a firewall.
TEST_F(GoldenTest, BeforeRuleSetIsLabelledAsAnExample) {
  const std::string host = RenderHostHtml(scenario_.hosts[0], options_);
  EXPECT_THAT(host, Not(HasSubstr("as the scan found it")));
  EXPECT_THAT(host, HasSubstr("Before (example): a rule set that would allow the connection"));
  EXPECT_THAT(host, HasSubstr("Not observed: a network scan cannot see the host's firewall."));
}

}  // namespace
}  // namespace ttmtrack::reports
