// `ttmtrack status` filters (docs/cli.md, "status"): --state and --host, alone and together, on the
// JSON form, in the contract's order (ip, then port).
#include <gtest/gtest.h>

#include "tests/scenarios/scenario_table.hpp"
#include "tests/support/temp_dir.hpp"

namespace ttmtrack::scenarios {
namespace {

class StatusCommandTest : public ::testing::Test {
 protected:
  test::TempDir dir_;
  TtmtrackCli cli_{dir_.path()};
};

TEST_F(StatusCommandTest, StatusFiltersByStateAndHost) {
  const WrittenScan jan =
      WriteStep(dir_.path(), {"jan", kJan, {Detecting(kX, {5010, 10200}), Detecting(kY, {5010})}},
                ExportFormat::kNessus);
  const WrittenScan feb = WriteStep(dir_.path(), {"feb", kFeb, {Detecting(kX, {10200}), Clean(kY)}},
                                    ExportFormat::kNessus);
  ASSERT_EQ(cli_.Run({"import", jan.file, feb.file}).exit_code, 0);
  const auto pairs = [this](const std::vector<std::string>& filter) {
    std::vector<std::string> args = {"status", "--format", "json"};
    args.insert(args.end(), filter.begin(), filter.end());
    std::vector<std::string> out;
    for (const nlohmann::json& row : cli_.Json(args).value_or(nlohmann::json::array())) {
      out.push_back(row.value("ip", "") + ":" + std::to_string(row.value("port", 0)));
    }
    return out;
  };
  EXPECT_EQ(pairs({"--state", "fixed"}),
            (std::vector<std::string>{"10.20.0.11:5010", "10.20.0.12:5010"}));
  EXPECT_EQ(pairs({"--state", "open"}), (std::vector<std::string>{"10.20.0.11:10200"}));
  EXPECT_TRUE(pairs({"--state", "reopened"}).empty());
  EXPECT_EQ(pairs({"--host", kX}),
            (std::vector<std::string>{"10.20.0.11:5010", "10.20.0.11:10200"}));
  EXPECT_EQ(pairs({"--host", kY, "--state", "open"}), std::vector<std::string>{});
}

}  // namespace
}  // namespace ttmtrack::scenarios
