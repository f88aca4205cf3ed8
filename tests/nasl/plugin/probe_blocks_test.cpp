// One definition of the probe and the reply signature for the NASL plugins and the C++ side:
// the GENERATED blocks of both .nasl files equal what ttm-nasl-block renders from
// core/ttm_probe.cpp (the test fails, as the feed build does, when they differ), and the NASL
// classifier they carry reads every reply exactly as core::ClassifyReply does (a differential
// test through the project's NASL runner, in both scanner profiles).
#include "nasl/blocks/probe_blocks.hpp"

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "core/ascii_text.hpp"
#include "core/enum_text.hpp"
#include "core/error.hpp"
#include "core/ttm_frame.hpp"
#include "core/ttm_probe.hpp"
#include "fake_server_process.hpp"
#include "plugin_run.hpp"

namespace ttmtrack::nasl::testing {
namespace {

namespace fs = std::filesystem;
using blocks::BlockKind;
using nlohmann::json;

std::vector<BlockKind> KindsIn(const std::string& file) {
  std::vector<BlockKind> kinds;
  for (const blocks::FoundBlock& block : blocks::FindBlocks(test::ReadFileBytes(file), file)) {
    EXPECT_TRUE(block.current) << file << ":" << block.line << ": block "
                               << blocks::BlockName(block.kind)
                               << " differs from its rendering; run: ttm-nasl-block update "
                               << file;
    kinds.push_back(block.kind);
  }
  return kinds;
}

TEST(ProbeBlocksTest, TheConfirmedTierCarriesTheSignatureAndReportBlocksAsRendered) {
  EXPECT_EQ(KindsIn(TTMTRACK_PLUGIN_FILE),
            (std::vector<BlockKind>{BlockKind::kSignature, BlockKind::kReport}));
}

TEST(ProbeBlocksTest, TheUnconfirmedTierCarriesAllThreeBlocksAsRendered) {
  EXPECT_EQ(
      KindsIn(TTMTRACK_UNCONFIRMED_PLUGIN_FILE),
      (std::vector<BlockKind>{BlockKind::kSignature, BlockKind::kClassifier, BlockKind::kReport}));
}

TEST(ProbeBlocksTest, TheSignatureBlockCarriesTheProbeAndPatternAsDocumented) {
  const std::string block = blocks::RenderBlock(BlockKind::kSignature);
  EXPECT_NE(block.find("ttm_probe = raw_string(0x54, 0x54, 0x4d, 0x43, 0x01, 0x01, 0x00, 0x00,\n"
                       "                       0xc5, 0x64, 0xe5, 0xab, 0x00, 0x00, 0x00, 0x00);"),
            std::string::npos)
      << block;
  EXPECT_NE(block.find("ttm_reply_hex_pattern = \"^54544d430181[0-9a-f]{4}c564e5ab[0-9a-f]{8}\";"),
            std::string::npos)
      << block;
}

TEST(ProbeBlocksTest, HexPatternsUseClassesWithinOneHighNibbleAndAlternativesAcross) {
  EXPECT_EQ(blocks::HexPattern(core::BytePattern().Between('0', '9').Any(3).Byte(0xab)),
            "^3[0-9][0-9a-f]{6}ab");
  EXPECT_EQ(blocks::HexPattern(core::BytePattern().Between(0x38, 0x3b)), "^3[8-9a-b]");
  EXPECT_EQ(blocks::HexPattern(core::BytePattern().Between(0x0f, 0x11)), "^(0f|10|11)");
}

TEST(ProbeBlocksTest, MarkersWithoutTheirPartnerAreErrorsWithTheLine) {
  try {
    blocks::FindBlocks("x = 1;\n# BEGIN GENERATED ttm-signature\ny = 2;\n", "p.nasl");
    FAIL() << "accepted a block without END";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), Error::Kind::kBadInput);
    EXPECT_EQ(e.context().line, 2);
  }
  EXPECT_THROW(blocks::FindBlocks("# END GENERATED ttm-report\n", "p.nasl"), Error);
  EXPECT_THROW(blocks::FindBlocks("# BEGIN GENERATED ttm-other\n# END GENERATED ttm-other\n", "p"),
               Error);
}

