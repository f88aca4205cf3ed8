#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace ttmtrack::core {

// The ttm_cmd framing that ttmtrack ASSUMES (docs/ttm-protocol.md): no public wire
// specification of TTM exists, so this is our design. The fake server speaks it; the probe and
// the reply signature of core/ttm_probe.hpp are built from it, and the NASL plugins carry
// blocks generated from those (nasl/blocks/), so nothing here is written down twice.
//
// Frame = 16-byte header, then `payload_length` payload bytes. All integers big-endian.
//   0..3   magic "TTMC"
//   4      version (1)
//   5      message type (MessageType)
//   6..7   flags (0; ignored on receipt)
//   8..11  request id (a response echoes the request's id)
//   12..15 payload length
inline constexpr std::array<char, 4> kMagic = {'T', 'T', 'M', 'C'};
inline constexpr std::uint8_t kVersion = 1;
inline constexpr std::size_t kHeaderSize = 16;
// Larger frames are refused: a fake server has no business buffering megabytes.
inline constexpr std::uint32_t kMaxPayload = 64 * 1024;
// A response's type is the request's type with this bit set.
inline constexpr std::uint8_t kResponseBit = 0x80;

enum class MessageType : std::uint8_t {
  kHello = 0x01,      // "who are you": the probe the plugin sends
  kHeartbeat = 0x02,  // keep-alive, sent by either side
  kHelloAck = 0x81,
  kHeartbeatAck = 0x82,
  kError = 0xFF,  // payload: a short ASCII reason
};

struct FrameHeader {
  std::uint8_t version = kVersion;
  std::uint8_t type = 0;
  std::uint16_t flags = 0;
  std::uint32_t request_id = 0;
  std::uint32_t payload_length = 0;
};

enum class HeaderStatus { kOk, kBadMagic, kBadVersion, kPayloadTooLarge };

struct ParsedHeader {
  HeaderStatus status = HeaderStatus::kBadMagic;
  FrameHeader header;
};

// Serialises one frame. REQUIRES: payload.size() <= kMaxPayload.
std::string EncodeFrame(MessageType type, std::uint32_t request_id, std::string_view payload = {},
                        std::uint16_t flags = 0);

// Decodes the first kHeaderSize bytes. REQUIRES: bytes.size() >= kHeaderSize.
// Never throws: a header that is not ours is an expected outcome on a scanned port.
ParsedHeader ParseHeader(std::string_view bytes);

}  // namespace ttmtrack::core
