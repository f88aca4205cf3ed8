// The config file (cli/config/config.hpp): Poco's properties reader with file:line:key errors,
// the environment over it, and exit code 78 for anything wrong.
#include "cli/config/config.hpp"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>

#include <gtest/gtest.h>

#include "cli/config/config_keys.hpp"
#include "core/error.hpp"
#include "tests/support/temp_dir.hpp"

namespace ttmtrack::cli {
namespace {

class ConfigTest : public ::testing::Test {
 protected:
  std::string Write(const std::string& content, const std::string& name = "ttmtrack.conf") {
    std::ofstream(dir_.File(name), std::ios::binary) << content;
    return dir_.File(name);
  }

  // Load with this test's environment only (never the process's), and a default path that
  // does not exist unless a test writes it.
  Config Load(const std::optional<std::string>& path) {
    return Config::Load(
        path,
        [this](const std::string& name) -> std::optional<std::string> {
          const auto it = env_.find(name);
          if (it == env_.end() || it->second.empty()) return std::nullopt;
          return it->second;
        },
        dir_.File("default.conf"));
  }

  // The Error a load throws; fails the test when it does not throw.
  Error LoadError(const std::optional<std::string>& path) {
    try {
      Load(path);
    } catch (const Error& error) {
      return error;
    }
    ADD_FAILURE() << "no error";
    return {Error::Kind::kInternal, "no error"};
  }

