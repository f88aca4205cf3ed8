#include "core/ip_network.hpp"

namespace ttmtrack::core {
namespace {

// 1-3 decimal digits without a leading zero, at most `maximum`.
std::optional<int> ParsePrefixLength(std::string_view text, int maximum) {
  if (text.empty() || text.size() > 3 || (text.size() > 1 && text[0] == '0')) return std::nullopt;
  int value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  if (value > maximum) return std::nullopt;
  return value;
}

std::optional<IpNetwork> Refuse(std::string* problem, std::string why) {
  if (problem != nullptr) *problem = std::move(why);
  return std::nullopt;
}

}  // namespace

std::optional<IpNetwork> IpNetwork::Parse(std::string_view text, std::string* problem) {
  const std::size_t slash = text.find('/');
  const std::string_view address_text = text.substr(0, slash);
  const std::optional<IpAddress> address = IpAddress::Parse(address_text);
  if (!address) {
    return Refuse(problem, "'" + std::string(address_text) + "' is not an IP address");
  }
  // Written as IPv6 (IPv4-mapped), read as IPv4: the prefix counts the 96 bits of the mapping.
  const int written_bits = address_text.find(':') != std::string_view::npos ? 128 : 32;
  int written_prefix = written_bits;
  if (slash != std::string_view::npos) {
    const std::optional<int> prefix = ParsePrefixLength(text.substr(slash + 1), written_bits);
    if (!prefix) {
      return Refuse(problem,
                    "the prefix length must be a number from 0 to " + std::to_string(written_bits));
    }
    written_prefix = *prefix;
  }
  const int unused_bits = written_bits - address->bit_length();
  if (written_prefix < unused_bits) {
    return Refuse(problem, "an IPv4-mapped network needs a prefix length from " +
                               std::to_string(unused_bits) + " to " + std::to_string(written_bits));
  }
  const IpNetwork network = Containing(*address, written_prefix - unused_bits);
  if (network.address_ != *address) {
    return Refuse(problem, "host bits are set after /" + std::to_string(written_prefix) +
                               "; did you mean " + network.ToString() + "?");
  }
  return network;
}

IpNetwork IpNetwork::Containing(const IpAddress& address, int prefix_length) {
  IpNetwork network;
  network.prefix_length_ = prefix_length;
  std::array<std::uint8_t, 16> bytes = address.bytes();
  for (int bit = prefix_length; bit < address.bit_length(); ++bit) {
    const auto index = static_cast<std::size_t>(bit / 8);
    bytes[index] = static_cast<std::uint8_t>(bytes[index] & ~(0x80u >> (bit % 8)));
  }
  if (address.is_v4()) {
    std::uint32_t value = 0;
    for (std::size_t i = 0; i < 4; ++i) value = (value << 8) | bytes[i];
    network.address_ = IpAddress::FromV4(value);
  } else {
    network.address_ = IpAddress::FromV6(bytes);
  }
  return network;
}

bool IpNetwork::Contains(const IpAddress& address) const {
  return address.family() == family() && Containing(address, prefix_length_).address_ == address_;
}

std::string IpNetwork::ToString() const {
  return address_.ToString() + "/" + std::to_string(prefix_length_);
}

}  // namespace ttmtrack::core
