// `ttmtrack run`, `import --from` and the config file end to end: the real binary in a temporary
// folder with a config file, the bundled samples in its drop folder, and real receivers for the
// notifications.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <thread>

#include <Poco/Net/QuotedPrintableDecoder.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sys/stat.h>

#include "cli/cli_app.hpp"
#include "cli/journal_stream.hpp"
#include "cli/spool/run_lock.hpp"
#include "tests/cli/receivers/smtp_receiver.hpp"
#include "tests/cli/receivers/webhook_receiver.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/support/ttmtrack_cli.hpp"
#include "tests/support/ttmtrack_gen.hpp"
#include "tools/process/child_process.hpp"

namespace ttmtrack {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using process::ProcessResult;

const fs::path kSamples = fs::path(TTMTRACK_SOURCE_DIR) / "samples" / "scans";

class RunCommandTest : public ::testing::Test {
 protected:
  RunCommandTest() { fs::create_directories(dir_.path() / "incoming"); }

  // ttmtrack.conf in the temporary folder: these lines after the drop-folder basics.
  void Config(const std::string& extra = "") {
    std::ofstream(dir_.File("ttmtrack.conf")) << "# written by the test\n"
                                                 "database = t.db\n"
                                                 "spool.incoming = incoming\n"
                                                 "spool.done = done\n"
                                                 "spool.failed = failed\n"
                                                 "report.folder = report\n"
                                              << extra;
  }

  // ttmtrack in the folder with its config file (a test's own TTMTRACK_CONFIG or TTMTRACK_DB
  // replaces it), no --db: the config's database is the one used.
  ProcessResult Ttmtrack(const std::vector<std::string>& args, std::vector<std::string> env = {}) {
    const bool names_config = std::any_of(env.begin(), env.end(), [](const std::string& e) {
      return e.rfind("TTMTRACK_CONFIG=", 0) == 0;
    });
    if (!names_config) env.push_back("TTMTRACK_CONFIG=" + dir_.File("ttmtrack.conf"));
    env.emplace_back("JOURNAL_STREAM=");
    return test::TtmtrackCli(dir_.path(), "").Run(args, env);
  }

  // A file dropped ten minutes ago (settled).
  void Drop(const std::string& name, const std::string& content) {
    const fs::path path = dir_.path() / "incoming" / name;
    std::ofstream(path, std::ios::binary) << content;
    fs::last_write_time(path, fs::file_time_type::clock::now() - std::chrono::minutes(10));
  }
  void DropSamples() {
    for (const auto& entry : fs::directory_iterator(kSamples)) {
      Drop(entry.path().filename().string(), test::ReadFileBytes(entry.path()));
    }
  }
  std::string Generate(const std::vector<std::string>& args) {
    return test::ReadFileBytes(test::GenerateExport(dir_.File("generated"), args));
  }

  std::size_t Count(const std::string& folder) {
    std::error_code ec;
    if (!fs::exists(dir_.path() / folder, ec)) return 0;
    return static_cast<std::size_t>(
        std::distance(fs::directory_iterator(dir_.path() / folder), fs::directory_iterator()));
  }

