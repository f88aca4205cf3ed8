#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/result_filter.hpp"

namespace ttmtrack::importer::xml {
class XmlReader;
}

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

// REQUIRES: `xml` is on the start of a report-level <filters> ("<filters id=..>levels<term>..
// </term>..<min_qod>..</min_qod>..<keywords>..</keywords></filters>"). Reads to its end and sets
// filter.term and the keywords: the term states the filter; the GMP keyword list, then the
// OMP-era <min_qod>/<apply_overrides> elements and the levels text before <term> fill in what it
// does not say. Throws what XmlReader throws.
void ReadGvmFilters(xml::XmlReader& xml, core::ResultFilter& filter);

// REQUIRES: `xml` is on the start of a report-level <result_count> ("FULL<full>FULL</full>
// <filtered>N</filtered><hole>..</hole>.."). Reads to its end and sets filter.full_count and
// filtered_count where unset; the per-level counts are not needed. Throws what XmlReader throws.
void ReadGvmResultCount(xml::XmlReader& xml, core::ResultFilter& filter);

}  // namespace ttmtrack::importer::gvm
