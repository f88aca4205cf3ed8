#include "reports/trusted_network.hpp"

#include <charconv>

#include "core/error.hpp"

namespace ttmtrack::reports {
namespace {

[[noreturn]] void ThrowUsage(std::string_view text, const std::string& what) {
  throw Error(Error::Kind::kUsage,
              "trusted network '" + std::string(text) + "': " + what +
                  " (expected a network in CIDR notation, e.g. 10.0.0.0/8 or 2001:db8::/32)");
}

// Clears every bit after `prefix_length`; returns true when any was set.
bool ClearHostBits(std::array<std::uint8_t, 16>& bytes, int prefix_length, int bit_length) {
  bool any_set = false;
  for (int bit = prefix_length; bit < bit_length; ++bit) {
    const auto index = static_cast<std::size_t>(bit / 8);
    const auto mask = static_cast<std::uint8_t>(0x80u >> (bit % 8));
    if ((bytes[index] & mask) != 0) {
      any_set = true;
      bytes[index] = static_cast<std::uint8_t>(bytes[index] & ~mask);
    }
  }
  return any_set;
}

}  // namespace

std::string TrustedNetwork::ToString() const {
  return address_.ToString() + "/" + std::to_string(prefix_length_);
}

TrustedNetwork ParseTrustedNetwork(std::string_view text) {
  const std::size_t slash = text.find('/');
  const std::string_view address_text = text.substr(0, slash);
  const std::optional<IpAddress> address = IpAddress::Parse(address_text);
  if (!address) ThrowUsage(text, "'" + std::string(address_text) + "' is not an IP address");

  TrustedNetwork network;
  network.address_ = *address;
  network.prefix_length_ = address->bit_length();
  if (slash != std::string_view::npos) {
    const std::string_view prefix = text.substr(slash + 1);
    int value = -1;
    const auto [end, error] = std::from_chars(prefix.data(), prefix.data() + prefix.size(), value);
    const bool leading_zero = prefix.size() > 1 && prefix[0] == '0';
    if (prefix.empty() || error != std::errc() || end != prefix.data() + prefix.size() ||
        leading_zero || value < 0 || value > address->bit_length()) {
      ThrowUsage(text, "the prefix length must be a number from 0 to " +
                           std::to_string(address->bit_length()));
    }
    network.prefix_length_ = value;
  }

  auto bytes = address->bytes();
  if (ClearHostBits(bytes, network.prefix_length_, address->bit_length())) {
    const IpAddress meant = IpAddress::FromBytes(address->family(), bytes);
    const std::string prefix = "/" + std::to_string(network.prefix_length_);
    ThrowUsage(text, "host bits are set after " + prefix + "; did you mean " + meant.ToString() +
                         prefix + "?");
  }
  return network;
}

}  // namespace ttmtrack::reports
