#include "nasl/blocks/probe_blocks.hpp"

#include <initializer_list>
#include <optional>
#include <utility>

#include "core/ascii_text.hpp"
#include "core/enum_text.hpp"
#include "core/error.hpp"
#include "core/ttm_frame.hpp"
#include "nasl/blocks/report_block.hpp"

namespace ttmtrack::nasl::blocks {
namespace {

using core::ReplyKind;

constexpr std::string_view kBeginPrefix = "# BEGIN GENERATED ";
constexpr std::string_view kEndPrefix = "# END GENERATED ";

std::string Hex2(std::uint8_t byte) {
  const char c = static_cast<char>(byte);
  return core::HexLower(std::string_view(&c, 1));
}

// The low nibbles lo..hi (lo < hi) as a bracket expression. Hex digits are not contiguous in
// ASCII, so a class that spans 9 and a is written in two parts.
std::string NibbleClass(unsigned lo, unsigned hi) {
  static constexpr char kDigits[] = "0123456789abcdef";
  if (hi <= 9 || lo >= 10) return std::string("[") + kDigits[lo] + '-' + kDigits[hi] + ']';
  return std::string("[") + kDigits[lo] + "-9a-" + kDigits[hi] + ']';
}

// Bytes lo..hi (lo < hi): "3[0-9]" when they share their high nibble, else an alternation.
std::string RangePattern(std::uint8_t lo, std::uint8_t hi) {
  if ((lo >> 4) == (hi >> 4)) {
    return Hex2(lo).substr(0, 1) + NibbleClass(lo & 0xFU, hi & 0xFU);
  }
  std::string out = "(";
  for (unsigned v = lo; v <= hi; ++v) {
    if (v > lo) out += '|';
    out += Hex2(static_cast<std::uint8_t>(v));
  }
  return out + ")";
}

std::string Quoted(std::string_view text) { return "\"" + std::string(text) + "\""; }

std::string BeginMarker(BlockKind kind) {
  return std::string(kBeginPrefix) + std::string(BlockName(kind)) +
         " (rendered by ttm-nasl-block from ttmtrack's C++; do not edit)\n";
}

std::string EndMarker(BlockKind kind) {
  return std::string(kEndPrefix) + std::string(BlockName(kind)) + "\n";
}

// raw_string(0x54, ...), eight bytes a line, continuation lines aligned under the first byte.
std::string RawString(std::string_view lead, std::string_view bytes) {
  std::string out = std::string(lead) + "raw_string(";
  const std::string indent(out.size(), ' ');
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    if (i > 0) out += (i % 8 == 0) ? ",\n" + indent : ", ";
    out += "0x" + Hex2(static_cast<std::uint8_t>(bytes[i]));
  }
  return out + ");\n";
}

// `text` with each "@NAME@" of `values` replaced.
std::string Substitute(std::string text,
                       std::initializer_list<std::pair<std::string_view, std::string>> values) {
  for (const auto& [name, value] : values) {
    for (std::size_t at = text.find(name); at != std::string::npos;
         at = text.find(name, at + value.size())) {
      text.replace(at, name.size(), value);
    }
  }
  return text;
}

std::string Hex2Of(core::MessageType type) { return Hex2(static_cast<std::uint8_t>(type)); }

std::string SignatureBody() {
  const std::string& probe = core::Probe();
  std::string ports;
  for (int port : core::kTtmDefaultPorts) {
    ports += (ports.empty() ? "" : ", ") + std::to_string(port);
  }
  return Substitute(
      R"nasl(# The probe and the reply signature are an ASSUMPTION of ttmtrack, not a published TTM
# specification (docs/ttm-protocol.md section 2).
global_var ttm_probe, ttm_reply_hex_pattern, ttm_reply_min_length, ttm_default_ports;
global_var ttm_default_timeout;
# Probe: a HELLO frame (type 0x@HELLO@), @PROBE_SIZE@ bytes, big-endian: magic "TTMC", version @VERSION@,
# flags 0, request id 0x@REQUEST_ID@ (the detection ID), payload length 0.
@PROBE@# Reply: a HELLO_ACK header (type 0x@HELLO_ACK@) echoing the probe's request id, with any flags and
# any payload length. Matched on hexstr() of the reply (lower-case hex), because NASL
# regular expressions stop at a NUL byte and the header holds several.
ttm_reply_hex_pattern = "@SIGNATURE@";
ttm_reply_min_length = @SIGNATURE_SIZE@;
# The ports TTM is known or commonly configured to use, and the reply timeout (s).
ttm_default_ports = make_list(@PORTS@);
ttm_default_timeout = @TIMEOUT@;
)nasl",
      {{"@HELLO@", Hex2Of(core::MessageType::kHello)},
       {"@PROBE_SIZE@", std::to_string(probe.size())},
       {"@VERSION@", std::to_string(core::kVersion)},
       {"@REQUEST_ID@", core::HexLower(probe.substr(8, 4))},
       {"@PROBE@", RawString("ttm_probe = ", probe)},
       {"@HELLO_ACK@", Hex2Of(core::MessageType::kHelloAck)},
       {"@SIGNATURE@", HexPattern(core::ReplySignature())},
       {"@SIGNATURE_SIZE@", std::to_string(core::ReplySignature().ranges().size())},
       {"@PORTS@", ports},
       {"@TIMEOUT@", std::to_string(core::kDefaultReplyTimeoutSeconds)}});
}

