// Drop-folder imports (cli/spool/drop_folder.hpp) on real files, a real SQLite database and the
// bundled sample exports.
#include "cli/spool/drop_folder.hpp"

#include <sqlite3.h>

#include <chrono>
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "cli/format/import_summary.hpp"
#include "core/error.hpp"
#include "tests/support/temp_dir.hpp"

namespace ttmtrack::cli {
namespace {

namespace fs = std::filesystem;

const fs::path kSamples = fs::path(TTMTRACK_SOURCE_DIR) / "samples" / "scans";

class DropFolderTest : public ::testing::Test {
 protected:
  DropFolderTest() {
    folder_.incoming = dir_.path() / "incoming";
    folder_.done = dir_.path() / "done";
    folder_.failed = dir_.path() / "failed";
    folder_.settle = std::chrono::seconds(60);
    fs::create_directories(folder_.incoming);
  }

  // A file written ten minutes ago: settled.
  fs::path Drop(const std::string& name, const std::string& content) {
    fs::path path = folder_.incoming / name;
    std::ofstream(path, std::ios::binary) << content;
    fs::last_write_time(path, fs::file_time_type::clock::now() - std::chrono::minutes(10));
    return path;
  }
  fs::path DropSample(const std::string& sample, const std::string& name) {
    return Drop(name, test::ReadFileBytes(kSamples / sample));
  }

  std::vector<DropResult> Run() {
    db::Store store(dir_.File("t.db"));
    seen_.clear();
    return ImportDropFolder(store, folder_, {},
                            [this](const DropResult& r) { seen_.push_back(r.name); });
  }

