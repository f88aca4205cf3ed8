// reports::ReplaceFolder: a report folder swapped in whole, never seen half-written.
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "reports/report_writer.hpp"
#include "tests/support/temp_dir.hpp"

namespace ttmtrack::reports {
namespace {

namespace fs = std::filesystem;

void Write(const fs::path& path, const std::string& content) {
  fs::create_directories(path.parent_path());
  std::ofstream(path) << content;
}

TEST(ReplaceFolderTest, SwapsTheNewFolderInAndRemovesTheOld) {
  test::TempDir dir;
  const fs::path target = dir.path() / "report";
  Write(target / "index.html", "old");
  Write(target / "hosts" / "gone.html", "old host");
  const fs::path staged = StagingPath(target, "new");
  EXPECT_EQ(staged.filename().string().rfind(".report.new-", 0), 0u);
  Write(staged / "index.html", "new");
  ReplaceFolder(staged, target);
  EXPECT_EQ(test::ReadFileBytes(target / "index.html"), "new");
  EXPECT_FALSE(fs::exists(target / "hosts" / "gone.html"));
  EXPECT_FALSE(fs::exists(staged));
  EXPECT_EQ(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()), 1);
}

TEST(ReplaceFolderTest, TheFirstReportIsRenamedIntoPlace) {
  test::TempDir dir;
  const fs::path target = dir.path() / "report";
  const fs::path staged = StagingPath(target, "new");
  Write(staged / "index.html", "first");
  ReplaceFolder(staged, target);
  EXPECT_EQ(test::ReadFileBytes(target / "index.html"), "first");
}

TEST(ReplaceFolderTest, StaleStagingFoldersOfThisTargetOnlyAreRemoved) {
  test::TempDir dir;
  const fs::path target = dir.path() / "report";
  Write(dir.path() / ".report.new-123" / "index.html", "interrupted");
  Write(dir.path() / ".report.old-456" / "index.html", "left over");
  Write(dir.path() / ".other.new-1" / "keep", "not ours");
  Write(dir.path() / ".report.new-9-file", "a file, not ours");
  RemoveStaleStaging(target);
  EXPECT_FALSE(fs::exists(dir.path() / ".report.new-123"));
  EXPECT_FALSE(fs::exists(dir.path() / ".report.old-456"));
  EXPECT_TRUE(fs::exists(dir.path() / ".other.new-1" / "keep"));
  EXPECT_TRUE(fs::exists(dir.path() / ".report.new-9-file"));
}

}  // namespace
}  // namespace ttmtrack::reports