  test::TempDir dir_;
};

TEST_F(RunCommandTest, ImportsTheSamplesWritesTheReportAndPrintsTheSummary) {
  Config();
  DropSamples();
  const ProcessResult run = Ttmtrack({"run"});
  ASSERT_EQ(run.exit_code, 0) << run.err << run.out;
  // One line per file on stderr, in scan order, then the summary block on stdout.
  std::istringstream lines(run.err);
  std::vector<std::string> per_file;
  for (std::string line; std::getline(lines, line);) per_file.push_back(line);
  ASSERT_EQ(per_file.size(), 4u) << run.err;
  EXPECT_EQ(per_file[0].rfind("2026-01-12-trading-nessus.nessus: imported as scan 1", 0), 0u);
  EXPECT_NE(per_file[3].find("moved to done/2026-03-16-trading-nessus.nessus"), std::string::npos);
  EXPECT_NE(run.out.find("files:         4 imported, 0 skipped (0 already imported, 0 still being "
                         "written), 0 failed"),
            std::string::npos)
      << run.out;
  EXPECT_NE(run.out.find("exposures:     4 new, 0 still open, 0 verified fixed, 0 reopened, 0 "
                         "not covered"),
            std::string::npos)
      << run.out;
  EXPECT_NE(run.out.find("report:        report (4 host pages)"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("exit code:     0"), std::string::npos);
  EXPECT_TRUE(fs::exists(dir_.path() / "report" / "index.html"));
  EXPECT_EQ(Count("report/hosts"), 4u);
  EXPECT_EQ(Count("done"), 4u);
  EXPECT_EQ(Count("incoming"), 0u);
  EXPECT_EQ(Count("failed"), 0u);
  EXPECT_TRUE(fs::exists(dir_.path() / "t.db.lock"));

  // Nothing new: a quiet second run.
  const ProcessResult again = Ttmtrack({"run", "--format", "json"});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  const json summary = json::parse(again.out);
  EXPECT_EQ(summary["files"]["imported"], 0);
  EXPECT_EQ(summary["exposures"]["still_open"], 2);  // 10200 open, 5010 on trd-gw-01 reopened
  EXPECT_EQ(summary["exposures"]["still_fixed"], 2);
  EXPECT_EQ(summary["exposures"]["not_covered"], 0);
  EXPECT_EQ(summary["exit_code"], 0);
}

TEST_F(RunCommandTest, JsonSummaryHasEveryPart) {
  Config();
  Drop("jan.nessus", test::ReadFileBytes(kSamples / "2026-01-12-trading-nessus.nessus"));
  Drop("bad.nessus", "<NessusClientData_v2>");
  std::ofstream(dir_.path() / "incoming" / "fresh.nessus") << "being written";
  const ProcessResult run = Ttmtrack({"run", "--format", "json"});
  EXPECT_EQ(run.exit_code, 65) << run.err;
  const json s = json::parse(run.out);
  EXPECT_EQ(s["database"], "t.db");
  EXPECT_EQ(s["drop_folder"], "incoming");
  EXPECT_EQ(s["files"], json::parse(R"({"imported":1,"skipped":1,"failed":1,
                                        "already_imported":0,"waiting":1,"kept":0})"));
  ASSERT_EQ(s["file_results"].size(), 3u);
  EXPECT_EQ(s["file_results"][2]["file"], "fresh.nessus");
  EXPECT_EQ(s["file_results"][2]["status"], "waiting");
  EXPECT_EQ(s["exposures"]["new"], 3);
  EXPECT_EQ(s["new_exposures"].size(), 3u);
  EXPECT_EQ(s["new_exposures"][0]["ip"], "10.40.8.11");
  EXPECT_TRUE(s["dropped_out_hosts"].is_array());
  EXPECT_EQ(s["report"]["written"], true);
  EXPECT_EQ(s["notifications"], json::array());
  EXPECT_EQ(s["exit_code"], 65);
  EXPECT_TRUE(fs::exists(dir_.path() / "failed" / "bad.nessus.error"));
  EXPECT_TRUE(fs::exists(dir_.path() / "incoming" / "fresh.nessus"));
}

TEST_F(RunCommandTest, ASecondRunIsBusyWhileTheFirstHoldsTheLock) {
  Config();
  DropSamples();
  std::optional<cli::RunLock> held(std::in_place, dir_.File("t.db.lock"), std::chrono::seconds(0));
  const ProcessResult busy = Ttmtrack({"run"});
  EXPECT_EQ(busy.exit_code, 75) << busy.err;
  EXPECT_NE(busy.err.find("another ttmtrack run or import --from"), std::string::npos) << busy.err;
  EXPECT_EQ(Count("incoming"), 4u);
  EXPECT_FALSE(fs::exists(dir_.path() / "t.db"));
  EXPECT_EQ(Ttmtrack({"import", "--from", "incoming"}).exit_code, 75);

  // With a lock timeout, the run waits for the holder instead.
  std::thread release([&held] {
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    held.reset();
  });
  const ProcessResult waited = Ttmtrack({"run", "--lock-timeout", "30"});
  release.join();
  EXPECT_EQ(waited.exit_code, 0) << waited.err;
  EXPECT_EQ(Count("done"), 4u);
}

TEST_F(RunCommandTest, ABadConfigFileStopsEveryCommandWithExit78) {
  Config("spool.settle-seconds = 60\nnotify.webhok.url = http://127.0.0.1/\n");
  DropSamples();
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"run"}, {"status"}, {"import", "--from", "incoming"}}) {
    const ProcessResult result = Ttmtrack(args);
    EXPECT_EQ(result.exit_code, 78) << args[0];
    EXPECT_NE(result.err.find("ttmtrack.conf:8: unknown key \"notify.webhok.url\" (did you "
                              "mean \"notify.webhook.url\"?)"),
              std::string::npos)
        << result.err;
  }
  EXPECT_EQ(Count("incoming"), 4u);
  EXPECT_FALSE(fs::exists(dir_.path() / "t.db"));

  std::ofstream(dir_.File("ttmtrack.conf")) << "database = t.db\n";
  const ProcessResult no_drop_folder = Ttmtrack({"run"});
  EXPECT_EQ(no_drop_folder.exit_code, 78);
  EXPECT_NE(no_drop_folder.err.find("run needs a drop folder"), std::string::npos);
}

