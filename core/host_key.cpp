#include "core/host_key.hpp"

#include <optional>

#include "core/ip_address.hpp"

namespace ttmtrack::core {

std::string HostKey(std::string_view text) {
  if (const std::optional<IpAddress> address = IpAddress::ParseTolerant(text)) {
    return address->ToString();
  }
  return std::string(text);
}

bool HostKeyLess(std::string_view a, std::string_view b) {
  const std::optional<IpAddress> address_a = IpAddress::Parse(a);
  const std::optional<IpAddress> address_b = IpAddress::Parse(b);
  if (address_a.has_value() != address_b.has_value()) return address_a.has_value();
  if (address_a && *address_a != *address_b) return *address_a < *address_b;
  return a < b;
}

}  // namespace ttmtrack::core
