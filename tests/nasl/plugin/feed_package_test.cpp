// The ttm_feed target's output and the ttm-feed-install script, on real files.
#include <filesystem>
#include <fstream>
#include <regex>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "fake_server_process.hpp"

namespace ttmtrack::nasl::testing {
namespace {

namespace fs = std::filesystem;

const fs::path kFeed = TTMTRACK_FEED_DIR;
const fs::path kPlugin = TTMTRACK_PLUGIN_FILE;
const fs::path kUnconfirmedPlugin = TTMTRACK_UNCONFIRMED_PLUGIN_FILE;
// Both tiers, as the feed and the install script carry them.
const std::vector<fs::path> kPlugins = {kPlugin, kUnconfirmedPlugin};

class FeedPackageTest : public ::testing::Test {
 protected:
  test::TempDir tmp_;
};

TEST_F(FeedPackageTest, OpenVasFolderHoldsBothPluginsUnderPrivate) {
  for (const fs::path& plugin : kPlugins) {
    EXPECT_EQ(test::ReadFileBytes(kFeed / "openvas/private" / plugin.filename()),
              test::ReadFileBytes(plugin))
        << plugin;
  }
}

TEST_F(FeedPackageTest, PluginFeedInfoHasATwelveDigitPluginSet) {
  const std::string info = test::ReadFileBytes(kFeed / "openvas/plugin_feed_info.inc");
  EXPECT_TRUE(std::regex_search(info, std::regex(R"(\nPLUGIN_SET = "\d{12}";\n)"))) << info;
}

TEST_F(FeedPackageTest, Sha256sumsListsEveryFileInSha256sumFormatAndVerifies) {
  const std::string sums = test::ReadFileBytes(kFeed / "openvas/sha256sums");
  EXPECT_EQ(std::count(sums.begin(), sums.end(), '\n'), 3) << sums;
  const std::regex line(
      R"([0-9a-f]{64}  (plugin_feed_info\.inc|private/ttm_cmd_(detect|unconfirmed)\.nasl)\n)");
  std::string rest = sums;
  std::smatch m;
  while (std::regex_search(rest, m, line, std::regex_constants::match_continuous)) {
    rest = m.suffix();
  }
  EXPECT_EQ(rest, "") << "lines not in `<hash>  <file>` form: " << rest;
  const process::ProcessResult r = process::RunProcess(
      {"/bin/sh", "-c", "cd '" + (kFeed / "openvas").string() + "' && sha256sum -c sha256sums"},
      {.time_limit = kRunLimit});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("private/ttm_cmd_detect.nasl: OK"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("private/ttm_cmd_unconfirmed.nasl: OK"), std::string::npos) << r.out;
}

TEST_F(FeedPackageTest, NessusArchiveHoldsBothPluginsAndCustomFeedInfoAtItsRoot) {
  const fs::path archive = kFeed / "nessus/ttm_cmd_detect-custom-plugins.tar.gz";
  const process::ProcessResult list =
      process::RunProcess({"tar", "tzf", archive.string()}, {.time_limit = kRunLimit});
  ASSERT_EQ(list.exit_code, 0) << list.err;
  EXPECT_EQ(list.out, "ttm_cmd_detect.nasl\nttm_cmd_unconfirmed.nasl\ncustom_feed_info.inc\n");
  const process::ProcessResult unpack = process::RunProcess(
      {"tar", "xzf", archive.string(), "-C", tmp_.path()}, {.time_limit = kRunLimit});
  ASSERT_EQ(unpack.exit_code, 0) << unpack.err;
  for (const fs::path& plugin : kPlugins) {
    EXPECT_EQ(test::ReadFileBytes(tmp_.path() / plugin.filename()), test::ReadFileBytes(plugin));
  }
  EXPECT_TRUE(
      std::regex_match(test::ReadFileBytes(tmp_.path() / "custom_feed_info.inc"),
                       std::regex("PLUGIN_SET = \"\\d{12}\";\nPLUGIN_FEED = \"Custom\";\n")));
}

TEST_F(FeedPackageTest, InstallIntoAnEmptyOpenVasFolderWritesAVerifiableStandaloneFeed) {
  const process::ProcessResult r = process::RunProcess(
      {(kFeed / "ttm-feed-install").string(), "--openvas", tmp_.path().string()},
      {.time_limit = kRunLimit});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const fs::path& plugin : kPlugins) {
    EXPECT_EQ(test::ReadFileBytes(tmp_.path() / "private" / plugin.filename()),
              test::ReadFileBytes(plugin));
  }
  EXPECT_EQ(test::ReadFileBytes(tmp_.path() / "plugin_feed_info.inc"),
            test::ReadFileBytes(kFeed / "openvas/plugin_feed_info.inc"));
  const process::ProcessResult check = process::RunProcess(
      {"/bin/sh", "-c", "cd '" + tmp_.path().string() + "' && sha256sum -c sha256sums"},
      {.time_limit = kRunLimit});
  EXPECT_EQ(check.exit_code, 0) << check.out << check.err;
}

TEST_F(FeedPackageTest, InstallNextToAFeedLeavesTheFeedFilesAlone) {
  const std::string foreign_info = "PLUGIN_SET = \"201901010000\";\n";
  const std::string foreign_sums = "0000  some.nasl\n";
  std::ofstream(tmp_.path() / "plugin_feed_info.inc") << foreign_info;
  std::ofstream(tmp_.path() / "sha256sums") << foreign_sums;
  const process::ProcessResult r = process::RunProcess(
      {(kFeed / "ttm-feed-install").string(), "--openvas", tmp_.path().string()},
      {.time_limit = kRunLimit});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(fs::exists(tmp_.path() / "private/ttm_cmd_detect.nasl"));
  EXPECT_TRUE(fs::exists(tmp_.path() / "private/ttm_cmd_unconfirmed.nasl"));
  EXPECT_EQ(test::ReadFileBytes(tmp_.path() / "plugin_feed_info.inc"), foreign_info);
  EXPECT_EQ(test::ReadFileBytes(tmp_.path() / "sha256sums"), foreign_sums);
}

TEST_F(FeedPackageTest, InstallIntoANessusFolderCopiesOnlyThePlugins) {
  const process::ProcessResult r =
      process::RunProcess({(kFeed / "ttm-feed-install").string(), "--nessus", tmp_.path().string()},
                          {.time_limit = kRunLimit});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::size_t files = 0;
  for ([[maybe_unused]] const auto& entry : fs::recursive_directory_iterator(tmp_.path())) ++files;
  EXPECT_EQ(files, kPlugins.size());
  for (const fs::path& plugin : kPlugins) {
    EXPECT_EQ(test::ReadFileBytes(tmp_.path() / plugin.filename()), test::ReadFileBytes(plugin));
  }
}

TEST_F(FeedPackageTest, InstallRefusesAMissingDirectoryAndCreatesNothing) {
  const fs::path missing = tmp_.path() / "no-such-plugins-dir";
  const process::ProcessResult r =
      process::RunProcess({(kFeed / "ttm-feed-install").string(), "--openvas", missing.string()},
                          {.time_limit = kRunLimit});
  EXPECT_EQ(r.exit_code, 66);
  EXPECT_FALSE(fs::exists(missing));
}

TEST_F(FeedPackageTest, InstallWithoutATargetIsAUsageError) {
  EXPECT_EQ(process::RunProcess({(kFeed / "ttm-feed-install").string()}, {.time_limit = kRunLimit})
                .exit_code,
            64);
}

TEST_F(FeedPackageTest, DryRunChangesNothing) {
  const process::ProcessResult r =
      process::RunProcess({(kFeed / "ttm-feed-install").string(), "--dry-run", "--openvas",
                           tmp_.path().string(), "--nessus", tmp_.path().string()},
                          {.time_limit = kRunLimit});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(fs::is_empty(tmp_.path()));
}

}  // namespace
}  // namespace ttmtrack::nasl::testing
