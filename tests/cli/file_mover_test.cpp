// Moving drop-folder files (cli/spool/file_mover.hpp): never overwrite, never delete.
#include "cli/spool/file_mover.hpp"

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>
#include <sys/stat.h>

#include "core/error.hpp"
#include "tests/support/temp_dir.hpp"

namespace ttmtrack::cli {
namespace {

void Write(const std::filesystem::path& path, const std::string& content) {
  std::ofstream(path, std::ios::binary) << content;
}

TEST(FileMoverTest, NumbersGoBeforeTheExtensions) {
  EXPECT_EQ(NumberedName("scan.nessus", 2), "scan.2.nessus");
  EXPECT_EQ(NumberedName("scan.xml.gz", 3), "scan.3.xml.gz");
  EXPECT_EQ(NumberedName("report", 2), "report.2");
  EXPECT_EQ(NumberedName(".hidden", 2), ".hidden.2");
}

TEST(FileMoverTest, MovesIntoANewFolderUnderItsOwnName) {
  test::TempDir dir;
  Write(dir.path() / "a.nessus", "one");
  const auto moved = MoveIntoFolder(dir.path() / "a.nessus", dir.path() / "done" / "sub");
  EXPECT_EQ(moved, dir.path() / "done" / "sub" / "a.nessus");
  EXPECT_EQ(test::ReadFileBytes(moved), "one");
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "a.nessus"));
}

TEST(FileMoverTest, ATakenNameGetsANumberAndNothingIsOverwritten) {
  test::TempDir dir;
  std::filesystem::create_directories(dir.path() / "done");
  Write(dir.path() / "done" / "a.nessus", "old");
  Write(dir.path() / "done" / "a.2.nessus", "older");
  Write(dir.path() / "a.nessus", "new");
  const auto moved = MoveIntoFolder(dir.path() / "a.nessus", dir.path() / "done");
  EXPECT_EQ(moved.filename(), "a.3.nessus");
  EXPECT_EQ(test::ReadFileBytes(dir.path() / "done" / "a.nessus"), "old");
  EXPECT_EQ(test::ReadFileBytes(dir.path() / "done" / "a.2.nessus"), "older");
  EXPECT_EQ(test::ReadFileBytes(moved), "new");
}

TEST(FileMoverTest, ASidecarNameMustBeFreeToo) {
  test::TempDir dir;
  std::filesystem::create_directories(dir.path() / "failed");
  Write(dir.path() / "failed" / "a.nessus.error", "an orphan reason");
  Write(dir.path() / "a.nessus", "bad");
  const auto moved = MoveIntoFolder(dir.path() / "a.nessus", dir.path() / "failed", ".error");
  EXPECT_EQ(moved.filename(), "a.2.nessus");
  EXPECT_EQ(test::ReadFileBytes(dir.path() / "failed" / "a.nessus.error"), "an orphan reason");
}

TEST(FileMoverTest, MovesAcrossFilesystemsByCopyingFirst) {
  test::TempDir dir;
  const std::filesystem::path other = "/dev/shm";
  struct stat a {
  }, b{};
  if (::stat(dir.path().c_str(), &a) != 0 || ::stat(other.c_str(), &b) != 0 ||
      a.st_dev == b.st_dev) {
    GTEST_SKIP() << "no second filesystem (/dev/shm) here";
  }
  const std::filesystem::path target = other / ("ttmtrack-mover-" + dir.path().filename().string());
  Write(dir.path() / "a.nessus", "across");
  const auto moved = MoveIntoFolder(dir.path() / "a.nessus", target);
  EXPECT_EQ(test::ReadFileBytes(moved), "across");
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "a.nessus"));
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(target),
                          std::filesystem::directory_iterator()),
            1);  // no hidden copy left behind
  std::filesystem::remove_all(target);
}

TEST(FileMoverTest, AFolderThatCannotBeCreatedLeavesTheFileWhereItWas) {
  test::TempDir dir;
  Write(dir.path() / "a.nessus", "stay");
  Write(dir.path() / "blocker", "a file where the folder should be");
  EXPECT_THROW(MoveIntoFolder(dir.path() / "a.nessus", dir.path() / "blocker" / "done"), Error);
  EXPECT_EQ(test::ReadFileBytes(dir.path() / "a.nessus"), "stay");
}

}  // namespace
}  // namespace ttmtrack::cli
