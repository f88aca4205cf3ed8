#include "core/plugin_enablement.hpp"

#include <algorithm>

#include "core/detection_constants.hpp"

namespace ttmtrack::core {
namespace {

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  auto fold = [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; };
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                            [&](char x, char y) { return fold(x) == fold(y); });
}

bool ListsFamily(const std::vector<std::string>& families) {
  return std::any_of(families.begin(), families.end(),
                     [](const std::string& f) { return EqualsIgnoreCase(f, kOwnPluginFamily); });
}

// Names at most a few IDs: a basis is read by people, and learned rules can be many.
std::string JoinIds(const std::vector<const Rule*>& rules) {
  constexpr std::size_t kShown = 5;
  std::string out;
  for (std::size_t i = 0; i < rules.size() && i < kShown; ++i) {
    if (i > 0) out += ", ";
    out += rules[i]->value;
  }
  if (rules.size() > kShown) out += " and " + std::to_string(rules.size() - kShown) + " more";
  return out;
}

Judgement FromPluginList(const std::vector<std::string>& ids,
                         const std::vector<const Rule*>& id_rules, ScanFormat format) {
  if (id_rules.empty()) {
    return {Knowledge::kNo, std::string("no enabled ") +
                                (format == ScanFormat::kNessusV2 ? "nessus-id" : "oid") +
                                " rule names a plugin that detects c564e5ab"};
  }
  // The header promises sorted IDs; an unsorted list still gets a correct (slower) answer.
  const bool sorted = std::is_sorted(ids.begin(), ids.end());
  for (const Rule* rule : id_rules) {
    const bool found = sorted ? std::binary_search(ids.begin(), ids.end(), rule->value)
                              : std::find(ids.begin(), ids.end(), rule->value) != ids.end();
    if (found) return {Knowledge::kYes, "the scan's enabled-plugin list includes " + rule->value};
  }
  return {Knowledge::kNo, "the scan's enabled-plugin list (" + std::to_string(ids.size()) +
                              " plugins) includes none of " + JoinIds(id_rules)};
}

}  // namespace

Judgement JudgePluginEnabled(const ScanCoverage& coverage, ScanFormat format,
                             const std::vector<Rule>& rules, bool scan_detected_any) {
  if (scan_detected_any) return {Knowledge::kYes, "the scan reported c564e5ab on some host"};

  const RuleKind id_kind = format == ScanFormat::kNessusV2 ? RuleKind::kNessusId : RuleKind::kOid;
  if (coverage.enabled_plugin_ids) {
    std::vector<const Rule*> id_rules;
    for (const Rule& rule : rules) {
      if (rule.enabled && rule.kind == id_kind) id_rules.push_back(&rule);
    }
    return FromPluginList(*coverage.enabled_plugin_ids, id_rules, format);
  }

  const std::string family(kOwnPluginFamily);
  if (ListsFamily(coverage.disabled_families)) {
    return {Knowledge::kNo, "the plugin family \"" + family + "\" is disabled"};
  }
  if (ListsFamily(coverage.enabled_families)) {
    return {Knowledge::kYes, "the plugin family \"" + family + "\" is enabled"};
  }
  if (format == ScanFormat::kGvm) {
    return {Knowledge::kUnknown, "GVM reports carry no scan configuration"};
  }
  return {Knowledge::kUnknown, "the export carries no plugin selection"};
}

}  // namespace ttmtrack::core
