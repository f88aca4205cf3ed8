// Any import order gives the same states and histories (I7 in core/lifecycle.cpp;
// docs/verification.md, "States: replaying the outcomes").
// One rich set of scans (both formats, reopenings, a learned rule, interrupted and missing
// hosts, a narrow port range) is imported in chronological, reversed and shuffled orders into
// separate databases; status and every host's history must come out the same bytes (which is
// why they carry no scan IDs: docs/cli.md).
#include <algorithm>
#include <random>

#include <gtest/gtest.h>

#include "tests/scenarios/scenario_table.hpp"
#include "tests/support/temp_dir.hpp"

namespace ttmtrack::scenarios {
namespace {

constexpr ExportFormat kNessus = ExportFormat::kNessus;
constexpr ExportFormat kGvm = ExportFormat::kGvm;

std::vector<Step> RichStory() {
  return {
      {"jan-nessus",
       kJan,
       {Detecting(kX, {5010, 10200}), Detecting(kY, {5010}), Clean(kZ), Detecting(kV6, {5010})},
       nullptr,
       kNessus},
      {"jan20-openvas", kJan20, {Detecting(kX, {5010}), Clean(kZ)}, nullptr, kGvm},
      {"feb-nessus",
       kFeb,
       {Clean(kX), Interrupted(Clean(kY)), Detecting(kZ, {10200}), Clean(kV6)},
       nullptr,
       kNessus},
      {"feb16-nessus-foreign-only",
       kFeb16,
       {Clean(kX), Clean(kY)},
       [](ScanSpec& s) {
         s.plugin_set = scangen::PluginSet::kWithoutTtm;
         s.extra_plugin_ids = {kForeignNessusId};
       },
       kNessus},
      {"mar-nessus-foreign",
       kMar,
       {Detecting(kX, {5010}), Detecting(kZ, {10200})},
       [](ScanSpec& s) { s.detection_plugin = ForeignTtmPlugin(); },
       kNessus},
      {"mar-openvas", kMar, {Clean(kY), Clean(kV6)}, nullptr, kGvm},
      {"apr-nessus-low-ports",
       kApr,
       {Clean(kX), Clean(kY), Clean(kZ)},
       [](ScanSpec& s) { s.port_range = "1-1024"; },
       kNessus},
      {"may-openvas-gz",
       kMay,
       {Clean(kX), Detecting(kV6, {5010})},
       [](ScanSpec& s) { s.gzip = true; },
       kGvm},
  };
}

class ImportOrderTest : public ::testing::Test {
 protected:
  // Imports `order` (indexes into the story) into a fresh database; returns the bytes of status
  // and of every host's history.
  std::string Outputs(const std::vector<std::size_t>& order, bool one_command = false) {
    test::TempDir dir;
    TtmtrackCli cli(dir.path());
    const std::vector<Step> story = RichStory();
    std::vector<std::string> files;
    files.reserve(order.size());
    for (const std::size_t i : order)
      files.push_back(WriteStep(dir.path(), story[i], kNessus).file);
    if (one_command) {
      std::vector<std::string> args = {"import"};
      args.insert(args.end(), files.begin(), files.end());
      const process::ProcessResult r = cli.Run(args);
      EXPECT_EQ(r.exit_code, 0) << r.err;
    } else {
      for (const std::string& file : files) {
        const process::ProcessResult r = cli.Run({"import", file});
        EXPECT_EQ(r.exit_code, 0) << file << ": " << r.err;
      }
    }
    std::string out = "status:\n" + cli.Output({"status", "--format", "json"});
    for (const char* ip : {kX, kY, kZ, kV6}) {
      out += std::string("history ") + ip + ":\n" + cli.Output({"history", ip, "--format", "json"});
    }
    return out;
  }

  static std::vector<std::size_t> Chronological() {
    std::vector<std::size_t> order(RichStory().size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    return order;
  }
};

// The baseline imports one file per command in scan-time order; the others import every file
// with one command in another order, so both "one file per command" and "many files per
// command" are compared too.
TEST_F(ImportOrderTest, ReversedAndShuffledImportsGiveIdenticalStatusAndHistory) {
  const std::vector<std::size_t> chronological = Chronological();
  const std::string expected = Outputs(chronological);
  // A sanity check that the story is not trivial: every state appears.
  for (const char* state : {"\"open\"", "\"fixed\"", "\"reopened\""}) {
    EXPECT_NE(expected.find(state), std::string::npos) << state << " missing in\n" << expected;
  }
  std::vector<std::size_t> reversed(chronological.rbegin(), chronological.rend());
  EXPECT_EQ(Outputs(reversed, true), expected) << "reversed order";
  for (const unsigned seed : {7u, 1234u}) {
    std::vector<std::size_t> shuffled = chronological;
    std::shuffle(shuffled.begin(), shuffled.end(), std::mt19937(seed));
    EXPECT_EQ(Outputs(shuffled, true), expected) << "shuffled with seed " << seed;
  }
}

}  // namespace
}  // namespace ttmtrack::scenarios
