#include "evidence/firewall/address_values.hpp"

#include "core/ip_network.hpp"

namespace ttmtrack::evidence {
namespace {

std::optional<int> Decimal(std::string_view text, int max) {
  if (text.empty() || text.size() > 5) return std::nullopt;
  int value = 0;
  for (const char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  if (value > max) return std::nullopt;
  return value;
}

// The prefix length of a contiguous IPv4 netmask ("255.255.0.0" is 16).
std::optional<int> NetmaskLength(std::string_view text) {
  const auto mask = core::IpAddress::Parse(text);
  if (!mask || !mask->is_v4()) return std::nullopt;
  const std::uint32_t value = mask->v4_value();
  int length = 0;
  while (length < 32 && (value & (0x80000000U >> length)) != 0) ++length;
  if (length < 32 && (value << length) != 0) return std::nullopt;
  return length;
}

}  // namespace

std::optional<AddressValues> ParseAddressValues(std::string_view text, std::string* problem) {
  const std::size_t dash = text.find('-');
  if (dash != std::string_view::npos) {
    const auto first = core::IpAddress::Parse(text.substr(0, dash));
    const auto last = core::IpAddress::Parse(text.substr(dash + 1));
    if (!first || !last || first->family() != last->family() || *last < *first) {
      *problem = "not an address range: \"" + std::string(text) + "\"";
      return std::nullopt;
    }
    return AddressValues{ValueSet::Range(Value::OfAddress(*first), Value::OfAddress(*last)),
                         first->family()};
  }
  const std::size_t slash = text.find('/');
  const auto address = core::IpAddress::Parse(text.substr(0, slash));
  if (!address) {
    *problem = "not an IP address: \"" + std::string(text) + "\"";
    return std::nullopt;
  }
  int length = address->bit_length();
  if (slash != std::string_view::npos) {
    const std::string_view suffix = text.substr(slash + 1);
    std::optional<int> parsed = Decimal(suffix, address->bit_length());
    if (!parsed && address->is_v4()) parsed = NetmaskLength(suffix);
    if (!parsed) {
      *problem = "not a prefix length or contiguous netmask: \"" + std::string(text) + "\"";
      return std::nullopt;
    }
    length = *parsed;
  }
  return AddressValues{ValueSet::Network(core::IpNetwork::Containing(*address, length)),
                       address->family()};
}

std::optional<ValueSet> ParsePortValues(std::string_view text) {
  std::size_t separator = text.find(':');
  if (separator == std::string_view::npos) separator = text.find('-');
  if (separator == std::string_view::npos) {
    const auto port = Decimal(text, 65535);
    if (!port) return std::nullopt;
    return ValueSet::Single(Value::Of(static_cast<std::uint64_t>(*port)));
  }
  const std::string_view low = text.substr(0, separator);
  const std::string_view high = text.substr(separator + 1);
  const auto first = low.empty() ? std::optional<int>(0) : Decimal(low, 65535);
  const auto last = high.empty() ? std::optional<int>(65535) : Decimal(high, 65535);
  if (!first || !last || *first > *last) return std::nullopt;
  return ValueSet::Range(Value::Of(static_cast<std::uint64_t>(*first)),
                         Value::Of(static_cast<std::uint64_t>(*last)));
}

}  // namespace ttmtrack::evidence
