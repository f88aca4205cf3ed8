#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

// What ttmtrack sends to a TTM port and how it reads what comes back: the ONE definition behind
// both detection plugins (their "GENERATED" blocks are rendered from this file by
// ttm-nasl-block, nasl/blocks/, and the build fails when a shipped .nasl differs) and the C++
// side (the fake server's tests today, `ttmtrack verify` next). The probe and the reply signature
// are an ASSUMPTION of ttmtrack, built on the framing of core/ttm_frame.hpp; docs/ttm-protocol.md
// §2 says what is assumed.
//
// Reading a reply is two steps, both pure:
//   ClassifyReply(bytes)           what the bytes are: nothing, the signature, a frame of the
//                                  assumed framing, a known other protocol, or unrecognised;
//   TierOf(class, silent)          what the plugins report: confirmed (ttm_cmd_detect.nasl),
//                                  unconfirmed (ttm_cmd_unconfirmed.nasl), or nothing.
// The NASL functions ttm_classify() and ttm_tier() are the same steps, rendered from the same
// tables; a differential test runs both on the same inputs (tests/nasl/plugin).
namespace ttmtrack::core {

// The request id of the probe: the detection ID c564e5ab. A reply echoing it answers OUR probe.
inline constexpr std::uint32_t kProbeRequestId = 0xc564e5ab;

// The TCP ports TTM is known or commonly configured to use: 10200 is TT's default request port,
// 5010 where ttmtrack's sites run the command channel (a site choice, not a TT default).
inline constexpr std::array<int, 2> kTtmDefaultPorts = {5010, 10200};

// How long to wait for a reply, by default: TT's own client connection time-out.
inline constexpr int kDefaultReplyTimeoutSeconds = 4;

// The shortest reply timeout with which a port that sent nothing can be told apart from one that
// hung up at once, on NASL's only clock: unixtime() counts whole seconds and may lag a clock
// tick, so a connection held open for the whole timeout T reads at least T - 1 seconds, and one
// closed at once reads 0 or 1. With T >= 3 the two never meet (the plugin's ttm_stayed_silent).
inline constexpr int kMinSilenceSeconds = 3;

// The bytes sent to every TTM port: a HELLO frame carrying kProbeRequestId, no payload (16
// bytes, 54544d4301010000c564e5ab00000000).
const std::string& Probe();

// A pattern on the first bytes of a reply: byte i must lie in ranges()[i]. A reply matches when
// it is at least as long as the pattern and each of its first bytes is in range; what follows is
// not looked at. Built once, read-only afterwards (thread-safe to read).
class BytePattern {
 public:
  struct Range {
    std::uint8_t lo = 0;
    std::uint8_t hi = 0;
  };

  BytePattern& Literal(std::string_view bytes);
  BytePattern& Byte(std::uint8_t value);
  BytePattern& Between(std::uint8_t lo, std::uint8_t hi);  // REQUIRES: lo <= hi
  BytePattern& Any(std::size_t count = 1);

  bool Matches(std::string_view reply) const;
  const std::vector<Range>& ranges() const { return ranges_; }

 private:
  std::vector<Range> ranges_;
};

// The confirmed-tier signature: magic "TTMC", version 1, type HELLO_ACK, any flags, the probe's
// request id echoed, any payload length (16 bytes).
const BytePattern& ReplySignature();

// The start of any frame of the assumed framing: magic "TTMC" and version 1.
const BytePattern& FramePrefix();

// A protocol other than ttm_cmd, recognised by how its reply to the probe starts.
struct KnownBanner {
  std::string_view name;         // what ClassifyReply and ttm_classify() call it: "http", ...
  std::string_view description;  // one line, for the generated NASL block and the docs
  std::vector<BytePattern> alternatives;  // the reply starts like one of these
};

// Every known banner, in the order they are tried.
const std::vector<KnownBanner>& KnownBanners();

// The service name of a reply that starts with the whole probe (an echo service).
inline constexpr std::string_view kEchoService = "echo";

enum class ReplyKind {
  kNone,          // no byte came back
  kConfirmed,     // the reply signature: a HELLO_ACK answering the probe
  kTtmFrame,      // starts like a frame of the assumed framing but is not that answer (for
                  // instance the daemon's own HEARTBEAT)
  kOtherService,  // the probe echoed, or a known banner (ReplyClass::service says which)
  kUnrecognised,  // bytes that are neither ttm_cmd nor a known protocol
};

struct ReplyClass {
  ReplyKind kind = ReplyKind::kNone;
  // kOtherService: kEchoService or a KnownBanner name (static storage); empty otherwise.
  std::string_view service;

  // What NASL's ttm_classify() returns for the same bytes: "none", "confirmed", "ttm-frame",
  // "unrecognised", or the service name.
  std::string_view Name() const;
  bool operator==(const ReplyClass&) const = default;
};

// Reads the first bytes a TTM port sent back after the probe (however many arrived; the
// plugins read up to 1024). In order: nothing; the signature; the whole probe echoed; a frame
// prefix; each known banner; otherwise unrecognised. Never throws.
ReplyClass ClassifyReply(std::string_view reply);

enum class ProbeTier {
  kConfirmed,    // ttm_cmd_detect.nasl reports it (and registers the ttm_cmd service)
  kUnconfirmed,  // ttm_cmd_unconfirmed.nasl reports a possible ttm_cmd listener
  kNotTtm,       // neither reports anything: another service, or one that hung up unanswered
};

// The tier a probed TTM port falls in. `silent_until_timeout` matters only for kNone: true when
// the connection stayed open, without a byte, until the reply timeout (which must be at least
// kMinSilenceSeconds); false when the peer closed or reset it earlier. A port the scanner's
// service detection identified is never probed for the unconfirmed tier (the plugin's job, not
// this function's).
ProbeTier TierOf(const ReplyClass& reply, bool silent_until_timeout);

// For a clock that counts whole seconds (NASL's unixtime()): true when a wait that ended without
// a byte after `waited_seconds` by that clock had lasted the whole `timeout_seconds`. It reads at
// least timeout - 1 then; a peer that hung up at once reads 0 or 1. REQUIRES: timeout_seconds >=
// kMinSilenceSeconds. A caller with a finer clock, or one that sees the close, needs no guess.
bool StayedSilent(int waited_seconds, int timeout_seconds);

// ReplyKind and ProbeTier are spelled by core/enum_text.hpp ("ttm-frame", "not-ttm", ...).

}  // namespace ttmtrack::core