  test::TempDir dir_;
  std::map<std::string, std::string> env_;
};

TEST_F(ConfigTest, WithoutAnyFileEveryKeyHasItsBuiltInDefault) {
  const Config config = Load(std::nullopt);
  EXPECT_EQ(config.file(), "");
  EXPECT_EQ(config.Text("database"), "ttmtrack.db");
  EXPECT_EQ(config.Number("spool.settle-seconds"), 60);
  EXPECT_EQ(config.Number("lock.timeout-seconds"), 0);
  EXPECT_FALSE(config.IsSet("spool.incoming"));
  EXPECT_EQ(config.Entry("database").origin, ConfigOrigin::kDefault);
  for (const ConfigKey& key : ConfigKeys()) {
    EXPECT_EQ(config.Text(key.name), key.default_value) << key.name;
  }
}

TEST_F(ConfigTest, ReadsValuesAndTheLineEachCameFrom) {
  const std::string path = Write(
      "# comment\n"
      "\n"
      "   ! another comment\n"
      "database = /var/lib/ttmtrack/ttmtrack.db\n"
      "spool.incoming=/srv/drop\n"
      "  # indented comment\n"
      "report.trusted-networks = 10.20.0.0/16, \\\n"
      "    192.168.5.0/24\n"
      "spool.settle-seconds: 120\n");
  const Config config = Load(path);
  EXPECT_EQ(config.file(), path);
  EXPECT_EQ(config.Text("database"), "/var/lib/ttmtrack/ttmtrack.db");
  EXPECT_EQ(config.Entry("database").where, path + ":4");
  EXPECT_EQ(config.Entry("spool.incoming").line, 5);
  EXPECT_EQ(config.Entry("report.trusted-networks").line, 7);
  EXPECT_EQ(config.List("report.trusted-networks"),
            (std::vector<std::string>{"10.20.0.0/16", "192.168.5.0/24"}));
  EXPECT_EQ(config.Number("spool.settle-seconds"), 120);
  EXPECT_EQ(config.Entry("spool.settle-seconds").line, 9);
  EXPECT_EQ(config.Entry("spool.settle-seconds").origin, ConfigOrigin::kFile);
}

TEST_F(ConfigTest, UnknownKeyNamesFileLineKeyAndTheLikelyTypo) {
  const std::string path = Write("database = a.db\n\nspool.incomming = /srv/drop\n");
  const Error error = LoadError(path);
  EXPECT_EQ(error.kind(), Error::Kind::kConfig);
  EXPECT_EQ(error.ExitCode(), 78);
  EXPECT_EQ(error.context().file, path);
  EXPECT_EQ(error.context().line, 3);
  const std::string what = error.what();
  EXPECT_NE(what.find(path + ":3: unknown key \"spool.incomming\""), std::string::npos) << what;
  EXPECT_NE(what.find("did you mean \"spool.incoming\"?"), std::string::npos) << what;
}

TEST_F(ConfigTest, WrongTypesAreRefusedWithTheKeyAndWhatIsExpected) {
  const std::map<std::string, std::string> cases = {
      {"spool.settle-seconds = soon", "not a whole number of seconds"},
      {"spool.settle-seconds = -5", "not a whole number of seconds"},
      {"lock.timeout-seconds = 99999999", "not a whole number of seconds"},
      {"notify.smtp.port = 70000", "not a port number"},
      {"notify.webhook.url = ftp://example.org/x", "not an http:// or https:// URL"},
      {"notify.webhook.url = https://", "not an http:// or https:// URL"},
      {"report.trusted-networks = 10.0.0.1/8", "did you mean 10.0.0.0/8?"},
      {"notify.email.to = ops@example.org, not-an-address", "not an e-mail address"},
      {"notify.email.from = a@b@c", "not an e-mail address"},
      {"notify.smtp.host = mail server", "not a host name"},
      {"notify.smtp.tls = maybe", "not one of starttls|none"},
      {"notify.when = never", "not one of attention|always"},
      {"database =", "needs a value (default: ttmtrack.db)"},
  };
  for (const auto& [line, expected] : cases) {
    const std::string path = Write("# header\n" + line + "\n");
    const Error error = LoadError(path);
    EXPECT_EQ(error.kind(), Error::Kind::kConfig) << line;
    EXPECT_EQ(error.context().line, 2) << line;
    const std::string key = line.substr(0, line.find(' '));
    EXPECT_NE(std::string(error.what()).find("key \"" + key + "\": "), std::string::npos)
        << error.what();
    EXPECT_NE(std::string(error.what()).find(expected), std::string::npos) << error.what();
  }
}

TEST_F(ConfigTest, AKeyGivenTwiceIsAnError) {
  const std::string path = Write("database = a.db\ndatabase = b.db\n");
  const Error error = LoadError(path);
  EXPECT_EQ(error.context().line, 2);
  EXPECT_NE(std::string(error.what()).find("given twice (first on line 1)"), std::string::npos);
}

TEST_F(ConfigTest, KeysThatNeedEachOtherAreCheckedTogether) {
  const std::string path = Write("notify.email.to = ops@example.org\n");
  const Error error = LoadError(path);
  EXPECT_EQ(error.context().line, 1);
  EXPECT_NE(std::string(error.what()).find("needs \"notify.smtp.host\""), std::string::npos);
  const std::string user_only = Write("notify.smtp.user = ttmtrack\n", "user.conf");
  EXPECT_NE(std::string(LoadError(user_only).what()).find("notify.smtp.password-file"),
            std::string::npos);
}

TEST_F(ConfigTest, EnvironmentWinsOverTheFile) {
  const std::string path = Write("database = from-file.db\nspool.settle-seconds = 10\n");
  env_["TTMTRACK_DB"] = "from-env.db";
  env_["TTMTRACK_SPOOL_SETTLE_SECONDS"] = "5";
  const Config config = Load(path);
  EXPECT_EQ(config.Text("database"), "from-env.db");
  EXPECT_EQ(config.Entry("database").origin, ConfigOrigin::kEnvironment);
  EXPECT_EQ(config.Entry("database").where, "environment TTMTRACK_DB");
  EXPECT_EQ(config.Number("spool.settle-seconds"), 5);
}

TEST_F(ConfigTest, AnEmptyEnvironmentVariableMeansUnset) {
  const std::string path = Write("database = from-file.db\n");
  env_["TTMTRACK_DB"] = "";
  EXPECT_EQ(Load(path).Text("database"), "from-file.db");
}

TEST_F(ConfigTest, ABadEnvironmentValueNamesTheVariable) {
  env_["TTMTRACK_LOCK_TIMEOUT_SECONDS"] = "forever";
  const Error error = LoadError(std::nullopt);
  EXPECT_EQ(error.ExitCode(), 78);
  EXPECT_NE(std::string(error.what()).find("environment variable TTMTRACK_LOCK_TIMEOUT_SECONDS"),
            std::string::npos)
      << error.what();
}

TEST_F(ConfigTest, EveryKeyHasAnEnvironmentVariable) {
  EXPECT_EQ(EnvironmentName("database"), "TTMTRACK_DB");
  EXPECT_EQ(EnvironmentName("spool.settle-seconds"), "TTMTRACK_SPOOL_SETTLE_SECONDS");
  EXPECT_EQ(EnvironmentName("notify.smtp.password-file"), "TTMTRACK_NOTIFY_SMTP_PASSWORD_FILE");
}

TEST_F(ConfigTest, TheConfigVariableNamesTheFileAndTheFlagWinsOverIt) {
  const std::string from_env = Write("database = env-named.db\n", "env.conf");
  const std::string from_flag = Write("database = flag-named.db\n", "flag.conf");
  env_["TTMTRACK_CONFIG"] = from_env;
  EXPECT_EQ(Load(std::nullopt).Text("database"), "env-named.db");
  EXPECT_EQ(Load(from_flag).Text("database"), "flag-named.db");
}

TEST_F(ConfigTest, AMissingDefaultFileMeansDefaultsButANamedOneMustExist) {
  EXPECT_EQ(Load(std::nullopt).file(), "");
  Write("database = default-file.db\n", "default.conf");
  EXPECT_EQ(Load(std::nullopt).Text("database"), "default-file.db");

  const Error named = LoadError(dir_.File("missing.conf"));
  EXPECT_EQ(named.ExitCode(), 78);
  EXPECT_NE(std::string(named.what()).find("missing.conf: cannot read the config file"),
            std::string::npos)
      << named.what();
  env_["TTMTRACK_CONFIG"] = dir_.File("also-missing.conf");
  EXPECT_EQ(LoadError(std::nullopt).ExitCode(), 78);
}

TEST_F(ConfigTest, AFolderOrAnUnreadableFileIsAnError) {
  EXPECT_NE(std::string(LoadError(dir_.path().string()).what()).find("it is a directory"),
            std::string::npos);
  if (::geteuid() == 0) GTEST_SKIP() << "root reads any file";
  const std::string path = Write("database = a.db\n");
  std::filesystem::permissions(path, std::filesystem::perms::none);
  EXPECT_NE(std::string(LoadError(path).what()).find("Permission denied"), std::string::npos);
}

TEST_F(ConfigTest, DevNullReadsAsAnEmptyFile) {
  env_["TTMTRACK_CONFIG"] = "/dev/null";
  Write("database = default-file.db\n", "default.conf");
  const Config config = Load(std::nullopt);
  EXPECT_EQ(config.file(), "/dev/null");
  EXPECT_EQ(config.Text("database"), "ttmtrack.db");
}

TEST_F(ConfigTest, ThePackagedFileIsValid) {
  const Config config = Load(std::string(TTMTRACK_SOURCE_DIR) + "/packaging/ttmtrack.conf");
  EXPECT_EQ(config.Text("database"), "/var/lib/ttmtrack/ttmtrack.db");
  EXPECT_EQ(config.Text("spool.incoming"), "/var/spool/ttmtrack/incoming");
  EXPECT_EQ(config.Text("report.folder"), "/var/lib/ttmtrack/report");
}

}  // namespace
}  // namespace ttmtrack::cli
