// The reports in a real browser: Debian's chromium, headless, renders the files written by
// ReportWriter; the tests check the rendered DOM (--dump-dom), keep screenshots as artifacts,
// and read chromium's own network log to prove the pages fetch nothing. Skipped only when
// chromium is not installed. ctest label: browser.

#include <stdio.h>

#include <fstream>
#include <iostream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sys/wait.h>

#include "reports/render.hpp"
#include "reports/report_writer.hpp"
#include "tests/reports/page_outline.hpp"
#include "tests/reports/scenario.hpp"
#include "tests/reports/year_history.hpp"
#include "tests/support/temp_dir.hpp"

namespace ttmtrack::reports {
namespace {

using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;

std::string Quote(const std::string& arg) {
  std::string quoted = "'";
  for (const char c : arg) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

struct ChromiumRun {
  int exit_status = -1;
  std::string dom;                     // stdout: the serialized DOM with --dump-dom
  std::vector<std::string> page_urls;  // URL requests made on behalf of a file:// page
};

class BrowserTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string chromium = TTMTRACK_CHROMIUM;
    if (chromium.empty() || !std::filesystem::exists(chromium)) {
      GTEST_SKIP() << "chromium is not installed (Debian package 'chromium'): the browser tests "
                      "of the reports need it";
    }
    std::filesystem::create_directories(artifacts_);
    ReportWriter writer(report_, options_);
    writer.WriteSummary(scenario_.summary);
    for (const core::HostReport& host : scenario_.hosts) writer.WriteHost(host);
  }

  // Runs chromium on `page` with the flags every run uses plus `args`, with a fresh profile and
  // a network log, under a time limit.
  ChromiumRun Run(const std::filesystem::path& page, const std::vector<std::string>& args) {
    const std::string n = std::to_string(++runs_);
    const std::filesystem::path profile = work_.path() / ("profile-" + n);
    const std::filesystem::path netlog = work_.path() / ("netlog-" + n + ".json");
    std::string command = "timeout -k 5 60 " + Quote(TTMTRACK_CHROMIUM) +
                          " --headless --no-sandbox --disable-gpu --disable-quic --no-first-run"
                          " --disable-background-networking --disable-component-update"
                          " --disable-sync --user-data-dir=" +
                          Quote(profile.string()) + " --log-net-log=" + Quote(netlog.string());
    for (const std::string& arg : args) command += " " + Quote(arg);
    command += " " + Quote("file://" + std::filesystem::absolute(page).string()) + " 2>" +
               Quote((work_.path() / ("stderr-" + n)).string());
    ChromiumRun run;
    FILE* pipe = popen(command.c_str(), "r");
    if (pipe == nullptr) return run;
    char buffer[65536];
    for (std::size_t got; (got = fread(buffer, 1, sizeof buffer, pipe)) > 0;) {
      run.dom.append(buffer, got);
    }
    const int status = pclose(pipe);
    run.exit_status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    run.page_urls = PageRequests(netlog);
    return run;
  }

  // Chromium logs every URL request with its network isolation key. Requests a page makes are
  // keyed by the page's site, "file://" for these files; chromium's own background traffic
  // (update checks, account probes) is keyed otherwise and is not the page's doing.
  static std::vector<std::string> PageRequests(const std::filesystem::path& netlog) {
    const auto log = nlohmann::json::parse(test::ReadFileBytes(netlog), nullptr, false);
    EXPECT_FALSE(log.is_discarded()) << "unreadable network log " << netlog;
    if (log.is_discarded()) return {"<unreadable network log>"};
    const int start_job = log["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"].get<int>();
    std::vector<std::string> urls;
    for (const auto& event : log["events"]) {
      if (event.value("type", -1) != start_job || !event.contains("params")) continue;
      const auto& params = event["params"];
      const std::string key = params.value("network_isolation_key", "");
      if (key.find("file://") != std::string::npos) urls.push_back(params.value("url", "?"));
    }
    return urls;
  }

  std::filesystem::path Screenshot(const std::filesystem::path& page, const std::string& name) {
    const std::filesystem::path png = artifacts_ / name;
    std::filesystem::remove(png);
    const ChromiumRun run =
        Run(page, {"--screenshot=" + png.string(), "--window-size=1280,2000", "--hide-scrollbars"});
    EXPECT_EQ(run.exit_status, 0);
    EXPECT_THAT(run.page_urls, IsEmpty());
    return png;
  }

