#include "importer/gvm/gvm_filter.hpp"

#include <utility>
#include <vector>

#include "importer/text_util.hpp"
#include "importer/xml/xml_reader.hpp"

namespace ttmtrack::importer::gvm {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Splits a term on spaces outside double quotes; quotes stay in the tokens.
std::vector<std::string_view> Tokens(std::string_view term) {
  std::vector<std::string_view> tokens;
  std::size_t i = 0;
  while (i < term.size()) {
    while (i < term.size() && IsSpace(term[i])) ++i;
    const std::size_t start = i;
    bool quoted = false;
    while (i < term.size() && (quoted || !IsSpace(term[i]))) {
      if (term[i] == '"') quoted = !quoted;
      ++i;
    }
    if (i > start) tokens.push_back(term.substr(start, i - start));
  }
  return tokens;
}

std::string TrimmedText(xml::XmlReader& xml) { return std::string(Trim(xml.ReadText())); }

std::string_view Unquote(std::string_view value) {
  if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
    return value.substr(1, value.size() - 2);
  }
  return value;
}

}  // namespace

std::optional<std::int64_t> ParseGvmInteger(std::string_view text) {
  const bool negative = !text.empty() && text.front() == '-';
  if (negative) text.remove_prefix(1);
  const std::optional<std::int64_t> value = ParseNonNegative(text);
  if (!value) return std::nullopt;
  return negative ? -*value : *value;
}

void GvmFilterKeywords::Take(std::string_view column, std::string_view value) {
  const std::string key = ToLower(Trim(column));
  value = Trim(Unquote(Trim(value)));
  if (key == "min_qod" && !min_qod) {
    if (const auto qod = ParseNonNegative(value); qod && *qod <= 1000) {
      min_qod = static_cast<int>(*qod);
    }
  } else if (key == "levels" && !levels) {
    if (!value.empty()) levels = ToLower(value);
  } else if (key == "apply_overrides" && !apply_overrides) {
    if (const auto flag = ParseGvmInteger(value)) apply_overrides = *flag != 0;
  } else if (key == "first" && !first) {
    first = ParseGvmInteger(value);
  } else if (key == "rows" && !rows) {
    rows = ParseGvmInteger(value);
  }
}

GvmFilterKeywords ParseGvmFilterTerm(std::string_view term) {
  GvmFilterKeywords keywords;
  for (std::string_view token : Tokens(term)) {
    const std::size_t relation = token.find_first_of("=~<>:");
    if (relation == std::string_view::npos || relation == 0 || token[relation] != '=') continue;
    keywords.Take(token.substr(0, relation), token.substr(relation + 1));
  }
  return keywords;
}

void ReadGvmFilters(xml::XmlReader& xml, core::ResultFilter& filter) {
  std::string term, leading, min_qod, apply_overrides;
  std::vector<std::pair<std::string, std::string>> keywords;
  xml.ForEachChild(
      [&](std::string_view child) {
        if (child == "term") {
          term = TrimmedText(xml);
        } else if (child == "min_qod") {
          min_qod = TrimmedText(xml);
        } else if (child == "apply_overrides") {
          apply_overrides = TrimmedText(xml);
        } else if (child == "keywords") {
          xml.ForEachChild([&](std::string_view item) {
            if (item != "keyword") return;
            std::string column, relation, value;
            xml.ForEachChild([&](std::string_view field) {
              if (field == "column") column = TrimmedText(xml);
              if (field == "relation") relation = TrimmedText(xml);
              if (field == "value") value = TrimmedText(xml);
            });
            if (relation.empty() || relation == "=") keywords.emplace_back(column, value);
          });
        }
      },
      [&](std::string_view text) { leading.append(text); });
  GvmFilterKeywords k = ParseGvmFilterTerm(term);
  for (const auto& [column, value] : keywords) k.Take(column, value);
  k.Take("min_qod", min_qod);
  k.Take("apply_overrides", apply_overrides);
  // OMP era: the levels are the text before <term> ("hmlg").
  const std::string_view levels = Trim(leading);
  if (!levels.empty() && levels.find_first_not_of("hmlgdfcHMLGDFC") == std::string_view::npos) {
    k.Take("levels", levels);
  }
  filter.term = term;
  filter.min_qod = k.min_qod;
  filter.levels = k.levels;
  filter.apply_overrides = k.apply_overrides;
  filter.first = k.first;
  filter.rows = k.rows;
}

void ReadGvmResultCount(xml::XmlReader& xml, core::ResultFilter& filter) {
  std::string text;
  xml.ForEachChild(
      [&](std::string_view child) {
        if (child == "full" && !filter.full_count) {
          filter.full_count = ParseGvmInteger(TrimmedText(xml));
        } else if (child == "filtered" && !filter.filtered_count) {
          filter.filtered_count = ParseGvmInteger(TrimmedText(xml));
        }
      },
      [&](std::string_view direct) { text.append(direct); });
  if (!filter.full_count) filter.full_count = ParseGvmInteger(Trim(text));
}

}  // namespace ttmtrack::importer::gvm
