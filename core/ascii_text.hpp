#pragma once

#include <string>
#include <string_view>

// ASCII-only text helpers for the words the program itself compares: protocols, keywords,
// setting values, plugin families, rule needles. ASCII on purpose: locale-dependent folding
// would make matching depend on the machine, and these words are ASCII. Other bytes pass
// through unchanged.
namespace ttmtrack::core {

// `text` without leading and trailing ASCII whitespace (space, \t, \n, \v, \f, \r).
std::string_view Trim(std::string_view text);
// A copy with A-Z lowered.
std::string ToLower(std::string_view text);
bool EqualsIgnoreCase(std::string_view a, std::string_view b);
// False for an empty needle: it would otherwise match everything.
bool ContainsIgnoreCase(std::string_view haystack, std::string_view needle);
// Each byte as two lower-case hex digits ("TT\x01" -> "545401"): NASL's hexstr(), and how the
// plugins and the probe tables show bytes.
std::string HexLower(std::string_view bytes);

}  // namespace ttmtrack::core
