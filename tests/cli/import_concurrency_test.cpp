// Several real `ttmtrack` processes on one database file (docs/cli.md, exit code 75): two
// imports at once, an import held inside its transaction while a second waits out the busy
// timeout, and a report written while an import is held in its recomputation and inside its
// COMMIT. Each process finishes, or exits 75 and succeeds on retry; the file stays intact; every
// scan is stored once; a reader sees the database as it was before the import it ran beside.
// Imports are held at a known point with the phase markers (cli/test_hooks.hpp), not with
// sleeps. Labelled slow (one test waits out the 5 s busy timeout).
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "db/sqlite/database.hpp"
#include "db/sqlite/statement.hpp"
#include "tests/cli/two_scans.hpp"
#include "tests/support/phase_channel.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/support/ttmtrack_cli.hpp"

namespace ttmtrack {
namespace {

using nlohmann::json;
using test::PhaseChannel;

constexpr int kBusy = 75;
const std::string kGeneratedAt = "2026-03-01T00:00:00Z";

// Every file under `dir` by relative path, with its bytes.
std::map<std::string, std::string> Files(const std::filesystem::path& dir) {
  std::map<std::string, std::string> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file()) {
      files[std::filesystem::relative(entry.path(), dir).string()] =
          test::ReadFileBytes(entry.path());
    }
  }
  return files;
}

class ImportConcurrencyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_NO_FATAL_FAILURE(test::WriteTwoScans(dir_.path(), 200));
    ASSERT_NO_FATAL_FAILURE(test::GenerateExport(
        dir_.path() / "third.nessus.gz",
        {"nessus", "--gzip", "--hosts", "200", "--results-per-host", "10", "--detect-every", "5",
         "--seed", "3", "--time", "2026-03-02T10:00:00Z"}));
    std::filesystem::copy_file(dir_.path() / "baseline.db", dir_.path() / "t.db");
  }

  // Imports `file`, retrying while it exits 75 (busy); fails on any other exit code.
  void ImportRetryingWhileBusy(const std::string& file) {
    for (int attempt = 1;; ++attempt) {
      const process::ProcessResult r = cli_.Run({"import", file});
      if (r.exit_code == 0) return;
      ASSERT_EQ(r.exit_code, kBusy) << file << ": " << r.err;
      ASSERT_LT(attempt, 5) << file << " stayed busy";
    }
  }

  void ExpectIntactWithEachScanOnce(std::size_t scans) {
    {
      db::sqlite::Database db(cli_.DatabasePath(), db::sqlite::Database::Mode::kReadWrite);
      auto check = db.Prepare("PRAGMA integrity_check");
      ASSERT_TRUE(check.Step());
      EXPECT_EQ(check.Text(0), "ok");
    }
    const json listed = cli_.Json({"scans", "--format", "json"}).value_or(json::array());
    std::set<std::string> sha256s;
    for (const json& scan : listed) sha256s.insert(scan.value("sha256", ""));
    EXPECT_EQ(listed.size(), scans) << listed.dump(1);
    EXPECT_EQ(sha256s.size(), scans) << "a scan is stored twice";
  }

  // `status` of the same scans imported one after the other into a fresh copy of the baseline:
  // states do not depend on the order of imports (docs/verification.md).
  json SerialStatus(const std::vector<std::string>& files) {
    std::filesystem::copy_file(dir_.path() / "baseline.db", dir_.path() / "serial.db");
    const test::TtmtrackCli serial(dir_.path(), "serial.db");
    for (const std::string& file : files) {
      const process::ProcessResult r = serial.Run({"import", file});
      EXPECT_EQ(r.exit_code, 0) << r.err;
    }
    return serial.Json({"status", "--format", "json"}).value_or(json());
  }

  // Starts `import FILE` in step mode and holds it at the first phase called `phase`.
  std::unique_ptr<process::ChildProcess> StartHeldAt(const std::string& file,
                                                     const std::string& phase,
                                                     PhaseChannel& channel) {
    auto child =
        cli_.Start({"import", file}, {PhaseChannel::Environment(PhaseChannel::Mode::kStep)},
                   channel.child_fd());
    channel.ChildStarted();
    for (std::optional<std::string> seen; (seen = channel.Next());) {
      if (*seen == phase) return child;
      channel.Go();
    }
    ADD_FAILURE() << "the import of " << file << " never reached phase " << phase;
    return child;
  }

  test::TempDir dir_;
  test::TtmtrackCli cli_{dir_.path()};
};

