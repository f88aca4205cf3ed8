#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ttmtrack::importer::gvm {

// The keywords of a GVM result filter that decide what a report export holds (docs/importer.md,
// "Result filter"). Each is set once: the first source that states it wins, so callers feed the
// term before the <keywords> list and the OMP-era elements.
struct GvmFilterKeywords {
  std::optional<int> min_qod;           // min_qod=70; empty or not a number: not in effect
  std::optional<std::string> levels;    // levels=hml, lower-cased; empty: not in effect
  std::optional<bool> apply_overrides;  // apply_overrides=1
  std::optional<std::int64_t> first;    // first=1
  std::optional<std::int64_t> rows;     // rows=50; -1 means every result

  // Sets `column` (ASCII case-insensitive) from `value` when it is one of the keywords above,
  // not set yet, and `value` reads as one; anything else is ignored (a filter term holds many
  // other keywords, and an unreadable value states nothing).
  void Take(std::string_view column, std::string_view value);
};

// A whole decimal integer, optionally negative (rows=-1), of at most 18 digits, nothing around
// it; nullopt otherwise.
std::optional<std::int64_t> ParseGvmInteger(std::string_view text);

// Reads the `column=value` keywords of a filter term ("apply_overrides=0 min_qod=70 levels=hml
// rows=100 first=1 sort-reverse=severity"). Keywords are separated by spaces; a value may be
// double-quoted and then hold spaces. Keywords with another relation (~ > < :) or without one
// are skipped. Pure function; never throws.
GvmFilterKeywords ParseGvmFilterTerm(std::string_view term);

}  // namespace ttmtrack::importer::gvm
