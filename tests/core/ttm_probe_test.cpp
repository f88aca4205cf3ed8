#include "core/ttm_probe.hpp"

#include <array>
#include <set>
#include <string>

#include <gtest/gtest.h>

#include "core/ascii_text.hpp"
#include "core/ttm_frame.hpp"
#include "tests/core/case_name.hpp"

namespace ttmtrack::core {
namespace {

// What ttm-fake-server --mode ttm answers to the probe (docs/ttm-protocol.md section 2).
const std::string kFakeServerReply =
    EncodeFrame(MessageType::kHelloAck, kProbeRequestId, "ttm_cmd ttmtrack-fake-server/1");

TEST(TtmProbeTest, ProbeIsTheDocumentedHelloFrame) {
  EXPECT_EQ(HexLower(Probe()), "54544d4301010000c564e5ab00000000");
}

TEST(TtmProbeTest, SignatureIsSixteenBytesWithTenFixed) {
  // Ten fixed bytes (magic, version, type, request id) make a random reply match with a chance
  // of 2^-80: docs/ttm-protocol.md's argument against false positives rests on this count.
  const auto& ranges = ReplySignature().ranges();
  ASSERT_EQ(ranges.size(), kHeaderSize);
  int fixed = 0;
  for (const auto& r : ranges) fixed += r.lo == r.hi ? 1 : 0;
  EXPECT_EQ(fixed, 10);
}

TEST(TtmProbeTest, DefaultPortsAndTimeoutsAreTheDocumentedOnes) {
  EXPECT_EQ(kTtmDefaultPorts, (std::array<int, 2>{5010, 10200}));
  EXPECT_EQ(kDefaultReplyTimeoutSeconds, 4);
  EXPECT_EQ(kMinSilenceSeconds, 3);
}

TEST(TtmProbeTest, BannerNamesAreUniqueAndNeverAClassName) {
  std::set<std::string_view> names = {kEchoService, "none", "confirmed", "ttm-frame",
                                      "unrecognised"};
  for (const KnownBanner& banner : KnownBanners()) {
    EXPECT_TRUE(names.insert(banner.name).second) << banner.name;
    EXPECT_FALSE(banner.alternatives.empty()) << banner.name;
    EXPECT_FALSE(banner.description.empty()) << banner.name;
  }
}

struct ClassifyCase {
  const char* name;
  std::string reply;
  ReplyKind kind;
  const char* service;  // the expected Name() of the class
};

class ClassifyReplyTest : public ::testing::TestWithParam<ClassifyCase> {};

TEST_P(ClassifyReplyTest, NamesWhatTheReplyIs) {
  const ClassifyCase& c = GetParam();
  const ReplyClass got = ClassifyReply(c.reply);
  EXPECT_EQ(got.kind, c.kind) << HexLower(c.reply);
  EXPECT_EQ(got.Name(), c.service) << HexLower(c.reply);
}

std::string WithByte(std::string bytes, std::size_t at, char value) {
  bytes[at] = value;
  return bytes;
}

const ClassifyCase kClassifyCases[] = {
    {"NothingIsNone", "", ReplyKind::kNone, "none"},
    {"FakeServerHelloAckIsConfirmed", kFakeServerReply, ReplyKind::kConfirmed, "confirmed"},
    {"BareHelloAckHeaderIsConfirmed", EncodeFrame(MessageType::kHelloAck, kProbeRequestId),
     ReplyKind::kConfirmed, "confirmed"},
    {"HelloAckWithFlagsIsConfirmed",
     EncodeFrame(MessageType::kHelloAck, kProbeRequestId, "", 0xBEEF), ReplyKind::kConfirmed,
     "confirmed"},
    {"HelloAckOneByteShortIsOnlyAFrame", kFakeServerReply.substr(0, 15), ReplyKind::kTtmFrame,
     "ttm-frame"},
    {"HelloAckForAnotherRequestIdIsOnlyAFrame", EncodeFrame(MessageType::kHelloAck, 1),
     ReplyKind::kTtmFrame, "ttm-frame"},
    {"HelloAckOfAnotherVersionIsUnrecognised", WithByte(kFakeServerReply, 4, 2),
     ReplyKind::kUnrecognised, "unrecognised"},
    {"UnsolicitedHeartbeatIsAFrame", EncodeFrame(MessageType::kHeartbeat, 1), ReplyKind::kTtmFrame,
     "ttm-frame"},
    {"ErrorFrameIsAFrame", EncodeFrame(MessageType::kError, kProbeRequestId, "no"),
     ReplyKind::kTtmFrame, "ttm-frame"},
    {"EchoedProbeIsEcho", Probe(), ReplyKind::kOtherService, "echo"},
    {"EchoedProbeWithMoreIsEcho", Probe() + "x", ReplyKind::kOtherService, "echo"},
    {"HalfAnEchoIsAFrame", Probe().substr(0, 8), ReplyKind::kTtmFrame, "ttm-frame"},
    {"MagicAloneIsUnrecognised", "TTMC", ReplyKind::kUnrecognised, "unrecognised"},
    {"HttpStatusLineIsHttp", "HTTP/1.1 400 Bad Request\r\n", ReplyKind::kOtherService, "http"},
    {"SshBannerIsSsh", "SSH-2.0-OpenSSH_9.2p1\r\n", ReplyKind::kOtherService, "ssh"},
    {"SmtpGreetingIsSmtpFtp", "220 mail.example.com ESMTP\r\n", ReplyKind::kOtherService,
     "smtp-ftp"},
    {"FtpMultiLineGreetingIsSmtpFtp", "220-Welcome\r\n", ReplyKind::kOtherService, "smtp-ftp"},
    {"ServiceUnavailableIsSmtpFtp", "421 busy\r\n", ReplyKind::kOtherService, "smtp-ftp"},
    {"SixHundredIsNotAReplyCode", "600 x\r\n", ReplyKind::kUnrecognised, "unrecognised"},
    {"DigitsWithoutSeparatorAreUnrecognised", "2200\r\n", ReplyKind::kUnrecognised, "unrecognised"},
    {"TlsAlertIsTls", std::string("\x15\x03\x03\x00\x02\x02\x0a", 7), ReplyKind::kOtherService,
     "tls"},
    {"TlsServerHelloIsTls", std::string("\x16\x03\x01\x00\x31\x02", 6), ReplyKind::kOtherService,
     "tls"},
    {"TlsApplicationDataIsUnrecognised", std::string("\x17\x03\x03\x00\x10", 5),
     ReplyKind::kUnrecognised, "unrecognised"},
    {"TlsWithAFutureVersionIsUnrecognised", std::string("\x15\x03\x05\x00\x02", 5),
     ReplyKind::kUnrecognised, "unrecognised"},
    {"Pop3OkIsPop3", "+OK POP3 ready\r\n", ReplyKind::kOtherService, "pop3"},
    {"RedisErrorIsPop3", "-ERR unknown command\r\n", ReplyKind::kOtherService, "pop3"},
    {"ImapGreetingIsImap", "* OK IMAP4rev1 ready\r\n", ReplyKind::kOtherService, "imap"},
    {"ImapPreauthIsImap", "* PREAUTH ready\r\n", ReplyKind::kOtherService, "imap"},
    {"VncVersionIsVnc", "RFB 003.008\n", ReplyKind::kOtherService, "vnc"},
    {"BannerMatchIsCaseSensitive", "http/1.1 200 OK\r\n", ReplyKind::kUnrecognised, "unrecognised"},
    {"BannerAfterOtherBytesIsUnrecognised", " HTTP/1.1 200 OK\r\n", ReplyKind::kUnrecognised,
     "unrecognised"},
    {"OtherTextIsUnrecognised", "ERROR unknown request\n", ReplyKind::kUnrecognised,
     "unrecognised"},
    {"BinaryWithNulsIsUnrecognised", std::string("\x00\x00\x00\x10\xff", 5),
     ReplyKind::kUnrecognised, "unrecognised"},
    {"OneByteIsUnrecognised", "\n", ReplyKind::kUnrecognised, "unrecognised"},
};

INSTANTIATE_TEST_SUITE_P(Cases, ClassifyReplyTest, ::testing::ValuesIn(kClassifyCases),
                         testing::CaseName<ClassifyCase>);

struct TierCase {
  const char* name;
  ReplyClass reply;
  bool silent_until_timeout;
  ProbeTier tier;
};

class TierOfTest : public ::testing::TestWithParam<TierCase> {};

TEST_P(TierOfTest, DecidesWhatThePluginsReport) {
  const TierCase& c = GetParam();
  EXPECT_EQ(TierOf(c.reply, c.silent_until_timeout), c.tier);
}

const TierCase kTierCases[] = {
    {"SignatureIsConfirmedEvenIfSlow", {ReplyKind::kConfirmed, {}}, true, ProbeTier::kConfirmed},
    {"SignatureIsConfirmed", {ReplyKind::kConfirmed, {}}, false, ProbeTier::kConfirmed},
    {"SilenceUntilTheTimeoutIsUnconfirmed", {}, true, ProbeTier::kUnconfirmed},
    {"HangingUpUnansweredIsNothing", {}, false, ProbeTier::kNotTtm},
    {"AFrameIsUnconfirmed", {ReplyKind::kTtmFrame, {}}, false, ProbeTier::kUnconfirmed},
    {"UnrecognisedBytesAreUnconfirmed",
     {ReplyKind::kUnrecognised, {}},
     false,
     ProbeTier::kUnconfirmed},
    {"AKnownBannerIsNothing", {ReplyKind::kOtherService, "http"}, false, ProbeTier::kNotTtm},
    {"AnEchoIsNothing", {ReplyKind::kOtherService, kEchoService}, true, ProbeTier::kNotTtm},
};

INSTANTIATE_TEST_SUITE_P(Cases, TierOfTest, ::testing::ValuesIn(kTierCases),
                         testing::CaseName<TierCase>);

TEST(TtmProbeTest, StayedSilentTellsAWholeTimeoutFromAHangUpOnASecondClock) {
  for (int timeout = kMinSilenceSeconds; timeout <= kMinSilenceSeconds + 3; ++timeout) {
    // A hang-up at once reads 0, or 1 across a second boundary.
    EXPECT_FALSE(StayedSilent(0, timeout));
    EXPECT_FALSE(StayedSilent(1, timeout));
    // The whole timeout reads timeout, timeout + 1, or timeout - 1 when the clock lags a tick.
    EXPECT_TRUE(StayedSilent(timeout - 1, timeout));
    EXPECT_TRUE(StayedSilent(timeout, timeout));
    EXPECT_TRUE(StayedSilent(timeout + 1, timeout));
  }
}

}  // namespace
}  // namespace ttmtrack::core