// One ERE per banner: its alternatives joined with '|'.
std::string BannerPattern(const core::KnownBanner& banner) {
  if (banner.alternatives.size() == 1) return HexPattern(banner.alternatives.front());
  std::string out = "^(";
  for (std::size_t i = 0; i < banner.alternatives.size(); ++i) {
    if (i > 0) out += '|';
    out += HexPattern(banner.alternatives[i]).substr(1);  // without its own '^'
  }
  return out + ")";
}

std::string BannerTables() {
  std::string names;
  std::string patterns;
  const auto& banners = core::KnownBanners();
  for (std::size_t i = 0; i < banners.size(); ++i) {
    names += (i > 0 ? ", " : "") + Quoted(banners[i].name);
    patterns += "  # " + std::string(banners[i].name) + ": " + std::string(banners[i].description) +
                "\n  " + Quoted(BannerPattern(banners[i])) +
                (i + 1 < banners.size() ? ",\n" : ");\n");
  }
  return "ttm_banner_names = make_list(" + names + ");\nttm_banner_hex_patterns = make_list(\n" +
         patterns;
}

// The NASL twins of core::ClassifyReply, core::StayedSilent and core::TierOf, in the same order
// of tests; the class and tier names come from core.
constexpr char kClassifierNasl[] =
    R"nasl(# How a reply to the probe is read (core::ClassifyReply, core::TierOf). Patterns run on
# hexstr() of the reply, anchored at its first byte.
global_var ttm_frame_hex_pattern, ttm_banner_names, ttm_banner_hex_patterns;
global_var ttm_min_silence;
# Any frame of the assumed framing: magic "TTMC", version @VERSION@.
ttm_frame_hex_pattern = "@FRAME@";
# Replies of other protocols, tried in this order.
@BANNERS@# The shortest reply timeout (s) that tells "silent until the timeout" from "hung up at
# once" on unixtime(), which counts whole seconds and may lag a clock tick.
ttm_min_silence = @MIN_SILENCE@;

# @NONE@, @CONFIRMED@, @ECHO@, @FRAME_KIND@, a name of ttm_banner_names, or @UNRECOGNISED@.
function ttm_classify(reply)
{
  local_var hex, probe_hex, i;
  if (isnull(reply) || strlen(reply) == 0) return @NONE@;
  hex = hexstr(reply);
  if (strlen(reply) >= ttm_reply_min_length && ereg(string:hex, pattern:ttm_reply_hex_pattern))
    return @CONFIRMED@;
  probe_hex = hexstr(ttm_probe);
  if (strlen(hex) >= strlen(probe_hex) && substr(hex, 0, strlen(probe_hex) - 1) == probe_hex)
    return @ECHO@;
  if (ereg(string:hex, pattern:ttm_frame_hex_pattern)) return @FRAME_KIND@;
  for (i = 0; i < max_index(ttm_banner_names); i++)
  {
    if (ereg(string:hex, pattern:ttm_banner_hex_patterns[i])) return ttm_banner_names[i];
  }
  return @UNRECOGNISED@;
}

# TRUE when a recv() that returned nothing after `waited` seconds by unixtime() had kept the
# connection open for the whole `timeout` (at least ttm_min_silence): that reads at least
# timeout - 1, and a peer that hung up at once reads 0 or 1 (core::StayedSilent).
function ttm_stayed_silent(waited, timeout)
{
  return waited >= timeout - 1;
}

# @TIER_CONFIRMED@, @TIER_UNCONFIRMED@ or "" (report nothing). silent: nothing came back and the
# connection stayed open until the reply timeout.
function ttm_tier(kind, silent)
{
  if (kind == @CONFIRMED@) return @TIER_CONFIRMED@;
  if (kind == @FRAME_KIND@ || kind == @UNRECOGNISED@) return @TIER_UNCONFIRMED@;
  if (kind == @NONE@ && silent) return @TIER_UNCONFIRMED@;
  return "";
}
)nasl";

