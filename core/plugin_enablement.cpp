#include "core/plugin_enablement.hpp"

#include <algorithm>

#include "core/ascii_text.hpp"
#include "core/enum_text.hpp"

namespace ttmtrack::core {
namespace {

bool ListsFamily(const std::vector<std::string>& families, std::string_view family) {
  return std::any_of(families.begin(), families.end(),
                     [&](const std::string& f) { return EqualsIgnoreCase(f, family); });
}

// Names at most a few items: a basis is read by people, and learned rules can be many.
template <typename Text>
std::string JoinAbbreviated(const std::vector<Text>& items, const char* separator) {
  constexpr std::size_t kShown = 5;
  std::string out;
  for (std::size_t i = 0; i < items.size() && i < kShown; ++i) {
    if (i > 0) out += separator;
    out += items[i];
  }
  if (items.size() > kShown) out += " and " + std::to_string(items.size() - kShown) + " more";
  return out;
}

// `by` is set to the rule whose plugin made the answer kYes.
Judgement FromPluginList(const std::vector<std::string>& ids,
                         const std::vector<const Rule*>& id_rules, const Rule*& by) {
  // The header promises sorted IDs; an unsorted list still gets a correct (slower) answer.
  const bool sorted = std::is_sorted(ids.begin(), ids.end());
  std::vector<std::string> values;
  for (const Rule* rule : id_rules) {
    const bool found = sorted ? std::binary_search(ids.begin(), ids.end(), rule->value)
                              : std::find(ids.begin(), ids.end(), rule->value) != ids.end();
    if (found) {
      by = rule;
      return {Knowledge::kYes, "the scan's enabled-plugin list includes " + rule->value};
    }
    values.push_back(rule->value);
  }
  return {Knowledge::kNo, "the scan's enabled-plugin list (" + std::to_string(ids.size()) +
                              " plugins) includes none of " + JoinAbbreviated(values, ", ")};
}

const PluginSelectionItem* FindItem(const ScanCoverage& coverage, const std::string& id) {
  if (!coverage.individual_plugins) return nullptr;
  for (const PluginSelectionItem& item : *coverage.individual_plugins) {
    if (item.plugin_id == id) return &item;
  }
  return nullptr;
}

Judgement FromItem(const PluginSelectionItem& item, const std::string& prefix) {
  return {item.enabled ? Knowledge::kYes : Knowledge::kNo,
          prefix + (item.enabled ? "enables " : "disables ") + item.plugin_id};
}

// One ID rule's plugin, from a plugin selection without plugin_set. The individual selection
// lists only plugins of mixed families, so a plugin it does not name is judged by its family.
Judgement FromSelection(const ScanCoverage& coverage, const Rule& rule) {
  const PluginSelectionItem* item = FindItem(coverage, rule.value);
  std::string family = rule.plugin_family;
  if (family.empty() && item != nullptr) family = item->family;
  if (!family.empty()) {
    const std::string named = "the plugin family \"" + family + "\" of " + rule.value;
    if (ListsFamily(coverage.enabled_families, family)) {
      return {Knowledge::kYes, named + " is enabled"};
    }
    if (ListsFamily(coverage.disabled_families, family)) {
      return {Knowledge::kNo, named + " is disabled"};
    }
    if (ListsFamily(coverage.mixed_families, family)) {
      if (item != nullptr)
        return FromItem(*item, named + " is mixed and its individual selection ");
      if (coverage.individual_plugins) {
        return {Knowledge::kNo,
                named + " is mixed and its individual selection does not enable " + rule.value};
      }
      return {Knowledge::kUnknown,
              named + " is mixed and the export has no individual plugin selection"};
    }
  }
  if (item != nullptr) return FromItem(*item, "the individual plugin selection ");
  if (family.empty()) {
    return {Knowledge::kUnknown, "the plugin family of " + rule.value +
                                     " is not known and no individual selection names it"};
  }
  return {Knowledge::kUnknown,
          "the plugin selection does not list the family \"" + family + "\" of " + rule.value};
}

Judgement FromSelection(const ScanCoverage& coverage, const std::vector<const Rule*>& id_rules,
                        const Rule*& by) {
  std::vector<Judgement> verdicts;
  verdicts.reserve(id_rules.size());
  for (const Rule* rule : id_rules) {
    verdicts.push_back(FromSelection(coverage, *rule));
    if (verdicts.back().value == Knowledge::kYes) {
      by = rule;
      return verdicts.back();
    }
  }
  // A coverage rule counts only when its plugin was enabled: an unknown one would turn "no"
  // into "assumed enabled" without the limit a coverage-only "yes" carries (I12).
  const Judgement* unknown = nullptr;
  std::vector<std::string> no_bases;
  for (std::size_t i = 0; i < verdicts.size(); ++i) {
    if (id_rules[i]->scope == RuleScope::kCoverage) continue;
    if (verdicts[i].value == Knowledge::kUnknown && unknown == nullptr) unknown = &verdicts[i];
    if (verdicts[i].value == Knowledge::kNo) no_bases.push_back(verdicts[i].basis);
  }
  // An unknown plugin may have been enabled: "no" needs every rule's plugin to say no.
  if (unknown != nullptr) return *unknown;
  return {Knowledge::kNo, JoinAbbreviated(no_bases, "; ")};
}

bool HasSelection(const ScanCoverage& c) {
  return !c.enabled_families.empty() || !c.disabled_families.empty() || !c.mixed_families.empty() ||
         c.individual_plugins.has_value();
}

PluginJudgement Judged(Judgement judgement, bool coverage_only = false) {
  PluginJudgement out;
  out.value = judgement.value;
  out.basis = std::move(judgement.basis);
  out.coverage_only = coverage_only;
  return out;
}

}  // namespace

PluginJudgement JudgePluginEnabled(const ScanCoverage& coverage, ScanFormat format,
                                   const std::vector<Rule>& rules, bool scan_detected_any) {
  if (scan_detected_any)
    return Judged({Knowledge::kYes,
                   "the ttm_cmd plugin was enabled: this scan reported c564e5ab on at least one "
                   "host"});

  if (!coverage.enabled_plugin_ids && !HasSelection(coverage)) {
    if (format == ScanFormat::kGvm) {
      return Judged({Knowledge::kUnknown, "GVM reports carry no scan configuration"});
    }
    return Judged({Knowledge::kUnknown, "the export carries no plugin selection"});
  }
  const RuleKind id_kind = IdRuleKind(format);
  // Match-scope rules first: a plugin that detects c564e5ab outranks one that only saw the port.
  std::vector<const Rule*> id_rules;
  for (RuleScope scope : {RuleScope::kMatch, RuleScope::kCoverage}) {
    for (const Rule& rule : rules) {
      if (rule.enabled && rule.kind == id_kind && rule.scope == scope) id_rules.push_back(&rule);
    }
  }
  if (id_rules.empty()) {
    return Judged({Knowledge::kNo, "no enabled " + std::string(ToText(id_kind)) +
                                       " rule names a plugin that detects c564e5ab"});
  }
  const Rule* by = nullptr;
  Judgement judgement = coverage.enabled_plugin_ids
                            ? FromPluginList(*coverage.enabled_plugin_ids, id_rules, by)
                            : FromSelection(coverage, id_rules, by);
  const bool coverage_only =
      judgement.value == Knowledge::kYes && by != nullptr && by->scope == RuleScope::kCoverage;
  if (coverage_only) {
    judgement.basis +=
        " (coverage only: it reported the ttm_cmd service in an earlier scan, "
        "so it proves absence only where it saw the port closed)";
  }
  return Judged(std::move(judgement), coverage_only);
}

}  // namespace ttmtrack::core
