#include "core/ttm_probe.hpp"

#include <cassert>

#include "core/enum_text.hpp"
#include "core/ttm_frame.hpp"

namespace ttmtrack::core {
namespace {

BytePattern Text(std::string_view text) { return BytePattern().Literal(text); }

// Three digits, the first 1-5, then `separator`: "220 ", "220-", "200 ", "421 ".
BytePattern ReplyCode(char separator) {
  return BytePattern().Between('1', '5').Between('0', '9').Between('0', '9').Byte(
      static_cast<std::uint8_t>(separator));
}

}  // namespace

const std::string& Probe() {
  static const std::string kProbe = EncodeFrame(MessageType::kHello, kProbeRequestId);
  return kProbe;
}

BytePattern& BytePattern::Literal(std::string_view bytes) {
  for (char c : bytes) Byte(static_cast<std::uint8_t>(c));
  return *this;
}

BytePattern& BytePattern::Byte(std::uint8_t value) { return Between(value, value); }

BytePattern& BytePattern::Between(std::uint8_t lo, std::uint8_t hi) {
  assert(lo <= hi);
  ranges_.push_back(Range{lo, hi});
  return *this;
}

BytePattern& BytePattern::Any(std::size_t count) {
  for (std::size_t i = 0; i < count; ++i) Between(0x00, 0xFF);
  return *this;
}

bool BytePattern::Matches(std::string_view reply) const {
  if (reply.size() < ranges_.size()) return false;
  for (std::size_t i = 0; i < ranges_.size(); ++i) {
    const auto byte = static_cast<std::uint8_t>(reply[i]);
    if (byte < ranges_[i].lo || byte > ranges_[i].hi) return false;
  }
  return true;
}

const BytePattern& ReplySignature() {
  static const BytePattern kSignature = [] {
    BytePattern p;
    p.Literal(std::string_view(kMagic.data(), kMagic.size()))
        .Byte(kVersion)
        .Byte(static_cast<std::uint8_t>(MessageType::kHelloAck))
        .Any(2);  // flags
    for (int shift = 24; shift >= 0; shift -= 8) {
      p.Byte(static_cast<std::uint8_t>((kProbeRequestId >> shift) & 0xFF));
    }
    p.Any(4);  // payload length
    return p;
  }();
  return kSignature;
}

const BytePattern& FramePrefix() {
  static const BytePattern kPrefix =
      BytePattern().Literal(std::string_view(kMagic.data(), kMagic.size())).Byte(kVersion);
  return kPrefix;
}

const std::vector<KnownBanner>& KnownBanners() {
  // Services that answer a 16-byte binary probe, or greet before it, in a recognisable way.
  // Services that close without a word (OpenSSL-based TLS servers, SMB, RDP, ...) need no entry:
  // a reply of nothing that ends before the timeout is never reported.
  static const std::vector<KnownBanner> kBanners = {
      {"http", "an HTTP status line: \"HTTP/\"", {Text("HTTP/")}},
      {"ssh", "an SSH identification string: \"SSH-\"", {Text("SSH-")}},
      {"tls",
       "a TLS record: alert (0x15) or handshake (0x16), version 0x0300 to 0x0304",
       {BytePattern().Between(0x15, 0x16).Byte(0x03).Between(0x00, 0x04)}},
      {"smtp-ftp",
       "a numeric reply line of SMTP, FTP, NNTP and the like: three digits, then space or -",
       {ReplyCode(' '), ReplyCode('-')}},
      {"pop3", R"(a POP3 (or Redis) status: "+OK" or "-ERR")", {Text("+OK"), Text("-ERR")}},
      {"imap",
       R"(an IMAP greeting: "* OK", "* PREAUTH" or "* BYE")",
       {Text("* OK"), Text("* PREAUTH"), Text("* BYE")}},
      {"vnc", "an RFB (VNC) protocol version: \"RFB \"", {Text("RFB ")}},
  };
  return kBanners;
}

std::string_view ReplyClass::Name() const {
  if (kind == ReplyKind::kOtherService) return service;
  return ToText(kind);
}

ReplyClass ClassifyReply(std::string_view reply) {
  if (reply.empty()) return {};
  if (ReplySignature().Matches(reply)) return {ReplyKind::kConfirmed, {}};
  if (reply.starts_with(Probe())) return {ReplyKind::kOtherService, kEchoService};
  if (FramePrefix().Matches(reply)) return {ReplyKind::kTtmFrame, {}};
  for (const KnownBanner& banner : KnownBanners()) {
    for (const BytePattern& alternative : banner.alternatives) {
      if (alternative.Matches(reply)) return {ReplyKind::kOtherService, banner.name};
    }
  }
  return {ReplyKind::kUnrecognised, {}};
}

ProbeTier TierOf(const ReplyClass& reply, bool silent_until_timeout) {
  switch (reply.kind) {
    case ReplyKind::kConfirmed: return ProbeTier::kConfirmed;
    case ReplyKind::kTtmFrame:
    case ReplyKind::kUnrecognised: return ProbeTier::kUnconfirmed;
    case ReplyKind::kNone:
      return silent_until_timeout ? ProbeTier::kUnconfirmed : ProbeTier::kNotTtm;
    case ReplyKind::kOtherService: return ProbeTier::kNotTtm;
  }
  return ProbeTier::kNotTtm;
}

bool StayedSilent(int waited_seconds, int timeout_seconds) {
  assert(timeout_seconds >= kMinSilenceSeconds);
  return waited_seconds >= timeout_seconds - 1;
}

}  // namespace ttmtrack::core