TEST_F(RunCommandTest, CommandLineBeatsEnvironmentBeatsFileBeatsDefault) {
  Config();
  const std::string jan = (kSamples / "2026-01-12-trading-nessus.nessus").string();
  ASSERT_EQ(Ttmtrack({"import", jan}).exit_code, 0);
  EXPECT_TRUE(fs::exists(dir_.path() / "t.db"));  // file
  ASSERT_EQ(Ttmtrack({"import", jan}, {"TTMTRACK_DB=env.db"}).exit_code, 0);
  EXPECT_TRUE(fs::exists(dir_.path() / "env.db"));  // environment over file
  ASSERT_EQ(Ttmtrack({"--db", "flag.db", "import", jan}, {"TTMTRACK_DB=env.db"}).exit_code, 0);
  EXPECT_TRUE(fs::exists(dir_.path() / "flag.db"));  // command line over environment
  ASSERT_EQ(Ttmtrack({"import", jan}, {"TTMTRACK_CONFIG=/dev/null"}).exit_code, 0);
  EXPECT_TRUE(fs::exists(dir_.path() / "ttmtrack.db"));  // built-in default

  const ProcessResult check =
      Ttmtrack({"config", "check", "--format", "json"}, {"TTMTRACK_SPOOL_SETTLE_SECONDS=5"});
  ASSERT_EQ(check.exit_code, 0) << check.err;
  std::map<std::string, json> keys;
  for (const json& row : json::parse(check.out)) keys[row["key"]] = row;
  EXPECT_EQ(keys["database"]["origin"], "file");
  EXPECT_EQ(keys["database"]["where"], dir_.File("ttmtrack.conf") + ":2");
  EXPECT_EQ(keys["spool.settle-seconds"]["value"], "5");
  EXPECT_EQ(keys["spool.settle-seconds"]["where"], "environment TTMTRACK_SPOOL_SETTLE_SECONDS");
  EXPECT_EQ(keys["lock.timeout-seconds"]["origin"], "default");
}

TEST_F(RunCommandTest, ImportFromMovesFilesAndPrintsOneLineEach) {
  std::ofstream(dir_.File("ttmtrack.conf")) << "database = t.db\n";
  Drop("jan.nessus", test::ReadFileBytes(kSamples / "2026-01-12-trading-nessus.nessus"));
  Drop("bad.nessus", "not xml");
  const ProcessResult result =
      Ttmtrack({"import", "--from", "incoming", "--done", "ok", "--failed", "refused"});
  EXPECT_EQ(result.exit_code, 65);
  EXPECT_NE(result.out.find("jan.nessus: imported as scan 1"), std::string::npos) << result.out;
  EXPECT_NE(result.err.find("bad.nessus: refused: incoming/bad.nessus:1:1:"), std::string::npos)
      << result.err;
  EXPECT_TRUE(fs::exists(dir_.path() / "ok" / "jan.nessus"));
  EXPECT_TRUE(fs::exists(dir_.path() / "refused" / "bad.nessus.error"));

  // Default folders: inside the drop folder.
  Drop("mar.nessus", test::ReadFileBytes(kSamples / "2026-03-16-trading-nessus.nessus"));
  const ProcessResult json_run = Ttmtrack({"import", "--from", "incoming", "--format", "json"});
  ASSERT_EQ(json_run.exit_code, 0) << json_run.err;
  const json files = json::parse(json_run.out);
  ASSERT_EQ(files.size(), 1u);
  EXPECT_EQ(files[0]["moved_to"], "incoming/done/mar.nessus");
  EXPECT_EQ(Ttmtrack({"import", "--done", "x", "a.nessus"}).exit_code, 64);  // --done needs --from
  EXPECT_EQ(Ttmtrack({"import"}).exit_code, 64);
}

