// Crash tests of the real `ttmtrack import` (STYLE.md §6, after SQLite's faultsim and leveldb's
// fault injection): the binary is killed with SIGKILL while it imports a generated export into
// a database that already holds a scan, and the test knows where each kill struck because the
// binary reports every point it passes (TTMTRACK_PHASE_MARKERS, cli/test_hooks.hpp): the
// parse, each host, the lifecycle recomputation, each exposure it recomputes, the COMMIT
// statement (SQLite's commit hook, then each write of the write-ahead log), and the checkpoint
// when the connection closes. The page cache is small (TTMTRACK_PAGE_CACHE_KIB=256), so pages
// spill to the write-ahead log long before the COMMIT, as they do for a large export.
//
// After every kill: PRAGMA integrity_check is ok; the database is exactly the one before the
// import (the kill came before the COMMIT's last write) or exactly the one a clean import gives
// (it came after); `status` prints what a clean run prints for that database; and importing the
// same file again succeeds and ends in the clean import's database. docs/principles.md and
// docs/importer.md cite this file. Labelled slow.
#include <algorithm>
#include <csignal>
#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "db/sqlite/database.hpp"
#include "db/sqlite/statement.hpp"
#include "tests/cli/two_scans.hpp"
#include "tests/support/database_dump.hpp"
#include "tests/support/phase_channel.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/support/ttmtrack_cli.hpp"

namespace ttmtrack {
namespace {

using nlohmann::json;
using test::PhaseChannel;

const std::vector<std::string>& masked_columns = test::kRunClockColumns;
const std::string kSmallPageCache = "TTMTRACK_PAGE_CACHE_KIB=256";
constexpr int kKilled = 128 + SIGKILL;

// The import the tests crash, run once cleanly: its databases before and after, and every
// phase it passes, in order. Built once for the suite (generating and importing takes seconds).
struct Reference {
  test::TempDir dir;
  std::string before;  // DumpDatabase of baseline.db: the first scan only
  std::string after;   // ... once the second scan is imported cleanly
  json status_before;
  json status_after;
  std::vector<std::string> phases;
  // Index in `phases` of the last write of the write-ahead log before "committed": the write of
  // the COMMIT's last frame. A kill at or before it leaves the scan absent, after it present.
  std::size_t last_commit_write = 0;

  std::size_t IndexOf(const std::string& phase) const {
    return static_cast<std::size_t>(std::find(phases.begin(), phases.end(), phase) -
                                    phases.begin());
  }
};

json Status(const test::TtmtrackCli& cli) {
  return cli.Json({"status", "--format", "json"}).value_or(json());
}

// The first scan imported into baseline.db; the second imported cleanly into a copy of it.
void BuildReference(Reference& ref) {
  const std::filesystem::path& dir = ref.dir.path();
  ASSERT_NO_FATAL_FAILURE(test::WriteTwoScans(dir, 200));
  const test::TtmtrackCli baseline(dir, "baseline.db");
  ref.before = test::DumpDatabase(baseline.DatabasePath(), masked_columns);
  ref.status_before = Status(baseline);

  std::filesystem::copy_file(baseline.DatabasePath(), dir / "reference.db");
  const test::TtmtrackCli reference(dir, "reference.db");
  PhaseChannel channel;
  auto child =
      reference.Start({"import", "second.nessus"},
                      {kSmallPageCache, PhaseChannel::Environment(PhaseChannel::Mode::kStream)},
                      channel.child_fd());
  channel.ChildStarted();
  while (channel.Next()) {
  }
  const process::ProcessResult second = child->Wait();
  ASSERT_EQ(second.exit_code, 0) << second.err;
  ref.phases = channel.seen();
  ref.after = test::DumpDatabase(reference.DatabasePath(), masked_columns);
  ref.status_after = Status(reference);
  ASSERT_NE(ref.before, ref.after);

  const std::size_t committed = ref.IndexOf("committed");
  ASSERT_LT(committed, ref.phases.size()) << "no 'committed' marker";
  for (std::size_t i = ref.IndexOf("commit"); i < committed; ++i) {
    if (ref.phases[i] == "wal-write") ref.last_commit_write = i;
  }
  ASSERT_GT(ref.last_commit_write, 0u) << "the COMMIT wrote nothing to the write-ahead log";
}

// Where in the import a phase index lies, for messages and for the coverage check.
std::string Region(const Reference& ref, std::size_t index) {
  if (index < ref.IndexOf("parse")) return "before the parse";
  if (index < ref.IndexOf("recompute")) return "parse";
  if (index < ref.IndexOf("commit")) return "recomputation";
  if (index < ref.IndexOf("committed")) return "COMMIT";
  return "after the COMMIT";
}

class ImportFaultTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    shared_reference = new Reference();
    BuildReference(*shared_reference);
  }
  static void TearDownTestSuite() {
    delete shared_reference;
    shared_reference = nullptr;
  }
  void SetUp() override {
    if (HasFatalFailure()) return;
    ASSERT_FALSE(shared_reference->phases.empty()) << "the reference import failed";
  }

