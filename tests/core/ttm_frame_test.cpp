#include "core/ttm_frame.hpp"

#include <string>

#include <gtest/gtest.h>

#include "core/ascii_text.hpp"

namespace ttmtrack::core {
namespace {

// The probe as docs/ttm-protocol.md section 2 writes it. Kept literal here on purpose: if the
// codec drifts from the documented bytes, these tests fail.
constexpr const char* kDocumentedProbeHex = "54544d4301010000c564e5ab00000000";

TEST(TtmFrameTest, HelloWithTheDetectionIdIsExactlyTheDocumentedProbe) {
  EXPECT_EQ(HexLower(EncodeFrame(MessageType::kHello, 0xc564e5ab)), kDocumentedProbeHex);
}

TEST(TtmFrameTest, HelloAckEchoesTheRequestIdAndCarriesThePayloadLength) {
  const std::string frame = EncodeFrame(MessageType::kHelloAck, 0xc564e5ab, "abc");
  EXPECT_EQ(HexLower(frame), "54544d4301810000c564e5ab00000003616263");
}

TEST(TtmFrameTest, ParsesWhatItEncodes) {
  const std::string frame = EncodeFrame(MessageType::kHeartbeat, 0x01020304, "xy", 0xBEEF);
  const ParsedHeader parsed = ParseHeader(frame);
  ASSERT_EQ(parsed.status, HeaderStatus::kOk);
  EXPECT_EQ(parsed.header.version, kVersion);
  EXPECT_EQ(parsed.header.type, static_cast<std::uint8_t>(MessageType::kHeartbeat));
  EXPECT_EQ(parsed.header.flags, 0xBEEF);
  EXPECT_EQ(parsed.header.request_id, 0x01020304U);
  EXPECT_EQ(parsed.header.payload_length, 2U);
}

TEST(TtmFrameTest, RejectsForeignMagic) {
  EXPECT_EQ(ParseHeader("HTTP/1.1 400 Bad Request\r\n").status, HeaderStatus::kBadMagic);
  EXPECT_EQ(ParseHeader("SSH-2.0-OpenSSH_9.2p1\r\n").status, HeaderStatus::kBadMagic);
}

TEST(TtmFrameTest, RejectsOtherVersions) {
  std::string frame = EncodeFrame(MessageType::kHello, 1);
  frame[4] = 2;
  EXPECT_EQ(ParseHeader(frame).status, HeaderStatus::kBadVersion);
}

TEST(TtmFrameTest, RejectsPayloadLengthsOverTheLimit) {
  std::string frame = EncodeFrame(MessageType::kHello, 1);
  frame[12] = '\x7f';  // 2 GiB and more
  EXPECT_EQ(ParseHeader(frame).status, HeaderStatus::kPayloadTooLarge);
}

}  // namespace
}  // namespace ttmtrack::core