  test::TempDir work_;
  const std::filesystem::path artifacts_ = TTMTRACK_TEST_ARTIFACTS_DIR;
  const std::filesystem::path report_ = artifacts_ / "report";
  testing::Scenario scenario_ = testing::MakeScenario();
  ReportOptions options_ = testing::FixedOptions();
  int runs_ = 0;
};

TEST_F(BrowserTest, SummaryPageShowsTheFactsInTheRenderedDom) {
  const ChromiumRun run = Run(report_ / "index.html", {"--dump-dom"});
  ASSERT_EQ(run.exit_status, 0);
  for (const char* fact :
       {"<h1>ttm_cmd exposure report</h1>", ">2001:db8::7</a>", ">192.0.2.10</a>",
        ">192.0.2.20</a>", ">10200/tcp</a>", ">5010/tcp</a>", ">reopened</span>", ">open</span>",
        ">fixed</span>", "trade-gw1.example.net",
        "\u201Cweekly-dmz\u201D (Nessus) on 2026-02-02 09:30 UTC",
        "\u201Cgvm-verify\u201D (OpenVAS) on 2026-03-02 22:15 UTC", "<svg class=\"chart\"",
        "2026-03-10: 2 open", "Generated by ttmtrack 0.1.0-test on 2026-03-10 13:53 UTC"}) {
    EXPECT_THAT(run.dom, HasSubstr(fact));
  }
  EXPECT_THAT(run.page_urls, IsEmpty()) << "the summary page made network requests";
}

TEST_F(BrowserTest, HostPageShowsProofEvidenceAndFirewallRulesWithThePort) {
  const ChromiumRun run = Run(report_ / "hosts" / "192.0.2.10.html", {"--dump-dom"});
  ASSERT_EQ(run.exit_status, 0);
  for (const char* fact :
       {"<h1>192.0.2.10</h1>", "trade-gw1.example.net", "TRADEGW1", "00:16:3e:12:34:56",
        "Fixed: verified by scan \u201Cweekly-dmz\u201D (Nessus) on 2026-02-02 09:30 UTC, "
        "which scanned the host completely with the ttm_cmd plugin enabled",
        "Open: detected by scan \u201Cbaseline-dmz\u201D (Nessus) on 2026-01-05 10:00 UTC",
        "The ttm_cmd command channel answered on port 10200/tcp.",
        "the port was outside the scanned range",
        "-A INPUT -s 10.20.0.0/16 -p tcp -m tcp --dport 10200 -m comment --comment "
        "\"ttmtrack c564e5ab\" -j ACCEPT",
        "ip saddr { 10.20.0.0/16 } tcp dport 10200 accept",
        "ip6 saddr { 2001:db8:100::/48 } tcp dport 10200 accept", "destination_port: \"10200\"",
        "ss -tlnp '( sport = :10200 )'", "Last covering re-scan:</strong> 2026-03-10 06:00 UTC",
        "Last covering re-scan:</strong> 2026-01-05 10:00 UTC"}) {
    EXPECT_THAT(run.dom, HasSubstr(fact));
  }
  EXPECT_THAT(run.page_urls, IsEmpty()) << "the host page made network requests";
}

TEST_F(BrowserTest, HostileTextIsTextInTheDomNeverAnElement) {
  const ChromiumRun run = Run(report_ / "hosts" / "2001-db8--7.html", {"--dump-dom"});
  ASSERT_EQ(run.exit_status, 0);
  // The browser serializes text with < > & escaped and quotes as they are; an element would
  // appear as a tag. The page has no script at all, so any "<script" would be an injection.
  const std::string as_text =
      "&lt;script&gt;alert(1)&lt;/script&gt; \"double\" 'single' &amp; more";
  EXPECT_THAT(run.dom, HasSubstr("<div class=\"sub\">" + as_text + "</div>"));
  EXPECT_THAT(run.dom, HasSubstr("banner: " + as_text));
  EXPECT_THAT(run.dom, HasSubstr("&lt;/pre&gt;&lt;b&gt;bold&lt;/b&gt;</pre>"));
  EXPECT_THAT(run.dom, Not(HasSubstr("<script")));
  EXPECT_THAT(run.dom, Not(HasSubstr("<b>bold")));
  EXPECT_THAT(run.dom, HasSubstr("Reopened: verified fixed by scan"));
  EXPECT_THAT(run.page_urls, IsEmpty());
}

TEST_F(BrowserTest, NetworkCheckSeesTheRequestOfAPageThatMakesOne) {
  // Control for the check above: a page that loads an image does show up. Port 9 on loopback
  // (discard) is refused at once; nothing leaves the machine.
  const std::filesystem::path page = work_.path() / "control.html";
  std::ofstream(page) << "<!DOCTYPE html><title>control</title>"
                         "<img src=\"http://127.0.0.1:9/ttmtrack-probe.png\">";
  const ChromiumRun run = Run(page, {"--dump-dom"});
  EXPECT_THAT(run.page_urls, ::testing::Contains("http://127.0.0.1:9/ttmtrack-probe.png"));
}

TEST_F(BrowserTest, ContentSecurityPolicyBlocksMarkupThatWouldFetch) {
  // Second line of defence: if markup ever got through the escaping, the page's own CSP stops
  // the fetch. Inject an image into a real page and check chromium does not request it.
  std::string html = RenderHostHtml(scenario_.hosts[0], options_);
  html.insert(html.find("<body>") + 6, "<img src=\"http://127.0.0.1:9/ttmtrack-probe.png\">");
  const std::filesystem::path page = work_.path() / "injected.html";
  std::ofstream(page) << html;
  const ChromiumRun run = Run(page, {"--dump-dom"});
  ASSERT_EQ(run.exit_status, 0);
  EXPECT_THAT(run.dom, HasSubstr("ttmtrack-probe.png"));  // the element is there...
  EXPECT_THAT(run.page_urls, IsEmpty());                  // ...and was not fetched
}

TEST_F(BrowserTest, ScreenshotsAreKeptAsArtifacts) {
  for (const auto& [page, name] :
       {std::pair{report_ / "index.html", "index.png"},
        std::pair{report_ / "hosts" / "192.0.2.10.html", "host-192.0.2.10.png"}}) {
    const std::filesystem::path png = Screenshot(page, name);
    ASSERT_TRUE(std::filesystem::exists(png)) << png;
    const std::string bytes = test::ReadFileBytes(png);
    EXPECT_EQ(bytes.substr(0, 8), "\x89PNG\r\n\x1a\n");
    EXPECT_GT(bytes.size(), 20000u) << "suspiciously small screenshot " << png;
    std::cout << "screenshot: " << png.string() << "\n";
  }
}

// Issue 16: a year of nightly scans (year_history.hpp) renders as one screen of timeline, the
// 365 scans folded in <details> elements that chromium keeps closed without any script.
TEST_F(BrowserTest, AYearOfNightlyScansRendersCollapsedWithEveryScanFolded) {
  const testing::YearHistory history = testing::MakeYearHistory(work_.path() / "year");
  const std::filesystem::path page =
      history.html / "hosts" / (std::string(testing::kYearHost) + ".html");
  const ChromiumRun run = Run(page, {"--dump-dom"});
  ASSERT_EQ(run.exit_status, 0);
  const std::size_t timeline = run.dom.find("<table class=\"timeline\">");
  ASSERT_NE(timeline, std::string::npos);
  const std::string rows = run.dom.substr(timeline, run.dom.find("</table>", timeline) - timeline);
  EXPECT_EQ(testing::Count(rows, "<tr class="), std::size_t{testing::kYearTimelineRows});
  EXPECT_THAT(run.dom, HasSubstr("<summary>Every scan, one row each (365)</summary>"));
  EXPECT_THAT(run.dom, Not(HasSubstr("<details class=\"every-scan\" open")));
  EXPECT_THAT(run.page_urls, IsEmpty());
  std::filesystem::copy(
      history.html, artifacts_ / "year-report",
      std::filesystem::copy_options::recursive | std::filesystem::copy_options::overwrite_existing);
  for (const auto& [shown, name] :
       {std::pair{page, "host-year-history.png"},
        std::pair{history.html / "index.html", "index-year-history.png"}}) {
    const std::filesystem::path png = Screenshot(shown, name);
    EXPECT_GT(test::ReadFileBytes(png).size(), 20000u) << png;
  }
}

}  // namespace
}  // namespace ttmtrack::reports
