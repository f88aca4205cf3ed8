#include "reports/report_writer.hpp"

#include <algorithm>
#include <fstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "reports/render.hpp"
#include "tests/reports/scenario.hpp"
#include "tests/support/temp_dir.hpp"

namespace ttmtrack::reports {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class ReportWriterTest : public ::testing::Test {
 protected:
  std::vector<std::string> Listing() const {
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir_.path())) {
      names.push_back(std::filesystem::relative(entry.path(), dir_.path()).string());
    }
    std::sort(names.begin(), names.end());
    return names;
  }

  test::TempDir dir_;
  testing::Scenario scenario_ = testing::MakeScenario();
  ReportOptions options_ = testing::FixedOptions();
};

TEST_F(ReportWriterTest, WritesIndexAndOneHtmlPagePerHost) {
  const std::filesystem::path out = dir_.path() / "report" / "nested";
  ReportWriter writer(out, options_);
  EXPECT_EQ(writer.WriteSummary(scenario_.summary), out / "index.html");
  for (const core::HostReport& host : scenario_.hosts) writer.WriteHost(host);
  EXPECT_EQ(writer.files_written(), 4u);
  EXPECT_EQ(Listing(),
            (std::vector<std::string>{
                "report", "report/nested", "report/nested/hosts",
                "report/nested/hosts/192.0.2.10.html", "report/nested/hosts/192.0.2.20.html",
                "report/nested/hosts/2001-db8--7.html", "report/nested/index.html"}));
  EXPECT_EQ(test::ReadFileBytes(out / "hosts" / "2001-db8--7.html"),
            RenderHostHtml(scenario_.hosts[2], options_));
  EXPECT_EQ(test::ReadFileBytes(out / "index.html"),
            RenderSummaryHtml(scenario_.summary, options_));
}

TEST_F(ReportWriterTest, JsonFormatWritesJsonFilesThatTheIndexNames) {
  options_.format = ReportFormat::kJson;
  ReportWriter writer(dir_.path(), options_);
  writer.WriteSummary(scenario_.summary);
  for (const core::HostReport& host : scenario_.hosts) writer.WriteHost(host);
  const auto index = nlohmann::json::parse(test::ReadFileBytes(dir_.path() / "index.json"));
  ASSERT_EQ(index["hosts"].size(), 3u);
  for (const auto& host : index["hosts"]) {
    const std::filesystem::path file = dir_.path() / host["file"].get<std::string>();
    ASSERT_TRUE(std::filesystem::exists(file)) << file;
    EXPECT_EQ(nlohmann::json::parse(test::ReadFileBytes(file))["host"]["ip"], host["ip"]);
  }
}

TEST_F(ReportWriterTest, RewritingReplacesFilesAndLeavesNoTemporaryFiles) {
  {
    ReportWriter writer(dir_.path(), options_);
    writer.WriteSummary(scenario_.summary);
  }
  options_.generated_at += 60;
  ReportWriter writer(dir_.path(), options_);
  writer.WriteSummary(scenario_.summary);
  EXPECT_THAT(test::ReadFileBytes(dir_.path() / "index.html"), HasSubstr("13:54 UTC"));
  EXPECT_EQ(Listing(), (std::vector<std::string>{"hosts", "index.html"}));
}

TEST_F(ReportWriterTest, FolderThatIsAFileIsAnIoError) {
  std::ofstream(dir_.path() / "plain-file") << "x";
  try {
    ReportWriter writer(dir_.path() / "plain-file", options_);
    FAIL() << "no error";
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), Error::Kind::kIo);
    EXPECT_THAT(error.what(), HasSubstr("plain-file"));
  }
}

// A folder that cannot be written: the tests run as root, whom permission bits do not stop, so
// the folder's place is taken by a regular file (ENOTDIR for root as for anyone).
TEST_F(ReportWriterTest, AFileWhereTheFolderShouldBeIsAnIoErrorNamingThePath) {
  std::ofstream(dir_.path() / "not-a-folder") << "a regular file";
  const std::vector<std::string> before = Listing();
  try {
    WriteFileAtomically(dir_.path() / "not-a-folder" / "index.html", "content");
    FAIL() << "no error";
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), Error::Kind::kIo);
    EXPECT_THAT(error.what(), HasSubstr("not-a-folder"));
  }
  EXPECT_EQ(Listing(), before);
}

// The write gets as far as its temporary file, then cannot put it in place (a folder stands
// at the target's name): the temporary file is removed and the folder is as it was.
TEST_F(ReportWriterTest, AFailedReplaceIsAnIoErrorAndLeavesNoTemporaryFileBehind) {
  std::filesystem::create_directory(dir_.path() / "index.html");
  const std::vector<std::string> before = Listing();
  try {
    WriteFileAtomically(dir_.path() / "index.html", "content");
    FAIL() << "no error";
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), Error::Kind::kIo);
    EXPECT_THAT(error.what(), HasSubstr("cannot replace"));
    EXPECT_THAT(error.what(), HasSubstr("index.html"));
  }
  EXPECT_EQ(Listing(), before);
}

TEST_F(ReportWriterTest, HostPathMatchesTheLinksOfTheSummary) {
  const ReportWriter writer(dir_.path(), options_);
  EXPECT_EQ(writer.HostPath("2001:db8::7"), std::filesystem::path("hosts/2001-db8--7.html"));
  EXPECT_THAT(RenderSummaryHtml(scenario_.summary, options_),
              HasSubstr("href=\"" + writer.HostPath("2001:db8::7").string() + "\""));
}

// Issue 15 item 5: `report --host IP --out X` into a new folder linked to a missing index.html.
TEST_F(ReportWriterTest, HostPageLinksToTheSummaryOnlyWhenTheFolderHasOne) {
  const std::string link = "href=\"../index.html\"";
  {
    ReportWriter writer(dir_.path(), options_);
    writer.WriteHost(scenario_.hosts[0]);
  }
  const std::filesystem::path page = dir_.path() / "hosts" / "192.0.2.10.html";
  EXPECT_THAT(test::ReadFileBytes(page), Not(HasSubstr(link)));
  EXPECT_THAT(test::ReadFileBytes(page), HasSubstr("this folder has no summary"));
  {
    ReportWriter writer(dir_.path(), options_);
    writer.WriteSummary(scenario_.summary);
    writer.WriteHost(scenario_.hosts[0]);
  }
  EXPECT_THAT(test::ReadFileBytes(page), HasSubstr(link));
  ReportWriter later(dir_.path(), options_);  // a --host run into a folder with a summary
  later.WriteHost(scenario_.hosts[0]);
  EXPECT_THAT(test::ReadFileBytes(page), HasSubstr(link));
}

}  // namespace
}  // namespace ttmtrack::reports