TEST_F(ImportConcurrencyTest, TwoImportsAndAReportAtOnceEachFinishOrAreBusyAndSucceedOnRetry) {
  for (int round = 0; round < 3; ++round) {
    SCOPED_TRACE("round " + std::to_string(round));
    std::filesystem::remove(cli_.DatabasePath());
    std::filesystem::copy_file(dir_.path() / "baseline.db", cli_.DatabasePath());
    auto second = cli_.Start({"import", "second.nessus"});
    auto third = cli_.Start({"import", "third.nessus.gz"});
    auto report = cli_.Start({"report", "--out", "report-" + std::to_string(round)});
    const process::ProcessResult second_done = second->Wait(std::chrono::minutes(2));
    const process::ProcessResult third_done = third->Wait(std::chrono::minutes(2));
    const process::ProcessResult report_done = report->Wait(std::chrono::minutes(2));
    for (const process::ProcessResult* r : {&second_done, &third_done, &report_done}) {
      EXPECT_TRUE(r->exit_code == 0 || r->exit_code == kBusy)
          << "exit " << r->exit_code << ": " << r->err;
    }
    if (second_done.exit_code == kBusy) ImportRetryingWhileBusy("second.nessus");
    if (third_done.exit_code == kBusy) ImportRetryingWhileBusy("third.nessus.gz");
    ExpectIntactWithEachScanOnce(3);
    EXPECT_EQ(cli_.Json({"status", "--format", "json"}).value_or(json()),
              SerialStatus({"second.nessus", "third.nessus.gz"}));
    std::filesystem::remove(dir_.path() / "serial.db");
  }
}

TEST_F(ImportConcurrencyTest, ASecondImportWaitsForTheFirstThenExitsBusyAndSucceedsOnRetry) {
  PhaseChannel channel;
  // Held after its spilled writes, in the recomputation: it holds the write lock.
  auto first = StartHeldAt("second.nessus", "recompute", channel);
  ASSERT_FALSE(HasFailure());
  const process::ProcessResult blocked = cli_.Run({"import", "third.nessus.gz"});
  EXPECT_EQ(blocked.exit_code, kBusy) << blocked.err;
  EXPECT_NE(blocked.err.find("database is locked"), std::string::npos) << blocked.err;
  // The held import was not disturbed: let it run on.
  channel.Release();
  const process::ProcessResult first_done = first->Wait(std::chrono::minutes(2));
  ASSERT_EQ(first_done.exit_code, 0) << first_done.err;
  ASSERT_NO_FATAL_FAILURE(ImportRetryingWhileBusy("third.nessus.gz"));
  ExpectIntactWithEachScanOnce(3);
  EXPECT_EQ(cli_.Json({"status", "--format", "json"}).value_or(json()),
            SerialStatus({"second.nessus", "third.nessus.gz"}));
}

TEST_F(ImportConcurrencyTest, AReportBesideAHeldImportShowsTheDatabaseBeforeTheImport) {
  const std::vector<std::string> report = {"report",         "--format",   "json",
                                           "--generated-at", kGeneratedAt, "--out"};
  auto with_out = [&](const std::string& out) {
    std::vector<std::string> args = report;
    args.push_back(out);
    return args;
  };
  ASSERT_EQ(test::TtmtrackCli(dir_.path(), "baseline.db").Run(with_out("before")).exit_code, 0);
  const auto before = Files(dir_.path() / "before");
  ASSERT_FALSE(before.empty());
  // In the recomputation, and inside the COMMIT (SQLite's commit hook, before its pages are
  // written): a reader is never blocked and never sees a half-written import.
  for (const std::string phase : {"recompute:exposure", "commit:hook"}) {
    SCOPED_TRACE(phase);
    std::filesystem::remove(cli_.DatabasePath());
    std::filesystem::copy_file(dir_.path() / "baseline.db", cli_.DatabasePath());
    PhaseChannel channel;
    auto import = StartHeldAt("second.nessus", phase, channel);
    ASSERT_FALSE(HasFailure());
    const std::string out = "beside-" + phase.substr(0, phase.find(':'));
    const process::ProcessResult beside = cli_.Run(with_out(out));
    ASSERT_EQ(beside.exit_code, 0) << beside.err;
    EXPECT_EQ(Files(dir_.path() / out), before) << "the report saw part of the import";
    channel.Release();
    const process::ProcessResult done = import->Wait(std::chrono::minutes(2));
    ASSERT_EQ(done.exit_code, 0) << done.err;
    ExpectIntactWithEachScanOnce(2);
    EXPECT_EQ(cli_.Json({"status", "--format", "json"}).value_or(json()),
              SerialStatus({"second.nessus"}));
    std::filesystem::remove(dir_.path() / "serial.db");
  }
}

}  // namespace
}  // namespace ttmtrack
