// Crash tests (STYLE.md §6, after SQLite's faultsim and leveldb's fault injection): a child
// process imports a scan and dies abruptly — _exit at the Nth sink call, or SIGKILL at a
// random moment — without rolling back or closing anything. The parent then checks that the
// file is intact and that the scan is wholly present (the database equals one where the import
// succeeded) or wholly absent (it equals the database before the import).
#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <random>
#include <thread>

#include <gtest/gtest.h>
#include <sys/wait.h>

#include "db/sqlite/database.hpp"
#include "db/sqlite/statement.hpp"
#include "db/store.hpp"
#include "tests/db/fake_scan.hpp"
#include "tests/support/database_dump.hpp"
#include "tests/support/temp_dir.hpp"

namespace ttmtrack::db {
namespace {

using testing::FakeScan;
using testing::NessusScan;

constexpr int kImportedExit = 3;
constexpr int kFailedExit = 4;

Store::Options PinnedClock() {
  return Store::Options{.now = [] { return std::int64_t{1'700'000'000}; }};
}

// Forwards to the store's sink, dying at call number `crash_at` (1-based) before forwarding.
class CrashingSink : public core::ScanSink {
 public:
  CrashingSink(core::ScanSink& inner, int crash_at) : inner_(inner), crash_at_(crash_at) {}
  void BeginScan(const core::ScanInfo& s) override {
    Tick();
    inner_.BeginScan(s);
  }
  void Host(const core::HostRecord& h) override {
    Tick();
    inner_.Host(h);
  }
  void Result(const core::ResultRecord& r) override {
    Tick();
    inner_.Result(r);
  }
  void EndScan(const core::ScanInfo& s, const core::ScanCoverage& c) override {
    Tick();
    inner_.EndScan(s, c);
  }

 private:
  void Tick() {
    if (++calls_ == crash_at_) _exit(0);
  }
  core::ScanSink& inner_;
  int crash_at_;
  int calls_ = 0;
};

FakeScan FirstScan() {
  FakeScan s = NessusScan("first", 1000);
  for (int i = 1; i <= 3; ++i)
    s.Host("192.0.2." + std::to_string(i)).Detect("192.0.2." + std::to_string(i));
  return s;
}

// Fixes one exposure, keeps one, adds two, learns a rule: every kind of write an import does.
FakeScan CrashedScan(int extra_hosts) {
  FakeScan s = NessusScan("second", 2000);
  s.Host("192.0.2.1").Host("192.0.2.2").Detect("192.0.2.2").Detect("192.0.2.4");
  s.Result("192.0.2.5", 5010, "155555", "Trading Technologies Messaging Listener");
  for (int i = 0; i < extra_hosts; ++i) {
    const std::string ip = "198.51.100." + std::to_string(i % 250 + 1);
    s.Host(ip).Result(ip, 22, "10267", "SSH Server Type and Version Information");
  }
  return s;
}

class FaultInjectionTest : public ::testing::Test {
 protected:
  // The database before the crashed import, and the one a successful import gives.
  void Prepare(const FakeScan& crashed) {
    {
      Store store(baseline_, PinnedClock());
      store.ImportScan(FirstScan().Reader());
    }
    std::filesystem::copy_file(baseline_, reference_);
    {
      Store store(reference_, PinnedClock());
      store.ImportScan(crashed.Reader());
    }
    before_ = test::DumpDatabase(baseline_);
    after_ = test::DumpDatabase(reference_);
    ASSERT_NE(before_, after_);
  }

  // Runs `child` in a forked process on a fresh copy of the baseline; returns its wait status.
  template <typename F>
  int RunChild(F child, std::chrono::microseconds kill_after = std::chrono::microseconds(-1)) {
    std::filesystem::remove(work_);
    std::filesystem::remove(work_ + "-wal");
    std::filesystem::remove(work_ + "-shm");
    std::filesystem::copy_file(baseline_, work_);
    const pid_t pid = fork();
    if (pid == 0) {
      child();
      _exit(kImportedExit);
    }
    if (kill_after.count() >= 0) {
      std::this_thread::sleep_for(kill_after);
      kill(pid, SIGKILL);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    return status;
  }

  // Returns true when the scan is present.
  bool CheckWhollyPresentOrAbsent(const std::string& what) {
    {
      sqlite::Database db(work_, sqlite::Database::Mode::kReadWrite);
      auto check = db.Prepare("PRAGMA integrity_check");
      EXPECT_TRUE(check.Step());
      EXPECT_EQ(check.Text(0), "ok") << what;
    }
    const std::string dump = test::DumpDatabase(work_);
    const bool present = dump == after_;
    EXPECT_TRUE(present || dump == before_) << what << ": partial import\n" << dump;
    return present;
  }

  test::TempDir dir_;
  std::string baseline_ = dir_.File("baseline.db");
  std::string reference_ = dir_.File("reference.db");
  std::string work_ = dir_.File("work.db");
  std::string before_;
  std::string after_;
};

TEST_F(FaultInjectionTest, ExitAtEverySinkCallLeavesTheScanWhollyAbsent) {
  const FakeScan crashed = CrashedScan(3);
  Prepare(crashed);
  const int calls = crashed.SinkCalls();
  for (int n = 1; n <= calls; ++n) {
    const int status = RunChild([&] {
      Store store(work_, PinnedClock());
      store.ImportScan([&](core::ScanSink& sink) {
        CrashingSink crashing(sink, n);
        crashed.Reader()(crashing);
      });
    });
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 0) << "the child did not crash at call " << n;
    EXPECT_FALSE(CheckWhollyPresentOrAbsent("exit at sink call " + std::to_string(n)));
  }
}

TEST_F(FaultInjectionTest, ExitAfterCommitLeavesTheScanWhollyPresent) {
  const FakeScan crashed = CrashedScan(3);
  Prepare(crashed);
  const int status = RunChild([&] {
    Store store(work_, PinnedClock());
    store.ImportScan(crashed.Reader());
    _exit(kImportedExit);  // no close, no checkpoint: the WAL must carry the commit
  });
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), kImportedExit);
  EXPECT_TRUE(CheckWhollyPresentOrAbsent("exit after commit"));
}

TEST_F(FaultInjectionTest, KillAtRandomMomentsLeavesTheScanWhollyPresentOrAbsent) {
  const FakeScan crashed = CrashedScan(200);
  Prepare(crashed);
  // How long a whole import takes here, to spread the kills across it.
  const auto start = std::chrono::steady_clock::now();
  const int status = RunChild([&] {
    Store store(work_, PinnedClock());
    store.ImportScan(crashed.Reader());
  });
  ASSERT_TRUE(WIFEXITED(status));
  ASSERT_EQ(WEXITSTATUS(status), kImportedExit);
  const auto span = std::chrono::duration_cast<std::chrono::microseconds>(
      std::chrono::steady_clock::now() - start);
  std::mt19937 random(7);
  int present = 0;
  int absent = 0;
  for (int round = 0; round < 16; ++round) {
    const auto delay = std::chrono::microseconds(
        std::uniform_int_distribution<std::int64_t>(0, span.count() * 5 / 4)(random));
    RunChild(
        [&] {
          try {
            Store store(work_, PinnedClock());
            store.ImportScan(crashed.Reader());
          } catch (const std::exception&) {
            _exit(kFailedExit);
          }
        },
        delay);
    (CheckWhollyPresentOrAbsent("kill after " + std::to_string(delay.count()) + "us") ? present
                                                                                      : absent)++;
  }
  RecordProperty("present", present);
  RecordProperty("absent", absent);
}

}  // namespace
}  // namespace ttmtrack::db
