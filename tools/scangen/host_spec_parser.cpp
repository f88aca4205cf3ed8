#include "tools/scangen/host_spec_parser.hpp"

#include <charconv>
#include <string>

#include "core/error.hpp"
#include "core/ip_address.hpp"

namespace ttmtrack::scangen {
namespace {

[[noreturn]] void Fail(std::string_view text, const std::string& why) {
  throw Error(Error::Kind::kUsage, "--host '" + std::string(text) + "': " + why);
}

std::uint16_t ParsePort(std::string_view text, std::string_view port) {
  unsigned value = 0;
  const auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), value);
  if (ec != std::errc() || end != port.data() + port.size() || value == 0 || value > 65535) {
    Fail(text, "'" + std::string(port) + "' is not a port number (1-65535)");
  }
  return static_cast<std::uint16_t>(value);
}

// Splits the address off; returns the rest (the items, possibly empty).
std::string_view SplitAddress(std::string_view text, HostSpec& host) {
  std::string_view rest;
  std::string address;
  if (!text.empty() && text[0] == '[') {
    const auto close = text.find(']');
    if (close == std::string_view::npos) Fail(text, "missing ']' after the IPv6 address");
    address = std::string(text.substr(1, close - 1));
    rest = text.substr(close + 1);
    if (!rest.empty() && rest[0] != ',' && rest[0] != ':') Fail(text, "expected ',' after ']'");
  } else {
    const auto comma = text.find(',');
    address = std::string(text.substr(0, comma));
    rest = comma == std::string_view::npos ? std::string_view() : text.substr(comma);
    const auto colon = address.find(':');
    const std::optional<core::IpAddress> before_colon =
        colon == std::string::npos ? std::nullopt
                                   : core::IpAddress::Parse(address.substr(0, colon));
    if (before_colon && before_colon->is_v4()) {
      rest = text.substr(colon);
      address.resize(colon);
    }
  }
  // Kept as written: the generator makes exports with every spelling scanners use.
  if (!core::IpAddress::Parse(address)) Fail(text, "'" + address + "' is not an IP address");
  host.ip = address;
  return rest.empty() ? rest : rest.substr(1);
}

void ParseDetections(std::string_view text, std::string_view value, HostSpec& host) {
  while (!value.empty()) {
    const auto plus = value.find('+');
    std::string_view one = value.substr(0, plus);
    value = plus == std::string_view::npos ? std::string_view() : value.substr(plus + 1);
    DetectionSpec detection;
    const auto slash = one.find('/');
    if (slash != std::string_view::npos) {
      detection.protocol = std::string(one.substr(slash + 1));
      if (detection.protocol != "tcp" && detection.protocol != "udp") {
        Fail(text, "protocol must be tcp or udp");
      }
      one = one.substr(0, slash);
    }
    detection.port = ParsePort(text, one);
    host.detections.push_back(std::move(detection));
  }
}

void ParseItem(std::string_view text, std::string_view item, HostSpec& host) {
  const auto eq = item.find('=');
  const std::string_view key = item.substr(0, eq);
  const std::string_view value = eq == std::string_view::npos ? "" : item.substr(eq + 1);
  if (key == "incomplete" && eq == std::string_view::npos) {
    host.completed = false;
  } else if (key == "detect") {
    ParseDetections(text, value, host);
  } else if (key == "open") {
    host.open_ports.clear();
    std::string_view ports = value;
    while (!ports.empty()) {
      const auto plus = ports.find('+');
      host.open_ports.push_back(ParsePort(text, ports.substr(0, plus)));
      ports = plus == std::string_view::npos ? std::string_view() : ports.substr(plus + 1);
    }
  } else if (key == "fqdn") {
    host.fqdn = std::string(value);
  } else if (key == "netbios") {
    host.netbios = std::string(value);
  } else if (key == "os") {
    host.os = std::string(value);
  } else if (key == "mac") {
    host.mac = std::string(value);
  } else if (key == "name") {
    host.report_name = std::string(value);
  } else if (key == "start") {
    std::int64_t seconds = 0;
    const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), seconds);
    if (ec != std::errc() || end != value.data() + value.size() || seconds < 0) {
      Fail(text, "start= takes a number of seconds");
    }
    host.start_offset = seconds;
  } else {
    Fail(text, "unknown item '" + std::string(item) + "'");
  }
}

}  // namespace

HostSpec ParseHostSpec(std::string_view text) {
  HostSpec host;
  std::string_view items = SplitAddress(text, host);
  while (!items.empty()) {
    const auto comma = items.find(',');
    ParseItem(text, items.substr(0, comma), host);
    items = comma == std::string_view::npos ? std::string_view() : items.substr(comma + 1);
  }
  return host;
}

}  // namespace ttmtrack::scangen