TEST(ProbeBlocksTest, CheckFailsOnAnEditedBlockAndUpdateRestoresIt) {
  const std::string original = test::ReadFileBytes(TTMTRACK_UNCONFIRMED_PLUGIN_FILE);
  std::string edited = original;
  const std::size_t at = edited.find("ttm_min_silence = ");
  ASSERT_NE(at, std::string::npos);
  edited.replace(at, edited.find(';', at) - at, "ttm_min_silence = 1");
  test::TempDir dir;
  const fs::path copy = dir.path() / "plugin.nasl";
  std::ofstream(copy, std::ios::binary) << edited;

  const process::ProcessResult check = process::RunProcess(
      {TTMTRACK_NASL_BLOCK_PATH, "check", copy.string()}, {.time_limit = kRunLimit});
  EXPECT_EQ(check.exit_code, 65);
  EXPECT_NE(check.err.find(copy.string() + ":"), std::string::npos) << check.err;
  EXPECT_NE(check.err.find("block ttm-classifier differs"), std::string::npos) << check.err;

  const process::ProcessResult update = process::RunProcess(
      {TTMTRACK_NASL_BLOCK_PATH, "update", copy.string()}, {.time_limit = kRunLimit});
  EXPECT_EQ(update.exit_code, 0) << update.err;
  EXPECT_EQ(test::ReadFileBytes(copy), original);
}

// Replies to feed both classifiers: every documented case, then mutations of them.
std::vector<std::string> Replies() {
  const std::string hello_ack =
      core::EncodeFrame(core::MessageType::kHelloAck, core::kProbeRequestId, "ttm_cmd x");
  std::vector<std::string> seeds = {
      "",
      hello_ack,
      core::Probe(),
      core::EncodeFrame(core::MessageType::kHeartbeat, 1),
      core::EncodeFrame(core::MessageType::kHelloAck, 7),
      "TTMC",
      "HTTP/1.1 400 Bad Request\r\n",
      "SSH-2.0-OpenSSH_9.2p1\r\n",
      std::string("\x15\x03\x03\x00\x02\x02\x0a", 7),
      std::string("\x16\x03\x04\x00\x31", 5),
      "220 mail ESMTP\r\n",
      "599-x",
      "+OK\r\n",
      "-ERR x\r\n",
      "* PREAUTH\r\n",
      "RFB 003.008\n",
      "ERROR\n",
      std::string("\x00\xff\x00", 3),
  };
  std::vector<std::string> out = seeds;
  std::mt19937 random(13);  // fixed: the same inputs on every run
  const auto pick = [&random](std::size_t n) {
    return std::uniform_int_distribution<std::size_t>(0, n - 1)(random);
  };
  for (int i = 0; i < 600; ++i) {
    std::string reply = seeds[pick(seeds.size())];
    switch (pick(4)) {
      case 0:
        if (!reply.empty()) reply.resize(pick(reply.size()) + 1);
        break;
      case 1:
        if (!reply.empty()) reply[pick(reply.size())] = static_cast<char>(pick(256));
        break;
      case 2:
        for (std::size_t n = pick(20); n > 0; --n) reply += static_cast<char>(pick(256));
        break;
      default:
        // A byte between the classes' boundaries, in front: shifts every anchored match.
        reply.insert(reply.begin(), static_cast<char>(pick(256)));
        break;
    }
    out.push_back(reply.substr(0, 40));
  }
  return out;
}

// Every class name ttm_tier() may be given, with the class core::TierOf is given for it.
std::vector<std::pair<std::string, core::ReplyClass>> TierInputs() {
  using core::ReplyKind;
  return {{"none", {}},
          {"confirmed", {ReplyKind::kConfirmed, {}}},
          {"ttm-frame", {ReplyKind::kTtmFrame, {}}},
          {"unrecognised", {ReplyKind::kUnrecognised, {}}},
          {"echo", {ReplyKind::kOtherService, core::kEchoService}},
          {"http", {ReplyKind::kOtherService, "http"}}};
}

