#include "importer/gvm/gvm_port.hpp"

#include "importer/text_util.hpp"

namespace ttmtrack::importer::gvm {
namespace {

bool IsWordChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_' || c == '.';
}

bool IsWord(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (!IsWordChar(c)) return false;
  }
  return true;
}

bool IsDigits(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// "80/tcp", "general/tcp"
std::optional<GvmPort> ParseSlashForm(std::string_view text) {
  const std::size_t slash = text.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  const std::string_view left = text.substr(0, slash);
  const std::string_view right = text.substr(slash + 1);
  if (!IsWord(right)) return std::nullopt;
  GvmPort port;
  port.protocol = ToLower(right);
  if (IsDigits(left)) {
    const std::optional<std::uint16_t> number = ParsePortNumber(left);
    if (!number) return std::nullopt;
    port.number = *number;
  } else if (IsWord(left)) {
    port.service = std::string(left);
  } else {
    return std::nullopt;
  }
  return port;
}

}  // namespace

std::optional<GvmPort> ParseGvmPort(std::string_view text) {
  text = Trim(text);
  if (text.empty()) return GvmPort{};
  // OMP era: "http (80/tcp)".
  if (text.back() == ')') {
    const std::size_t open = text.find(" (");
    if (open == std::string_view::npos) return std::nullopt;
    const std::string_view service = Trim(text.substr(0, open));
    std::optional<GvmPort> port = ParseSlashForm(text.substr(open + 2, text.size() - open - 3));
    if (!port || !IsWord(service)) return std::nullopt;
    port->service = std::string(service);
    return port;
  }
  if (text.find('/') != std::string_view::npos) return ParseSlashForm(text);
  // "package" (local security checks), or another bare word.
  if (IsWord(text) && !IsDigits(text)) return GvmPort{.service = std::string(text)};
  return std::nullopt;
}

}  // namespace ttmtrack::importer::gvm
