#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/ascii_text.hpp"

namespace ttmtrack::importer {

// Small string helpers shared by the format readers. Pure functions, no allocation beyond the
// returned values.

using core::EqualsIgnoreCase;
using core::ToLower;
using core::Trim;
// A whole decimal number 0..65535 with nothing else around it (no sign, no spaces).
std::optional<std::uint16_t> ParsePortNumber(std::string_view text);
// A whole non-negative decimal integer of at most 18 digits.
std::optional<std::int64_t> ParseNonNegative(std::string_view text);
// Splits on `separator`, trims each piece and drops empty ones.
std::vector<std::string> SplitTrimmed(std::string_view text, char separator);

}  // namespace ttmtrack::importer