std::string RawStringCall(const std::string& bytes) {
  if (bytes.empty()) return "\"\"";
  std::string out = "raw_string(";
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    out += (i > 0 ? ", " : "") + std::to_string(static_cast<unsigned char>(bytes[i]));
  }
  return out + ")";
}

std::string Driver(const std::vector<std::string>& replies) {
  std::string nasl = R"nasl(if (description)
{
  if (defined_func("script_oid")) script_oid("1.3.6.1.4.1.32473.564.999");
  if (defined_func("script_id")) script_id(9564599);
  if (defined_func("script_oid")) script_name("ttm classifier driver");
  else script_name(english:"ttm classifier driver");
  if (defined_func("script_tag")) script_tag(name:"cvss_base_vector", value:"AV:N/AC:L/Au:N/C:N/I:N/A:N");
  exit(0);
}
)nasl";
  nasl += blocks::RenderBlock(BlockKind::kSignature) + blocks::RenderBlock(BlockKind::kClassifier);
  for (const std::string& reply : replies) {
    nasl += "display(ttm_classify(reply:" + RawStringCall(reply) + "));\n";
  }
  for (const auto& [kind, reply_class] : TierInputs()) {
    for (const char* silent : {"TRUE", "FALSE"}) {
      nasl += "display('tier:', ttm_tier(kind:\"" + kind + "\", silent:" + silent + "));\n";
    }
  }
  for (int timeout = core::kMinSilenceSeconds; timeout < core::kMinSilenceSeconds + 3; ++timeout) {
    for (int waited = 0; waited <= timeout + 1; ++waited) {
      nasl += "display('silent:', ttm_stayed_silent(waited:" + std::to_string(waited) +
              ", timeout:" + std::to_string(timeout) + "));\n";
    }
  }
  return nasl;
}

class ProbeBlocksDifferentialTest : public ::testing::TestWithParam<std::string> {};

TEST_P(ProbeBlocksDifferentialTest, NaslClassifierReadsEveryReplyAsTheCxxOneDoes) {
  const std::vector<std::string> replies = Replies();
  std::vector<std::string> expected;
  expected.reserve(replies.size());
  for (const std::string& reply : replies) {
    expected.emplace_back(core::ClassifyReply(reply).Name());
  }
  for (const auto& [kind, reply_class] : TierInputs()) {
    for (const bool silent : {true, false}) {
      const core::ProbeTier tier = core::TierOf(reply_class, silent);
      expected.push_back("tier:" +
                         std::string(tier == core::ProbeTier::kNotTtm ? "" : core::ToText(tier)));
    }
  }
  for (int timeout = core::kMinSilenceSeconds; timeout < core::kMinSilenceSeconds + 3; ++timeout) {
    for (int waited = 0; waited <= timeout + 1; ++waited) {
      expected.push_back(std::string("silent:") +
                         (core::StayedSilent(waited, timeout) ? "1" : "0"));
    }
  }

  test::TempDir dir;
  const fs::path driver = dir.path() / "classifier_driver.nasl";
  std::ofstream(driver, std::ios::binary) << Driver(replies);
  PluginRunRequest request;
  request.profile = GetParam();
  request.file = driver.string();
  const PluginRun run = RunPlugin(request);
  ASSERT_EQ(run.process.exit_code, 0) << run.process.err;
  ASSERT_TRUE(run.doc.is_object()) << run.parse_error;
  EXPECT_EQ(run.doc.value("errors", json(nullptr)), json::array()) << run.doc["errors"].dump(2);
  const json display = run.doc.value("display", json::array());
  ASSERT_EQ(display.size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    const std::string what = i < replies.size() ? "reply " + core::HexLower(replies[i]) : "";
    EXPECT_EQ(display[i].get<std::string>(), expected[i]) << "line " << i << " " << what;
  }
}

std::string ProfileName(const ::testing::TestParamInfo<std::string>& param) { return param.param; }

INSTANTIATE_TEST_SUITE_P(BothScanners, ProbeBlocksDifferentialTest,
                         ::testing::Values("openvas", "nessus"), ProfileName);

}  // namespace
}  // namespace ttmtrack::nasl::testing
