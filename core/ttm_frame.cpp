#include "core/ttm_frame.hpp"

#include <algorithm>
#include <cassert>

namespace ttmtrack::core {
namespace {

void PutU16(std::string& out, std::uint16_t v) {
  out.push_back(static_cast<char>((v >> 8) & 0xFF));
  out.push_back(static_cast<char>(v & 0xFF));
}

void PutU32(std::string& out, std::uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) {
    out.push_back(static_cast<char>((v >> shift) & 0xFF));
  }
}

std::uint32_t GetU32(std::string_view bytes, std::size_t at) {
  std::uint32_t v = 0;
  for (std::size_t i = 0; i < 4; ++i) {
    v = (v << 8) | static_cast<std::uint8_t>(bytes[at + i]);
  }
  return v;
}

}  // namespace

std::string EncodeFrame(MessageType type, std::uint32_t request_id, std::string_view payload,
                        std::uint16_t flags) {
  assert(payload.size() <= kMaxPayload);
  std::string out(kMagic.begin(), kMagic.end());
  out.reserve(kHeaderSize + payload.size());
  out.push_back(static_cast<char>(kVersion));
  out.push_back(static_cast<char>(type));
  PutU16(out, flags);
  PutU32(out, request_id);
  PutU32(out, static_cast<std::uint32_t>(payload.size()));
  out.append(payload);
  return out;
}

ParsedHeader ParseHeader(std::string_view bytes) {
  assert(bytes.size() >= kHeaderSize);
  ParsedHeader parsed;
  if (!std::equal(kMagic.begin(), kMagic.end(), bytes.begin())) {
    parsed.status = HeaderStatus::kBadMagic;
    return parsed;
  }
  FrameHeader& h = parsed.header;
  h.version = static_cast<std::uint8_t>(bytes[4]);
  h.type = static_cast<std::uint8_t>(bytes[5]);
  h.flags = static_cast<std::uint16_t>((static_cast<std::uint8_t>(bytes[6]) << 8) |
                                       static_cast<std::uint8_t>(bytes[7]));
  h.request_id = GetU32(bytes, 8);
  h.payload_length = GetU32(bytes, 12);
  if (h.version != kVersion) {
    parsed.status = HeaderStatus::kBadVersion;
  } else if (h.payload_length > kMaxPayload) {
    parsed.status = HeaderStatus::kPayloadTooLarge;
  } else {
    parsed.status = HeaderStatus::kOk;
  }
  return parsed;
}

}  // namespace ttmtrack::core