std::string ClassifierBody() {
  return Substitute(kClassifierNasl,
                    {{"@VERSION@", std::to_string(core::kVersion)},
                     {"@FRAME@", HexPattern(core::FramePrefix())},
                     {"@BANNERS@", BannerTables()},
                     {"@MIN_SILENCE@", std::to_string(core::kMinSilenceSeconds)},
                     {"@NONE@", Quoted(core::ToText(ReplyKind::kNone))},
                     {"@CONFIRMED@", Quoted(core::ToText(ReplyKind::kConfirmed))},
                     {"@ECHO@", Quoted(core::kEchoService)},
                     {"@FRAME_KIND@", Quoted(core::ToText(ReplyKind::kTtmFrame))},
                     {"@UNRECOGNISED@", Quoted(core::ToText(ReplyKind::kUnrecognised))},
                     {"@TIER_CONFIRMED@", Quoted(core::ToText(core::ProbeTier::kConfirmed))},
                     {"@TIER_UNCONFIRMED@", Quoted(core::ToText(core::ProbeTier::kUnconfirmed))}});
}

std::optional<BlockKind> KindNamed(std::string_view name) {
  for (BlockKind kind : kAllBlockKinds) {
    if (BlockName(kind) == name) return kind;
  }
  return std::nullopt;
}

[[noreturn]] void Fail(const std::string& file, int line, const std::string& what) {
  throw Error(Error::Kind::kBadInput, what, Error::Context{.file = file, .line = line});
}

}  // namespace

std::string_view BlockName(BlockKind kind) {
  switch (kind) {
    case BlockKind::kSignature: return "ttm-signature";
    case BlockKind::kClassifier: return "ttm-classifier";
    case BlockKind::kReport: return "ttm-report";
  }
  return "?";
}

std::string RenderBlock(BlockKind kind) {
  switch (kind) {
    case BlockKind::kSignature: return BeginMarker(kind) + SignatureBody() + EndMarker(kind);
    case BlockKind::kClassifier: return BeginMarker(kind) + ClassifierBody() + EndMarker(kind);
    case BlockKind::kReport: return BeginMarker(kind) + ReportBody() + EndMarker(kind);
  }
  return {};
}

std::string HexPattern(const core::BytePattern& pattern) {
  std::string out = "^";
  std::size_t any_run = 0;
  const auto flush_any = [&] {
    if (any_run > 0) out += "[0-9a-f]{" + std::to_string(2 * any_run) + "}";
    any_run = 0;
  };
  for (const core::BytePattern::Range& r : pattern.ranges()) {
    if (r.lo == 0x00 && r.hi == 0xFF) {
      ++any_run;
      continue;
    }
    flush_any();
    if (r.lo == r.hi) {
      out += Hex2(r.lo);
      continue;
    }
    out += RangePattern(r.lo, r.hi);
  }
  flush_any();
  return out;
}

std::vector<FoundBlock> FindBlocks(std::string_view text, const std::string& file) {
  std::vector<FoundBlock> found;
  std::optional<FoundBlock> open;
  std::string_view open_name;
  int line = 0;
  for (std::size_t at = 0; at < text.size();) {
    const std::size_t eol = text.find('\n', at);
    const std::size_t next = eol == std::string_view::npos ? text.size() : eol + 1;
    const std::string_view content = text.substr(at, next - at);
    ++line;
    if (content.starts_with(kBeginPrefix)) {
      const std::string_view rest = content.substr(kBeginPrefix.size());
      const std::string_view name = rest.substr(0, rest.find_first_of(" \n"));
      if (open) Fail(file, line, "a generated block begins inside block " + std::string(open_name));
      const auto kind = KindNamed(name);
      if (!kind) Fail(file, line, "unknown generated block '" + std::string(name) + "'");
      open = FoundBlock{*kind, at, 0, line, false};
      open_name = BlockName(*kind);
    } else if (content.starts_with(kEndPrefix)) {
      const std::string_view rest = content.substr(kEndPrefix.size());
      const std::string_view name = rest.substr(0, rest.find_first_of(" \n"));
      if (!open || name != open_name) {
        Fail(file, line, "END marker of '" + std::string(name) + "' without its BEGIN marker");
      }
      open->end = next;
      open->current = text.substr(open->begin, next - open->begin) == RenderBlock(open->kind);
      found.push_back(*open);
      open.reset();
    }
    at = next;
  }
  if (open)
    Fail(file, open->line, "generated block " + std::string(open_name) + " has no END marker");
  return found;
}

std::string UpdateBlocks(std::string_view text, const std::string& file) {
  std::string out;
  std::size_t copied = 0;
  for (const FoundBlock& block : FindBlocks(text, file)) {
    out.append(text.substr(copied, block.begin - copied));
    out += RenderBlock(block.kind);
    copied = block.end;
  }
  out.append(text.substr(copied));
  return out;
}

}  // namespace ttmtrack::nasl::blocks