  const Reference& ref() const { return *shared_reference; }

  // A fresh copy of the baseline in its own folder, with the export beside it.
  std::unique_ptr<test::TtmtrackCli> Fresh(const test::TempDir& dir) const {
    std::filesystem::copy_file(ref().dir.path() / "baseline.db", dir.path() / "work.db");
    std::filesystem::copy_file(ref().dir.path() / "second.nessus", dir.path() / "second.nessus");
    return std::make_unique<test::TtmtrackCli>(dir.path(), "work.db");
  }

  // The checks after a kill. `present`: whether the scan must be there (nullopt: either).
  void CheckAfterKill(const test::TtmtrackCli& cli, std::optional<bool> present,
                      const std::string& where) {
    SCOPED_TRACE(where);
    {
      db::sqlite::Database db(cli.DatabasePath(), db::sqlite::Database::Mode::kReadWrite);
      auto check = db.Prepare("PRAGMA integrity_check");
      ASSERT_TRUE(check.Step());
      EXPECT_EQ(check.Text(0), "ok");
    }
    const std::string dump = test::DumpDatabase(cli.DatabasePath(), masked_columns);
    const bool is_after = dump == ref().after;
    ASSERT_TRUE(is_after || dump == ref().before) << "neither before nor after; the dump begins:\n"
                                                  << dump.substr(0, 2000);
    if (present) {
      EXPECT_EQ(is_after, *present) << (is_after ? "present" : "absent");
    }
    EXPECT_EQ(Status(cli), is_after ? ref().status_after : ref().status_before);
    const process::ProcessResult again = cli.Run({"import", "second.nessus"});
    ASSERT_EQ(again.exit_code, 0) << again.err;
    EXPECT_NE(again.out.find(is_after ? "already imported as scan 2" : "imported as scan 2"),
              std::string::npos)
        << again.out;
    EXPECT_EQ(test::DumpDatabase(cli.DatabasePath(), masked_columns), ref().after);
    ++(is_after ? present_ : absent_);
  }

  static Reference* shared_reference;
  int present_ = 0;
  int absent_ = 0;
};

Reference* ImportFaultTest::shared_reference = nullptr;

// The kill points: every phase that occurs once, and the first, middle and last occurrence of
// each repeated one within each region (hosts, writes spilled during the parse, exposures
// recomputed, writes of the COMMIT, checkpoint writes at close), plus the COMMIT's last two
// writes, where present turns from absent.
std::vector<std::size_t> KillPoints(const Reference& ref) {
  std::map<std::pair<std::string, std::string>, std::vector<std::size_t>> by_kind;
  for (std::size_t i = 0; i < ref.phases.size(); ++i) {
    by_kind[{Region(ref, i), ref.phases[i]}].push_back(i);
  }
  std::set<std::size_t> points = {ref.last_commit_write - 1, ref.last_commit_write};
  for (const auto& [kind, indexes] : by_kind) {
    points.insert(indexes.front());
    points.insert(indexes[indexes.size() / 2]);
    points.insert(indexes.back());
  }
  return {points.begin(), points.end()};
}

