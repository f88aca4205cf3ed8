#include <cstdlib>
#include <sstream>

#include <CLI/CLI.hpp>
#include <gtest/gtest.h>

#include "cli/cli_app.hpp"
#include "cli/help_formatter.hpp"
#include "core/error.hpp"

namespace ttmtrack::cli {
namespace {

// In-process parse tests on argument vectors (CLI11's own TApp style): no database, no files.
class CliParseTest : public ::testing::Test {
 protected:
  void SetUp() override { unsetenv("TTMTRACK_DB"); }

  int ParseExit(std::vector<std::string> args) {
    try {
      app_.Parse(std::move(args));
      return -1;
    } catch (const CLI::ParseError& error) {
      return app_.Exit(error, out_, err_);
    }
  }

  CliApp app_;
  std::ostringstream out_;
  std::ostringstream err_;
};

// Parsing only records --db and --config; the config file, $TTMTRACK_DB and the default are
// applied when the command runs (config_test.cpp, run_command_test.cpp: precedence).
TEST_F(CliParseTest, DatabaseAndConfigFlagsAreOptional) {
  app_.Parse({"scans"});
  EXPECT_EQ(app_.options().db_path, std::nullopt);
  EXPECT_EQ(app_.options().config_file, std::nullopt);
}

TEST_F(CliParseTest, DbAndConfigFlagsAreRecorded) {
  app_.Parse({"--db", "/tmp/flag.db", "--config", "/tmp/t.conf", "scans"});
  EXPECT_EQ(app_.options().db_path, "/tmp/flag.db");
  EXPECT_EQ(app_.options().config_file, "/tmp/t.conf");
}

TEST_F(CliParseTest, RunAndImportFromTakeTheirOptions) {
  app_.Parse(
      {"run", "--format", "json", "--settle-seconds", "0", "--lock-timeout", "30", "--no-notify"});
  EXPECT_EQ(app_.options().run.format, "json");
  EXPECT_EQ(app_.options().run.settle_seconds, 0);
  EXPECT_EQ(app_.options().run.lock_timeout_seconds, 30);
  EXPECT_TRUE(app_.options().run.no_notify);
  EXPECT_FALSE(app_.options().run.no_report);
  CliApp other;
  other.Parse({"import", "--from", "in", "--done", "d", "--failed", "f"});
  EXPECT_EQ(other.options().import.from, "in");
  EXPECT_EQ(other.options().import.done, "d");
  EXPECT_EQ(other.options().import.failed, "f");
  EXPECT_EQ(ParseExit({"import", "--from", "in", "a.nessus"}), exit_code::kUsage);
  EXPECT_EQ(ParseExit({"run", "--format", "csv"}), exit_code::kUsage);
}

TEST_F(CliParseTest, ImportTakesSeveralFiles) {
  app_.Parse({"import", "a.nessus", "b.xml.gz"});
  EXPECT_EQ(app_.options().import.files, (std::vector<std::string>{"a.nessus", "b.xml.gz"}));
}

TEST_F(CliParseTest, StatusFiltersAndFormat) {
  app_.Parse({"status", "--state", "fixed", "--host", "10.0.0.5", "--format", "json"});
  EXPECT_EQ(app_.options().status.state, "fixed");
  EXPECT_EQ(app_.options().status.host, "10.0.0.5");
  EXPECT_EQ(app_.options().status.format, OutputFormat::kJson);
}

TEST_F(CliParseTest, UnknownStateIsAUsageError) {
  EXPECT_EQ(ParseExit({"status", "--state", "closed"}), exit_code::kUsage);
  EXPECT_NE(err_.str().find("closed"), std::string::npos);
}

TEST_F(CliParseTest, UnknownFormatIsAUsageError) {
  EXPECT_EQ(ParseExit({"scans", "--format", "xml"}), exit_code::kUsage);
}

// Issue 15, item 8: the choices come from core::EnumTexts<OutputFormat>; a number is no format.
TEST_F(CliParseTest, FormatTakesOnlyItsNamesAndSaysThemInOneLine) {
  EXPECT_EQ(ParseExit({"scans", "--format", "1"}), exit_code::kUsage);
  const std::string error = err_.str();
  EXPECT_EQ(error.substr(0, error.find('\n')),
            "ttmtrack: --format: '1' is not one of table|json|csv");
  EXPECT_EQ(error.find("ENUM"), std::string::npos) << error;
  CliApp upper;
  upper.Parse({"status", "--format", "JSON"});
  EXPECT_EQ(upper.options().status.format, OutputFormat::kJson);
}

TEST_F(CliParseTest, ImportRefusesCsv) {
  EXPECT_EQ(ParseExit({"import", "--format", "csv", "a.nessus"}), exit_code::kUsage);
  EXPECT_NE(err_.str().find("'csv' is not one of table|json"), std::string::npos) << err_.str();
}

TEST_F(CliParseTest, HelpShowsTheFormatChoices) {
  EXPECT_EQ(ParseExit({"status", "--help"}), exit_code::kOk);
  EXPECT_NE(out_.str().find("--format table|json|csv"), std::string::npos) << out_.str();
  EXPECT_EQ(out_.str().find("ENUM"), std::string::npos) << out_.str();
}

TEST_F(CliParseTest, UnknownCommandNamesTheNearest) {
  EXPECT_EQ(ParseExit({"--db", "x.db", "histroy", "10.0.0.5"}), exit_code::kUsage);
  EXPECT_NE(err_.str().find("unknown command 'histroy' (did you mean 'history'?)"),
            std::string::npos)
      << err_.str();
  EXPECT_EQ(NearestName("frobnicate", {"status", "scans"}), "");
}

TEST_F(CliParseTest, MissingCommandIsAUsageError) { EXPECT_EQ(ParseExit({}), exit_code::kUsage); }

TEST_F(CliParseTest, HistoryNeedsAHostAndTakesAPort) {
  EXPECT_EQ(ParseExit({"history"}), exit_code::kUsage);
  app_.Parse({"history", "2001:DB8::1", "--port", "5010"});
  EXPECT_EQ(app_.options().history.host, "2001:DB8::1");
  EXPECT_EQ(app_.options().history.port, 5010);
}

TEST_F(CliParseTest, PortOutOfRangeIsAUsageErrorThatSaysTheRange) {
  EXPECT_EQ(ParseExit({"history", "10.0.0.5", "--port", "70000"}), exit_code::kUsage);
  EXPECT_NE(err_.str().find("--port: Value 70000 not in range 1 to 65535"), std::string::npos)
      << err_.str();
  EXPECT_EQ(ParseExit({"detections", "--port", "0"}), exit_code::kUsage);
}

TEST_F(CliParseTest, RulesAddTakesExactlyOneKind) {
  app_.Parse({"rules", "add", "--nessus-id", "123456", "--note", "vendor plugin"});
  EXPECT_EQ(app_.options().rules.action, RulesOptions::Action::kAdd);
  EXPECT_EQ(app_.options().rules.nessus_id, "123456");
  EXPECT_EQ(app_.options().rules.note, "vendor plugin");
}

TEST_F(CliParseTest, RulesAddRejectsTwoKinds) {
  EXPECT_EQ(ParseExit({"rules", "add", "--nessus-id", "1", "--oid", "1.2.3"}), exit_code::kUsage);
}

TEST_F(CliParseTest, RulesAddOid) {
  app_.Parse({"rules", "add", "--oid", "1.3.6.1.4.1.32473.9.9"});
  EXPECT_EQ(app_.options().rules.oid, "1.3.6.1.4.1.32473.9.9");
}

TEST_F(CliParseTest, HelpExitsZeroAndDocumentsExitCodes) {
  EXPECT_EQ(ParseExit({"--help"}), exit_code::kOk);
  const std::string help = out_.str();
  for (const char* needle :
       {"import", "status", "history", "rules", "TTMTRACK_DB", "65", "66", "75", "Exit codes"}) {
    EXPECT_NE(help.find(needle), std::string::npos) << needle;
  }
}

// Issue 15, item 11: one short line per command, wrapped to the terminal, exit codes once.
TEST_F(CliParseTest, OverviewHasOneShortLinePerCommandWithinTheWidth) {
  setenv("COLUMNS", "80", 1);
  CliApp app;
  std::ostringstream out;
  std::ostringstream err;
  try {
    app.Parse({"--help"});
  } catch (const CLI::ParseError& error) {
    EXPECT_EQ(app.Exit(error, out, err), exit_code::kOk);
  }
  std::istringstream lines(out.str());
  for (std::string line; std::getline(lines, line);) {
    EXPECT_LE(line.size(), 80u) << line;
    if (line.rfind("  import ", 0) == 0) {
      EXPECT_EQ(line.find("transaction"), std::string::npos) << "long text in the overview";
    }
  }
  std::ostringstream import_help;
  CliApp import_app;
  try {
    import_app.Parse({"import", "--help"});
  } catch (const CLI::ParseError& error) {
    import_app.Exit(error, import_help, err);
  }
  EXPECT_NE(import_help.str().find("transaction"), std::string::npos);
  EXPECT_EQ(import_help.str().find("Exit codes:"), std::string::npos) << "listed once, in --help";
  unsetenv("COLUMNS");
}

TEST_F(CliParseTest, VersionExitsZero) {
  EXPECT_EQ(ParseExit({"--version"}), exit_code::kOk);
  EXPECT_FALSE(out_.str().empty());
}

}  // namespace
}  // namespace ttmtrack::cli
