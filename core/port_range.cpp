#include "core/port_range.hpp"

#include "core/ascii_text.hpp"

namespace ttmtrack::core {
namespace {

// A decimal port 1..65535; digits only, so "+5", "0x10" and "5e3" are rejected.
std::optional<std::uint16_t> ParsePort(std::string_view text) {
  text = Trim(text);
  if (text.empty() || text.size() > 5) return std::nullopt;
  std::uint32_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + static_cast<std::uint32_t>(c - '0');
  }
  if (value == 0 || value > 65535) return std::nullopt;
  return static_cast<std::uint16_t>(value);
}

enum class Scope { kBoth, kTcp, kUdp };

}  // namespace

std::optional<PortRange> PortRange::Parse(std::string_view spec) {
  PortRange range;
  range.spec_ = std::string(spec);
  const std::string_view trimmed = Trim(spec);
  if (EqualsIgnoreCase(trimmed, "default")) {
    range.scanner_default_ = true;
    return range;
  }
  if (EqualsIgnoreCase(trimmed, "all")) {
    range.spans_.push_back({1, 65535, false});
    range.spans_.push_back({1, 65535, true});
    return range;
  }
  if (trimmed.empty()) return std::nullopt;

  Scope scope = Scope::kBoth;
  std::string_view rest = trimmed;
  while (true) {
    const std::size_t comma = rest.find(',');
    std::string_view item = Trim(rest.substr(0, comma));
    if (item.size() >= 2 && item[1] == ':') {
      const char prefix = static_cast<char>(std::toupper(static_cast<unsigned char>(item[0])));
      if (prefix == 'T') {
        scope = Scope::kTcp;
      } else if (prefix == 'U') {
        scope = Scope::kUdp;
      } else {
        return std::nullopt;
      }
      item = Trim(item.substr(2));
    }
    const std::size_t dash = item.find('-');
    const auto first = ParsePort(item.substr(0, dash));
    const auto last = dash == std::string_view::npos ? first : ParsePort(item.substr(dash + 1));
    if (!first || !last || *first > *last) return std::nullopt;
    if (scope != Scope::kUdp) range.spans_.push_back({*first, *last, false});
    if (scope != Scope::kTcp) range.spans_.push_back({*first, *last, true});
    if (comma == std::string_view::npos) break;
    rest = rest.substr(comma + 1);
  }
  return range;
}

bool PortRange::Contains(std::uint16_t port, std::string_view protocol) const {
  bool udp = false;
  if (protocol == "udp") {
    udp = true;
  } else if (protocol != "tcp") {
    return false;
  }
  for (const Span& span : spans_) {
    if (span.udp == udp && span.first <= port && port <= span.last) return true;
  }
  return false;
}

}  // namespace ttmtrack::core