TEST_F(ImportFaultTest, KillHeldAtEachPhaseLeavesTheScanWhollyPresentOrWhollyAbsent) {
  // The reference must show the pages spilling before the COMMIT, or the small cache did not
  // do what this test relies on.
  const auto spilled =
      std::find(ref().phases.begin() + static_cast<long>(ref().IndexOf("parse")),
                ref().phases.begin() + static_cast<long>(ref().IndexOf("commit")), "wal-write");
  EXPECT_NE(spilled, ref().phases.begin() + static_cast<long>(ref().IndexOf("commit")))
      << "no page was written to the write-ahead log before the COMMIT";

  std::set<std::string> killed_at;
  std::set<std::string> regions;
  for (const std::size_t point : KillPoints(ref())) {
    const std::string where = "killed at phase #" + std::to_string(point) + " '" +
                              ref().phases[point] + "' (" + Region(ref(), point) + ")";
    test::TempDir dir;
    const auto cli = Fresh(dir);
    PhaseChannel channel;
    auto child = cli->Start({"import", "second.nessus"},
                            {kSmallPageCache, PhaseChannel::Environment(PhaseChannel::Mode::kStep)},
                            channel.child_fd());
    channel.ChildStarted();
    // Step the child to the point; it waits there, inside whatever it was doing, for the kill.
    for (std::size_t i = 0; i <= point; ++i) {
      const std::optional<std::string> phase = channel.Next();
      ASSERT_TRUE(phase) << where << ": the import stopped reporting at phase #" << i
                         << (channel.timed_out() ? " (timed out)" : "");
      ASSERT_EQ(*phase, ref().phases[i]) << where << ": phase #" << i << " differs from the "
                                         << "clean run's, so the kill point is not known";
      if (i < point) channel.Go();
    }
    ASSERT_TRUE(child->Signal(SIGKILL)) << where;
    const process::ProcessResult killed = child->Wait(std::chrono::seconds(30));
    ASSERT_EQ(killed.exit_code, kKilled) << where << ": " << killed.err;
    killed_at.insert(ref().phases[point]);
    regions.insert(Region(ref(), point));
    CheckAfterKill(*cli, point > ref().last_commit_write, where);
    if (HasFatalFailure()) return;
  }
  // Every kind of phase the clean import passes was struck at least once.
  EXPECT_EQ(killed_at, std::set<std::string>(ref().phases.begin(), ref().phases.end()));
  EXPECT_EQ(regions, (std::set<std::string>{"before the parse", "parse", "recomputation", "COMMIT",
                                            "after the COMMIT"}));
  EXPECT_GT(present_, 0);
  EXPECT_GT(absent_, 0);
}

TEST_F(ImportFaultTest, KillWhileRunningFreelyLeavesTheScanWhollyPresentOrWhollyAbsent) {
  // Unstepped: the child runs at full speed and the kill lands wherever it is by then, inside a
  // write, between two statements, during the checkpoint. The test sends it as soon as it reads
  // a target phase and learns where it struck from the last phase the child reported.
  constexpr int kRounds = 16;
  std::set<std::string> regions;
  for (int round = 0; round < kRounds; ++round) {
    const std::size_t target = ref().phases.size() * static_cast<std::size_t>(round) / kRounds;
    test::TempDir dir;
    const auto cli = Fresh(dir);
    PhaseChannel channel;
    auto child =
        cli->Start({"import", "second.nessus"},
                   {kSmallPageCache, PhaseChannel::Environment(PhaseChannel::Mode::kStream)},
                   channel.child_fd());
    channel.ChildStarted();
    while (channel.seen().size() <= target && channel.Next()) {
    }
    child->Signal(SIGKILL);
    const process::ProcessResult ended = child->Wait(std::chrono::seconds(30));
    while (channel.Next()) {
    }
    const std::size_t last = channel.seen().size() - 1;
    ASSERT_LT(last, ref().phases.size());
    const std::string where = "killed after phase #" + std::to_string(last) + " '" +
                              channel.seen().back() + "' (" + Region(ref(), last) + ")";
    // A child that finished before the signal arrived exits 0, which is fine; any other exit
    // is a failure of the import, not a kill.
    ASSERT_TRUE(ended.exit_code == kKilled || ended.exit_code == 0)
        << where << ": exit " << ended.exit_code << ": " << ended.err;
    regions.insert(Region(ref(), last));
    std::optional<bool> present;
    if (last < ref().last_commit_write) present = false;
    if (last > ref().last_commit_write) present = true;
    CheckAfterKill(*cli, present, where);
    if (HasFatalFailure()) return;
  }
  // The spread of targets reaches the parse and the rest of the import.
  EXPECT_TRUE(regions.count("parse")) << "no kill landed in the parse";
  EXPECT_GE(regions.size(), 3u);
}

}  // namespace
}  // namespace ttmtrack