TEST_F(RunCommandTest, TheWebhookGetsOneMessageWhenSomethingNeedsAPerson) {
  test::WebhookReceiver receiver;
  Config("notify.webhook.url = " + receiver.url() + "\n");
  DropSamples();
  const ProcessResult run = Ttmtrack({"run"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(
      run.out.find("webhook http://127.0.0.1:" + std::to_string(receiver.port()) + "/...: sent"),
      std::string::npos)
      << run.out;
  EXPECT_EQ(run.out.find("token=secret"), std::string::npos);
  auto requests = receiver.requests();
  ASSERT_EQ(requests.size(), 1u);
  const json body = json::parse(requests[0].body);
  EXPECT_EQ(body["source"], "ttmtrack");
  EXPECT_EQ(body["attention"], json::parse(R"(["4 new exposures"])"));
  EXPECT_EQ(body["run"]["files"]["imported"], 4);
  EXPECT_EQ(body["run"]["new_exposures"].size(), 4u);

  // A quiet run sends nothing; with notify.when = always it sends its summary.
  const ProcessResult quiet = Ttmtrack({"run"});
  EXPECT_EQ(quiet.exit_code, 0);
  EXPECT_NE(quiet.out.find("nothing to report"), std::string::npos) << quiet.out;
  EXPECT_EQ(receiver.requests().size(), 1u);
  Config("notify.webhook.url = " + receiver.url() + "\nnotify.when = always\n");
  EXPECT_EQ(Ttmtrack({"run"}).exit_code, 0);
  requests = receiver.requests();
  ASSERT_EQ(requests.size(), 2u);
  EXPECT_EQ(json::parse(requests[1].body)["attention"], json::array());
}

TEST_F(RunCommandTest, TheEmailGoesOutOnceToEveryRecipient) {
  test::SmtpReceiver receiver({});
  Config(
      "notify.email.to = secops@example.org, network@example.org\n"
      "notify.email.from = ttmtrack@scanner.example.org\n"
      "notify.smtp.host = 127.0.0.1\n"
      "notify.smtp.port = " +
      std::to_string(receiver.port()) + "\nnotify.smtp.tls = none\n");
  DropSamples();
  Drop("bad.nessus", "<x/>");
  const ProcessResult run = Ttmtrack({"run"});
  EXPECT_EQ(run.exit_code, 65) << run.err;
  const auto sessions = receiver.sessions();
  ASSERT_EQ(sessions.size(), 1u);
  EXPECT_EQ(sessions[0].rcpt_to,
            (std::vector<std::string>{"secops@example.org", "network@example.org"}));
  const std::string& data = sessions[0].data;
  EXPECT_NE(data.find("\nSubject: ttmtrack on "), std::string::npos) << data;
  EXPECT_NE(data.find(": 4 new exposures, 1 file refused (moved to failed/)\n"), std::string::npos)
      << data;
  EXPECT_NE(data.find("\nFrom: ttmtrack@scanner.example.org\n"), std::string::npos) << data;
  std::istringstream encoded(data.substr(data.find("\n\n") + 2));
  Poco::Net::QuotedPrintableDecoder decoder(encoded);
  const std::string body(std::istreambuf_iterator<char>(decoder), {});
  EXPECT_NE(body.find("Needs attention:\n  - 4 new exposures\n  - 1 file refused (moved to "
                      "failed/)\n"),
            std::string::npos)
      << body;
  EXPECT_NE(body.find("\nfiles:         4 imported, 0 skipped (0 already imported, 0 still "
                      "being written), 1 failed (in failed)\n"),
            std::string::npos)
      << body;
  EXPECT_EQ(body.find("notification"), std::string::npos);  // not known when it was written
  EXPECT_NE(run.out.find("email secops@example.org, network@example.org: sent"), std::string::npos)
      << run.out;
}

TEST_F(RunCommandTest, AFailedNotificationExits69AndKeepsTheImports) {
  std::uint16_t closed = 0;
  { closed = test::WebhookReceiver().port(); }
  Config("notify.webhook.url = http://127.0.0.1:" + std::to_string(closed) + "/hook\n" +
         "notify.webhook.timeout-seconds = 5\n");
  DropSamples();
  const ProcessResult run = Ttmtrack({"run"});
  EXPECT_EQ(run.exit_code, 69) << run.err << run.out;
  EXPECT_NE(run.out.find("FAILED"), std::string::npos) << run.out;
  EXPECT_EQ(Count("done"), 4u);
  const ProcessResult status = Ttmtrack({"status", "--format", "json"});
  ASSERT_EQ(status.exit_code, 0);
  EXPECT_EQ(json::parse(status.out).size(), 4u);
}

TEST_F(RunCommandTest, HostsThatDroppedOutOfATaskAreReported) {
  test::WebhookReceiver receiver;
  Config("notify.webhook.url = " + receiver.url() + "\n");
  Drop("week1.nessus",
       Generate({"nessus", "--scan-name", "Weekly DMZ", "--time", "2026-01-05T10:00:00Z", "--host",
                 "10.0.0.5:detect=5010", "--host", "10.0.0.6,fqdn=gone.example"}));
  ASSERT_EQ(Ttmtrack({"run"}).exit_code, 0);
  Drop("week2.nessus", Generate({"nessus", "--scan-name", "Weekly DMZ", "--time",
                                 "2026-01-12T10:00:00Z", "--host", "10.0.0.5:detect=5010"}));
  const ProcessResult run = Ttmtrack({"run", "--format", "json"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const json s = json::parse(run.out);
  ASSERT_EQ(s["dropped_out_hosts"].size(), 1u);
  const json& host = s["dropped_out_hosts"][0];
  EXPECT_EQ(host["ip"], "10.0.0.6");
  EXPECT_EQ(host["hostname"], "gone.example");
  EXPECT_EQ(host["scan_name"], "Weekly DMZ");
  EXPECT_EQ(host["last_seen_by"]["file"], "incoming/week1.nessus");
  EXPECT_EQ(host["latest_scan"]["file"], "incoming/week2.nessus");
  EXPECT_EQ(host["new_in_this_run"], true);
  const auto requests = receiver.requests();
  ASSERT_EQ(requests.size(), 2u);  // the first run's new exposure, then the drop-out
  EXPECT_EQ(json::parse(requests[1].body)["attention"],
            json::parse(R"(["1 host dropped out of scanning"])"));
  // Still listed next time, but no longer new: no message.
  const ProcessResult later = Ttmtrack({"run"});
  EXPECT_NE(later.out.find("1 host no longer in their task's latest scan (0 with this run's "
                           "scans)"),
            std::string::npos)
      << later.out;
  EXPECT_EQ(receiver.requests().size(), 2u);
}

TEST_F(RunCommandTest, TheReportFolderIsReplacedAsAWhole) {
  Config();
  fs::create_directories(dir_.path() / "report" / "hosts");
  std::ofstream(dir_.path() / "report" / "stale.html") << "old";
  fs::create_directories(dir_.path() / ".report.new-1");  // left by an interrupted run
  DropSamples();
  ASSERT_EQ(Ttmtrack({"run"}).exit_code, 0);
  EXPECT_TRUE(fs::exists(dir_.path() / "report" / "index.html"));
  EXPECT_FALSE(fs::exists(dir_.path() / "report" / "stale.html"));
  for (const auto& entry : fs::directory_iterator(dir_.path())) {
    EXPECT_NE(entry.path().filename().string().rfind(".report.", 0), 0u) << entry.path();
  }
}

TEST_F(RunCommandTest, PerFileLinesCarryJournalPrioritiesWhenStderrIsTheJournal) {
  // In-process: relative paths would be this test process's, so every path is absolute.
  std::ofstream(dir_.File("journal.conf")) << "database = " << dir_.File("t.db") << "\n"
                                           << "spool.incoming = " << dir_.File("incoming") << "\n";
  Drop("jan.nessus", test::ReadFileBytes(kSamples / "2026-01-12-trading-nessus.nessus"));
  Drop("bad.nessus", "not xml");
  std::ostringstream out;
  std::ostringstream err;
  EXPECT_EQ(cli::RunMain({"--config", dir_.File("journal.conf"), "run"}, out, err, false,
                         /*journal=*/true),
            65);
  std::istringstream lines(err.str());
  std::vector<std::string> got;
  for (std::string line; std::getline(lines, line);) got.push_back(line);
  ASSERT_EQ(got.size(), 2u) << err.str();
  EXPECT_EQ(got[0].rfind("<6>jan.nessus: imported as scan 1", 0), 0u) << got[0];
  EXPECT_EQ(got[1].rfind("<3>bad.nessus: refused: ", 0), 0u) << got[1];
}

TEST(JournalStreamTest, MatchesOnlyTheStreamJournalStreamNames) {
  test::TempDir dir;
  const std::string path = dir.File("stream");
  std::FILE* file = std::fopen(path.c_str(), "w");
  ASSERT_NE(file, nullptr);
  const int fd = fileno(file);
  struct stat st {};
  ASSERT_EQ(fstat(fd, &st), 0);
  setenv("JOURNAL_STREAM", (std::to_string(st.st_dev) + ":" + std::to_string(st.st_ino)).c_str(),
         1);
  EXPECT_TRUE(cli::IsJournalStream(fd));
  setenv("JOURNAL_STREAM", "1:2", 1);
  EXPECT_FALSE(cli::IsJournalStream(fd));
  unsetenv("JOURNAL_STREAM");
  EXPECT_FALSE(cli::IsJournalStream(fd));
  std::fclose(file);
  EXPECT_STREQ(cli::JournalPrefix(true, 3), "<3>");
  EXPECT_STREQ(cli::JournalPrefix(false, 3), "");
}

}  // namespace
}  // namespace ttmtrack
