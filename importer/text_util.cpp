#include "importer/text_util.hpp"

namespace ttmtrack::importer {

std::optional<std::int64_t> ParseNonNegative(std::string_view text) {
  if (text.empty() || text.size() > 18) return std::nullopt;
  std::int64_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

std::optional<std::uint16_t> ParsePortNumber(std::string_view text) {
  if (text.size() > 5) return std::nullopt;
  const std::optional<std::int64_t> value = ParseNonNegative(text);
  if (!value || *value > 65535) return std::nullopt;
  return static_cast<std::uint16_t>(*value);
}

std::vector<std::string> SplitTrimmed(std::string_view text, char separator) {
  std::vector<std::string> out;
  while (true) {
    const std::size_t cut = text.find(separator);
    const std::string_view piece = Trim(text.substr(0, cut));
    if (!piece.empty()) out.emplace_back(piece);
    if (cut == std::string_view::npos) break;
    text.remove_prefix(cut + 1);
  }
  return out;
}

}  // namespace ttmtrack::importer
