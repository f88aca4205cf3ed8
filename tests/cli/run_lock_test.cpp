// The run lock (cli/spool/run_lock.hpp): flock beside the database, waiting with a timeout.
#include "cli/spool/run_lock.hpp"

#include <unistd.h>

#include <chrono>
#include <optional>
#include <thread>

#include <gtest/gtest.h>

#include "core/error.hpp"
#include "tests/support/temp_dir.hpp"

namespace ttmtrack::cli {
namespace {

using std::chrono::seconds;

TEST(RunLockTest, ASecondHolderIsBusyAndToldWhoHoldsIt) {
  test::TempDir dir;
  const std::string path = dir.File("t.db.lock");
  const RunLock first(path, seconds(0));
  try {
    const RunLock second(path, seconds(0));
    FAIL() << "the lock was taken twice";
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), Error::Kind::kBusy);
    EXPECT_EQ(error.ExitCode(), 75);
    EXPECT_NE(std::string(error.what()).find("(pid " + std::to_string(::getpid()) + ")"),
              std::string::npos)
        << error.what();
    EXPECT_EQ(error.context().file, path);
  }
}

TEST(RunLockTest, AWaiterGetsTheLockWhenTheHolderFinishes) {
  test::TempDir dir;
  const std::string path = dir.File("t.db.lock");
  std::optional<RunLock> first(std::in_place, path, seconds(0));
  std::thread release([&first] {
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    first.reset();
  });
  const auto start = std::chrono::steady_clock::now();
  EXPECT_NO_THROW(RunLock(path, seconds(10)));
  release.join();
  EXPECT_LT(std::chrono::steady_clock::now() - start, seconds(5));
}

TEST(RunLockTest, TheLockIsFreeAgainOnceReleasedAndTheFileStays) {
  test::TempDir dir;
  const std::string path = dir.File("t.db.lock");
  { const RunLock first(path, seconds(0)); }
  EXPECT_NO_THROW(RunLock(path, seconds(0)));
  EXPECT_TRUE(std::filesystem::exists(path));
}

TEST(RunLockTest, AnUncreatableLockFileIsAnIoError) {
  test::TempDir dir;
  try {
    const RunLock lock(dir.File("no-such-folder/t.db.lock"), seconds(0));
    FAIL();
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), Error::Kind::kIo);
  }
}

}  // namespace
}  // namespace ttmtrack::cli
