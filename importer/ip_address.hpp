#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace ttmtrack::importer {

// Canonical text of an IPv4 or IPv6 address: IPv4 dotted quad; IPv6 lower-case, compressed
// (RFC 5952, inet_ntop), with any zone or brackets removed. nullopt when `text` is not an IP
// address. Host identity in ttmtrack is this string.
std::optional<std::string> NormalizeIp(std::string_view text);

}  // namespace ttmtrack::importer
