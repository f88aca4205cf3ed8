#include "nasl/runner/command_line.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sys/wait.h>

#include "tests/support/temp_dir.hpp"

namespace ttmtrack::nasl::runner {
namespace {

namespace fs = std::filesystem;

struct CommandRun {
  int code;
  std::string out;
  std::string err;
};

CommandRun Command(const std::vector<std::string>& args) {
  std::ostringstream out;
  std::ostringstream err;
  const int code = RunCommandLine(args, out, err);
  return {code, out.str(), err.str()};
}

class CommandLineTest : public ::testing::Test {
 protected:
  std::string Write(const std::string& name, const std::string& text) {
    const fs::path p = dir_.path() / name;
    std::ofstream(p) << text;
    return p.string();
  }

  test::TempDir dir_;
};

const char* const kPlugin =
    "if (description) { script_oid(\"1.2.3\"); script_name(\"cli\");\n"
    "script_tag(name:\"cvss_base_vector\", value:\"AV:N\"); script_require_ports(5010);"
    " exit(0); }\n"
    "log_message(port:get_kb_item(\"Ports/tcp/5010\") + 5009, data:script_get_preference(\"P\"));";

TEST_F(CommandLineTest, CheckAcceptsValidFiles) {
  const auto a = Write("a.nasl", "x = 1;\n");
  const auto b = Write("b.nasl", "if (x) { y = 2; }\n");
  const CommandRun r = Command({"check", a, b});
  EXPECT_EQ(r.code, 0);
  EXPECT_EQ(r.err, "");
}

TEST_F(CommandLineTest, CheckPrintsEveryFailingFileWithLineAndColumn) {
  const auto good = Write("good.nasl", "x = 1;\n");
  const auto bad = Write("bad.nasl", "x = 1;\ny = (2;\n");
  const auto worse = Write("worse.nasl", "z = \"open\n");
  const CommandRun r = Command({"check", bad, good, worse});
  EXPECT_EQ(r.code, 65);
  EXPECT_NE(r.err.find(bad + ":2:7: syntax error"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(worse + ":1:5: unterminated string"), std::string::npos) << r.err;
  EXPECT_EQ(Command({"check", (dir_.path() / "missing.nasl").string()}).code, 65);
}

TEST_F(CommandLineTest, RunPrintsOneJsonObject) {
  const auto plugin = Write("p.nasl", kPlugin);
  const CommandRun r = Command({"run", "--profile", "openvas", "--kb", "Ports/tcp/5010=1", "--pref",
                                "P=hello", "--target", "127.0.0.1", "--timeout-ms", "500", plugin});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out.back(), '\n');
  EXPECT_EQ(r.out.find('\n'), r.out.size() - 1);  // one line, one object
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["profile"], "openvas");
  EXPECT_EQ(j["scheduled"], true);
  EXPECT_EQ(j["runs"], 1);
  EXPECT_EQ(j["reports"][0]["port"], 5010);
  EXPECT_EQ(j["reports"][0]["data"], "hello");
  EXPECT_TRUE(j["errors"].empty());
}

TEST_F(CommandLineTest, RunWithoutTheRequiredPortIsNotScheduledButSucceeds) {
  const auto plugin = Write("p.nasl", kPlugin);
  const CommandRun r = Command({"run", "--profile", "nessus", plugin});
  EXPECT_EQ(r.code, 0);
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["profile"], "nessus");
  EXPECT_EQ(j["scheduled"], false);
  EXPECT_EQ(j["runs"], 0);
  EXPECT_FALSE(j["errors"].empty());  // script_oid is undefined in the Nessus profile
}

TEST_F(CommandLineTest, RunExitCodes) {
  EXPECT_EQ(Command({"run", "--profile", "openvas", Write("bad.nasl", "x = ;")}).code, 65);
  EXPECT_EQ(Command({"run", "--profile", "openvas", (dir_.path() / "none.nasl").string()}).code,
            66);
  EXPECT_EQ(Command({"run", "--profile", "zap", Write("a.nasl", "x = 1;")}).code, 64);
  EXPECT_EQ(Command({"run", "--profile", "openvas", "--kb", "nonsense", Write("b.nasl", "")}).code,
            64);
  EXPECT_EQ(Command({"run", Write("c.nasl", "")}).code, 64);  // --profile is required
  EXPECT_EQ(Command({}).code, 64);
  EXPECT_EQ(Command({"--help"}).code, 0);
}

TEST_F(CommandLineTest, RealBinaryChecksAndRuns) {
  const auto bad = Write("bad.nasl", "a = 1;\nb = 2\nc = 3;\n");
  const std::string err = (dir_.path() / "err.txt").string();
  const int status =
      std::system((std::string(TTMTRACK_NASL_PATH) + " check " + bad + " 2> " + err).c_str());
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 65);
  std::ifstream in(err);
  std::string line;
  std::getline(in, line);
  EXPECT_EQ(line.rfind(bad + ":2:6: syntax error: missing ';'", 0), 0u) << line;

  const auto plugin = Write("p.nasl", kPlugin);
  const std::string out = (dir_.path() / "out.json").string();
  const int ran =
      std::system((std::string(TTMTRACK_NASL_PATH) +
                   " run --profile openvas --kb Ports/tcp/5010=1 " + plugin + " > " + out)
                      .c_str());
  ASSERT_TRUE(WIFEXITED(ran));
  EXPECT_EQ(WEXITSTATUS(ran), 0);
  std::ifstream json(out);
  EXPECT_EQ(nlohmann::json::parse(json)["reports"].size(), 1u);
}

}  // namespace
}  // namespace ttmtrack::nasl::runner
