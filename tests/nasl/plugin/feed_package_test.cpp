// The ttm_feed target's output and the ttm-feed-install script, on real files.
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "child_process.hpp"

namespace ttmtrack::nasl::testing {
namespace {

namespace fs = std::filesystem;

const fs::path kFeed = TTM_FEED_DIR;
const fs::path kPlugin = TTM_PLUGIN_FILE;

std::string Slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

class FeedPackageTest : public ::testing::Test {
 protected:
  TempDir tmp_;
};

TEST_F(FeedPackageTest, OpenVasFolderHoldsThePluginUnderPrivate) {
  EXPECT_EQ(Slurp(kFeed / "openvas/private/ttm_cmd_detect.nasl"), Slurp(kPlugin));
}

TEST_F(FeedPackageTest, PluginFeedInfoHasATwelveDigitPluginSet) {
  const std::string info = Slurp(kFeed / "openvas/plugin_feed_info.inc");
  EXPECT_TRUE(std::regex_search(info, std::regex(R"(\nPLUGIN_SET = "\d{12}";\n)"))) << info;
}

TEST_F(FeedPackageTest, Sha256sumsListsEveryFileInSha256sumFormatAndVerifies) {
  const std::string sums = Slurp(kFeed / "openvas/sha256sums");
  EXPECT_EQ(std::count(sums.begin(), sums.end(), '\n'), 2) << sums;
  const std::regex line(R"([0-9a-f]{64}  (plugin_feed_info\.inc|private/ttm_cmd_detect\.nasl)\n)");
  std::string rest = sums;
  std::smatch m;
  while (std::regex_search(rest, m, line, std::regex_constants::match_continuous)) {
    rest = m.suffix();
  }
  EXPECT_EQ(rest, "") << "lines not in `<hash>  <file>` form: " << rest;
  const ProcessResult r = RunProcess(
      "/bin/sh", {"-c", "cd '" + (kFeed / "openvas").string() + "' && sha256sum -c sha256sums"});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("private/ttm_cmd_detect.nasl: OK"), std::string::npos) << r.out;
}

TEST_F(FeedPackageTest, NessusArchiveHoldsThePluginAndCustomFeedInfoAtItsRoot) {
  const fs::path archive = kFeed / "nessus/ttm_cmd_detect-custom-plugins.tar.gz";
  const ProcessResult list = RunProcess("tar", {"tzf", archive.string()});
  ASSERT_EQ(list.exit_code, 0) << list.err;
  EXPECT_EQ(list.out, "ttm_cmd_detect.nasl\ncustom_feed_info.inc\n");
  const ProcessResult unpack = RunProcess("tar", {"xzf", archive.string(), "-C", tmp_.path()});
  ASSERT_EQ(unpack.exit_code, 0) << unpack.err;
  EXPECT_EQ(Slurp(tmp_.path() / "ttm_cmd_detect.nasl"), Slurp(kPlugin));
  EXPECT_TRUE(
      std::regex_match(Slurp(tmp_.path() / "custom_feed_info.inc"),
                       std::regex("PLUGIN_SET = \"\\d{12}\";\nPLUGIN_FEED = \"Custom\";\n")));
}

TEST_F(FeedPackageTest, InstallIntoAnEmptyOpenVasFolderWritesAVerifiableStandaloneFeed) {
  const ProcessResult r =
      RunProcess((kFeed / "ttm-feed-install").string(), {"--openvas", tmp_.path().string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Slurp(tmp_.path() / "private/ttm_cmd_detect.nasl"), Slurp(kPlugin));
  EXPECT_EQ(Slurp(tmp_.path() / "plugin_feed_info.inc"),
            Slurp(kFeed / "openvas/plugin_feed_info.inc"));
  const ProcessResult check =
      RunProcess("/bin/sh", {"-c", "cd '" + tmp_.path().string() + "' && sha256sum -c sha256sums"});
  EXPECT_EQ(check.exit_code, 0) << check.out << check.err;
}

TEST_F(FeedPackageTest, InstallNextToAFeedLeavesTheFeedFilesAlone) {
  const std::string foreign_info = "PLUGIN_SET = \"201901010000\";\n";
  const std::string foreign_sums = "0000  some.nasl\n";
  std::ofstream(tmp_.path() / "plugin_feed_info.inc") << foreign_info;
  std::ofstream(tmp_.path() / "sha256sums") << foreign_sums;
  const ProcessResult r =
      RunProcess((kFeed / "ttm-feed-install").string(), {"--openvas", tmp_.path().string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(fs::exists(tmp_.path() / "private/ttm_cmd_detect.nasl"));
  EXPECT_EQ(Slurp(tmp_.path() / "plugin_feed_info.inc"), foreign_info);
  EXPECT_EQ(Slurp(tmp_.path() / "sha256sums"), foreign_sums);
}

TEST_F(FeedPackageTest, InstallIntoANessusFolderCopiesOnlyThePlugin) {
  const ProcessResult r =
      RunProcess((kFeed / "ttm-feed-install").string(), {"--nessus", tmp_.path().string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::size_t files = 0;
  for ([[maybe_unused]] const auto& entry : fs::recursive_directory_iterator(tmp_.path())) ++files;
  EXPECT_EQ(files, 1U);
  EXPECT_EQ(Slurp(tmp_.path() / "ttm_cmd_detect.nasl"), Slurp(kPlugin));
}

TEST_F(FeedPackageTest, InstallRefusesAMissingDirectoryAndCreatesNothing) {
  const fs::path missing = tmp_.path() / "no-such-plugins-dir";
  const ProcessResult r =
      RunProcess((kFeed / "ttm-feed-install").string(), {"--openvas", missing.string()});
  EXPECT_EQ(r.exit_code, 66);
  EXPECT_FALSE(fs::exists(missing));
}

TEST_F(FeedPackageTest, InstallWithoutATargetIsAUsageError) {
  EXPECT_EQ(RunProcess((kFeed / "ttm-feed-install").string(), {}).exit_code, 64);
}

TEST_F(FeedPackageTest, DryRunChangesNothing) {
  const ProcessResult r = RunProcess(
      (kFeed / "ttm-feed-install").string(),
      {"--dry-run", "--openvas", tmp_.path().string(), "--nessus", tmp_.path().string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(fs::is_empty(tmp_.path()));
}

}  // namespace
}  // namespace ttmtrack::nasl::testing
