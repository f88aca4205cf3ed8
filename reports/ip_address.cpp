#include "reports/ip_address.hpp"

#include <cstring>

#include <arpa/inet.h>

namespace ttmtrack::reports {

// inet_pton/inet_ntop are the only C calls of the reports; their return codes are converted to
// optionals here and nowhere else. glibc's inet_pton accepts exactly the strict forms
// documented in the header (four decimal octets without leading zeros; RFC 4291 IPv6 text).
std::optional<IpAddress> IpAddress::Parse(std::string_view text) {
  if (text.empty() || text.size() > INET6_ADDRSTRLEN) return std::nullopt;
  const std::string terminated(text);
  IpAddress address;
  if (terminated.find(':') == std::string::npos) {
    in_addr v4{};
    if (inet_pton(AF_INET, terminated.c_str(), &v4) != 1) return std::nullopt;
    address.family_ = Family::kV4;
    std::memcpy(address.bytes_.data(), &v4, sizeof v4);
    return address;
  }
  in6_addr v6{};
  if (inet_pton(AF_INET6, terminated.c_str(), &v6) != 1) return std::nullopt;
  address.family_ = Family::kV6;
  std::memcpy(address.bytes_.data(), &v6, sizeof v6);
  return address;
}

IpAddress IpAddress::FromBytes(Family family, const std::array<std::uint8_t, 16>& bytes) {
  IpAddress address;
  address.family_ = family;
  const std::size_t used = family == Family::kV4 ? 4 : 16;
  for (std::size_t i = 0; i < used; ++i) address.bytes_[i] = bytes[i];
  return address;
}

std::string IpAddress::ToString() const {
  char buffer[INET6_ADDRSTRLEN] = {};
  if (family_ == Family::kV4) {
    in_addr v4{};
    std::memcpy(&v4, bytes_.data(), sizeof v4);
    inet_ntop(AF_INET, &v4, buffer, sizeof buffer);
  } else {
    in6_addr v6{};
    std::memcpy(&v6, bytes_.data(), sizeof v6);
    inet_ntop(AF_INET6, &v6, buffer, sizeof buffer);
  }
  // inet_ntop cannot fail here: the family is valid and the buffer has the maximum size.
  return buffer;
}

}  // namespace ttmtrack::reports
