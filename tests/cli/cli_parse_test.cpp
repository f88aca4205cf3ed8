#include <cstdlib>
#include <sstream>

#include <CLI/CLI.hpp>
#include <gtest/gtest.h>

#include "cli/cli_app.hpp"
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

TEST_F(CliParseTest, DatabaseDefaultsToTheCurrentDirectory) {
  app_.Parse({"scans"});
  EXPECT_EQ(app_.options().db_path, "ttmtrack.db");
}

TEST_F(CliParseTest, EnvironmentVariableChoosesTheDatabase) {
  setenv("TTMTRACK_DB", "/tmp/from-env.db", 1);
  app_.Parse({"scans"});
  EXPECT_EQ(app_.options().db_path, "/tmp/from-env.db");
  unsetenv("TTMTRACK_DB");
}

TEST_F(CliParseTest, DbFlagWinsOverTheEnvironment) {
  setenv("TTMTRACK_DB", "/tmp/from-env.db", 1);
  app_.Parse({"--db", "/tmp/flag.db", "scans"});
  EXPECT_EQ(app_.options().db_path, "/tmp/flag.db");
  unsetenv("TTMTRACK_DB");
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

TEST_F(CliParseTest, MissingCommandIsAUsageError) { EXPECT_EQ(ParseExit({}), exit_code::kUsage); }

TEST_F(CliParseTest, HistoryNeedsAHostAndTakesAPort) {
  EXPECT_EQ(ParseExit({"history"}), exit_code::kUsage);
  app_.Parse({"history", "2001:DB8::1", "--port", "5010"});
  EXPECT_EQ(app_.options().history.host, "2001:DB8::1");
  EXPECT_EQ(app_.options().history.port, 5010);
}

TEST_F(CliParseTest, PortOutOfRangeIsAUsageError) {
  EXPECT_EQ(ParseExit({"history", "10.0.0.5", "--port", "70000"}), exit_code::kUsage);
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

TEST_F(CliParseTest, VersionExitsZero) {
  EXPECT_EQ(ParseExit({"--version"}), exit_code::kOk);
  EXPECT_FALSE(out_.str().empty());
}

}  // namespace
}  // namespace ttmtrack::cli
