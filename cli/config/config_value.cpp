#include "cli/config/config_value.hpp"

#include <Poco/Exception.h>
#include <Poco/URI.h>

#include "cli/config/config.hpp"
#include "core/ip_network.hpp"

namespace ttmtrack::cli {
namespace {

constexpr std::int64_t kMaxSeconds = 31536000;  // a year: anything longer is a typo

bool AllDigits(std::string_view text) {
  if (text.empty() || text.size() > 9) return false;
  for (const char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

bool HasControlCharacter(std::string_view text) {
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7f) return true;
  }
  return false;
}

std::string Quoted(std::string_view text) { return "\"" + std::string(text) + "\""; }

// A deliberately plain check: what SMTP needs to route (local@domain, printable ASCII, none of
// the characters that would break a header or an SMTP command).
std::optional<std::string> CheckAddress(std::string_view address) {
  const std::size_t at = address.find('@');
  bool ok = at != std::string_view::npos && at > 0 && at + 1 < address.size() &&
            address.find('@', at + 1) == std::string_view::npos;
  for (const char c : address) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte <= 0x20 || byte >= 0x7f || c == '<' || c == '>' || c == '"' || c == ';' || c == '(' ||
        c == ')' || c == '\\' || c == '[' || c == ']') {
      ok = false;
    }
  }
  if (ok) return std::nullopt;
  return Quoted(address) + " is not an e-mail address such as ops@example.org";
}

std::optional<std::string> CheckHost(std::string_view host) {
  bool ok = !host.empty() && host.size() <= 253;
  for (const char c : host) {
    const bool allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                         (c >= '0' && c <= '9') || c == '.' || c == '-' || c == ':';
    if (!allowed) ok = false;
  }
  if (ok) return std::nullopt;
  return Quoted(host) + " is not a host name or IP address";
}

std::optional<std::string> CheckUrl(const std::string& text) {
  try {
    const Poco::URI uri(text);
    if ((uri.getScheme() == "http" || uri.getScheme() == "https") && !uri.getHost().empty() &&
        !HasControlCharacter(text)) {
      return std::nullopt;
    }
  } catch (const Poco::Exception&) {
    // Poco's parse failure is this function's "no": the message below says what is expected.
  }
  return Quoted(text) + " is not an http:// or https:// URL with a host";
}

std::optional<std::string> CheckList(const std::string& text, ConfigType type) {
  const std::vector<std::string> items = SplitConfigList(text);
  if (items.empty()) return "the list is empty";
  for (const std::string& item : items) {
    if (type == ConfigType::kAddressList) {
      if (auto problem = CheckAddress(item)) return problem;
      continue;
    }
    std::string problem;
    if (!core::IpNetwork::Parse(item, &problem)) return Quoted(item) + ": " + problem;
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> CheckConfigValue(const ConfigKey& key, const std::string& value) {
  if (value.empty()) {
    if (key.default_value.empty()) return std::nullopt;
    return "needs a value (default: " + std::string(key.default_value) + ")";
  }
  if (HasControlCharacter(value)) return "the value holds a control character";
  switch (key.type) {
    case ConfigType::kPath:
    case ConfigType::kText: return std::nullopt;
    case ConfigType::kSeconds:
      if (AllDigits(value) && std::stoll(value) <= kMaxSeconds) return std::nullopt;
      return Quoted(value) + " is not a whole number of seconds (0 to " +
             std::to_string(kMaxSeconds) + ")";
    case ConfigType::kPort:
      if (AllDigits(value) && std::stoll(value) >= 1 && std::stoll(value) <= 65535) {
        return std::nullopt;
      }
      return Quoted(value) + " is not a port number (1 to 65535)";
    case ConfigType::kCidrList:
    case ConfigType::kAddressList: return CheckList(value, key.type);
    case ConfigType::kUrl: return CheckUrl(value);
    case ConfigType::kAddress: return CheckAddress(value);
    case ConfigType::kHost: return CheckHost(value);
    case ConfigType::kChoice: {
      std::string_view rest = key.choices;
      while (!rest.empty()) {
        const std::size_t bar = rest.find('|');
        if (rest.substr(0, bar) == value) return std::nullopt;
        rest = bar == std::string_view::npos ? std::string_view() : rest.substr(bar + 1);
      }
      return Quoted(value) + " is not one of " + std::string(key.choices);
    }
  }
  return std::nullopt;
}

}  // namespace ttmtrack::cli
