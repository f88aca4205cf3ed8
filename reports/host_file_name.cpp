#include "reports/host_file_name.hpp"

#include <cstdint>

namespace ttmtrack::reports {
namespace {

constexpr std::size_t kMaxStem = 180;
constexpr char kHex[] = "0123456789abcdef";

void AppendHexByte(std::string& out, unsigned char byte) {
  out.push_back(kHex[byte >> 4]);
  out.push_back(kHex[byte & 0x0F]);
}

std::uint64_t Fnv1a64(std::string_view text) {
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  for (const char c : text) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

}  // namespace

std::string HostFileStem(std::string_view ip) {
  if (ip.empty()) return "_";
  std::string stem;
  stem.reserve(ip.size());
  for (std::size_t i = 0; i < ip.size(); ++i) {
    const auto byte = static_cast<unsigned char>(ip[i]);
    const bool kept =
        (byte >= '0' && byte <= '9') || (byte >= 'a' && byte <= 'z') || (byte == '.' && i != 0);
    if (kept) {
      stem.push_back(static_cast<char>(byte));
    } else if (byte == ':') {
      stem.push_back('-');
    } else {
      stem.push_back('_');
      AppendHexByte(stem, byte);
    }
  }
  if (stem.size() > kMaxStem) {
    // The hash suffix starts with '~', which the mapping above never produces, so a cut name
    // cannot equal an uncut one; two cut names collide only if their 64-bit hashes do.
    stem.resize(kMaxStem - 17);
    stem.push_back('~');
    const std::uint64_t hash = Fnv1a64(ip);
    for (int shift = 56; shift >= 0; shift -= 8) {
      AppendHexByte(stem, static_cast<unsigned char>((hash >> shift) & 0xFF));
    }
  }
  return stem;
}

std::string ExposureAnchor(std::uint16_t port, std::string_view protocol) {
  return "exposure-" + std::to_string(port) + "-" + HostFileStem(protocol);
}

}  // namespace ttmtrack::reports