  test::TempDir dir_;
  DropFolder folder_;
  std::vector<std::string> seen_;
};

TEST_F(DropFolderTest, ImportsInScanTimeOrderAndMovesEveryFileToDone) {
  // Names sort the opposite way to the scans' times.
  DropSample("2026-03-16-trading-nessus.nessus", "a-march.nessus");
  DropSample("2026-02-16-trading-verification.nessus", "b-february.nessus");
  DropSample("2026-01-26-trading-openvas.xml.gz", "c-late-january.xml.gz");
  DropSample("2026-01-12-trading-nessus.nessus", "d-january.nessus");
  const std::vector<DropResult> results = Run();
  ASSERT_EQ(results.size(), 4u);
  EXPECT_EQ(seen_, (std::vector<std::string>{"d-january.nessus", "c-late-january.xml.gz",
                                             "b-february.nessus", "a-march.nessus"}));
  for (const DropResult& r : results) {
    EXPECT_EQ(r.status, DropStatus::kImported) << r.name << ": " << r.error;
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_EQ(r.moved_to, folder_.done / r.name);
    EXPECT_TRUE(fs::exists(folder_.done / r.name));
  }
  // In scan order, each file's counts are those of the samples' story (samples/README.md).
  EXPECT_EQ(results[0].import.lifecycle.new_exposures, 3);
  EXPECT_EQ(results[1].import.lifecycle.new_exposures, 1);
  EXPECT_EQ(results[2].import.lifecycle.verified_fixed, 2);
  EXPECT_EQ(results[3].import.lifecycle.reopened, 1);
  EXPECT_TRUE(fs::is_empty(folder_.incoming));
}

TEST_F(DropFolderTest, AFileStillBeingWrittenIsLeftForTheNextRun) {
  DropSample("2026-01-12-trading-nessus.nessus", "settled.nessus");
  std::ofstream(folder_.incoming / "fresh.nessus") << "<NessusClientData_v2>";
  const std::vector<DropResult> results = Run();
  ASSERT_EQ(results.size(), 2u);
  EXPECT_EQ(results[0].name, "settled.nessus");
  EXPECT_EQ(results[1].name, "fresh.nessus");
  EXPECT_EQ(results[1].status, DropStatus::kWaiting);
  EXPECT_LT(results[1].age_seconds, 60);
  EXPECT_EQ(results[1].exit_code, 0);
  EXPECT_TRUE(fs::exists(folder_.incoming / "fresh.nessus"));
  EXPECT_NE(DropResultLine(results[1], folder_).find("still being written"), std::string::npos);

  folder_.settle = std::chrono::seconds(0);
  const std::vector<DropResult> next = Run();
  ASSERT_EQ(next.size(), 1u);
  EXPECT_EQ(next[0].status, DropStatus::kRefused);  // truncated: refused once settled
}

TEST_F(DropFolderTest, ARefusedFileGoesToFailedWithItsErrorBesideIt) {
  const fs::path bad = Drop("bad.nessus", "<NessusClientData_v2><Report name=\"x\">\n<ReportHost");
  const std::vector<DropResult> results = Run();
  ASSERT_EQ(results.size(), 1u);
  const DropResult& r = results[0];
  EXPECT_EQ(r.status, DropStatus::kRefused);
  EXPECT_EQ(r.exit_code, 65);
  EXPECT_EQ(r.moved_to, folder_.failed / "bad.nessus");
  EXPECT_EQ(r.error.rfind(bad.string() + ":2:", 0), 0u) << r.error;  // FILE:LINE:COL: what
  EXPECT_EQ(test::ReadFileBytes(folder_.failed / "bad.nessus.error"), r.error + "\n");
  EXPECT_FALSE(fs::exists(bad));
  EXPECT_EQ(DropResultPriority(r), 3);
}

TEST_F(DropFolderTest, TheSameBytesAgainMoveToDoneAsAlreadyImported) {
  DropSample("2026-01-12-trading-nessus.nessus", "jan.nessus");
  Run();
  DropSample("2026-01-12-trading-nessus.nessus", "jan.nessus");  // the scanner exports again
  const std::vector<DropResult> results = Run();
  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(results[0].status, DropStatus::kAlreadyImported);
  EXPECT_EQ(results[0].import.scan_id, 1);
  EXPECT_EQ(results[0].moved_to, folder_.done / "jan.2.nessus");  // never overwrites
  EXPECT_TRUE(fs::exists(folder_.done / "jan.nessus"));
  EXPECT_NE(DropResultLine(results[0], folder_).find("already imported as scan 1"),
            std::string::npos);
}

TEST_F(DropFolderTest, UploadsInProgressLinksAndFoldersAreNotTouched) {
  const std::string jan = test::ReadFileBytes(kSamples / "2026-01-12-trading-nessus.nessus");
  Drop(".upload.nessus.XYZ", jan);
  Drop("jan.nessus.part", jan);
  Drop("jan.nessus.tmp", jan);
  fs::create_directories(folder_.incoming / "subfolder");
  fs::create_symlink(kSamples / "2026-01-12-trading-nessus.nessus", folder_.incoming / "link");
  EXPECT_TRUE(Run().empty());
  EXPECT_EQ(std::distance(fs::directory_iterator(folder_.incoming), fs::directory_iterator()), 5);
  EXPECT_FALSE(fs::exists(folder_.done));
}

TEST_F(DropFolderTest, DatabaseTroubleLeavesTheFilesForTheNextRun) {
  DropSample("2026-01-12-trading-nessus.nessus", "jan.nessus");
  DropSample("2026-03-16-trading-nessus.nessus", "mar.nessus");
  { db::Store create(dir_.File("t.db")); }
  // Another process holds the database's write lock past the store's busy timeout.
  sqlite3* other = nullptr;
  ASSERT_EQ(sqlite3_open(dir_.File("t.db").c_str(), &other), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(other, "BEGIN EXCLUSIVE", nullptr, nullptr, nullptr), SQLITE_OK);
  const std::vector<DropResult> results = Run();
  sqlite3_exec(other, "ROLLBACK", nullptr, nullptr, nullptr);
  sqlite3_close(other);
  ASSERT_EQ(results.size(), 2u);
  EXPECT_EQ(results[0].status, DropStatus::kKept);
  EXPECT_EQ(results[0].exit_code, 75);
  EXPECT_EQ(results[1].status, DropStatus::kKept);
  EXPECT_NE(results[1].error.find("not tried"), std::string::npos) << results[1].error;
  EXPECT_TRUE(fs::exists(folder_.incoming / "jan.nessus"));
  EXPECT_TRUE(fs::exists(folder_.incoming / "mar.nessus"));
  EXPECT_FALSE(fs::exists(folder_.failed));
}

TEST_F(DropFolderTest, AMissingDropFolderIsAnError) {
  folder_.incoming = dir_.path() / "nowhere";
  db::Store store(dir_.File("t.db"));
  try {
    ImportDropFolder(store, folder_, {}, {});
    FAIL();
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), Error::Kind::kNoInput);
  }
}

TEST_F(DropFolderTest, JsonSaysWhereEachFileWent) {
  DropSample("2026-01-12-trading-nessus.nessus", "jan.nessus");
  Drop("bad.nessus", "not xml");
  const std::vector<DropResult> results = Run();
  ASSERT_EQ(results.size(), 2u);
  const auto good = DropResultJson(results[0]);
  EXPECT_EQ(good["status"], "imported");
  EXPECT_EQ(good["moved_to"], (folder_.done / "jan.nessus").string());
  EXPECT_EQ(good["exposures"]["new"], 3);
  const auto bad = DropResultJson(results[1]);
  EXPECT_EQ(bad["status"], "failed");
  EXPECT_EQ(bad["exit_code"], 65);
  EXPECT_EQ(bad["moved_to"], (folder_.failed / "bad.nessus").string());
}

}  // namespace
}  // namespace ttmtrack::cli
