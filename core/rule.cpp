#include "core/rule.hpp"

#include <algorithm>

#include "core/ascii_text.hpp"
#include "core/detection_constants.hpp"
#include "core/enum_text.hpp"
#include "core/error.hpp"
#include "core/utf8.hpp"

namespace ttmtrack::core {
namespace {

const Rule* FirstEnabled(const std::vector<Rule>& rules, RuleKind kind, std::string_view subject,
                         bool (*matches)(std::string_view, std::string_view)) {
  for (const Rule& rule : rules) {
    if (rule.enabled && rule.scope == RuleScope::kMatch && rule.kind == kind &&
        matches(subject, rule.value)) {
      return &rule;
    }
  }
  return nullptr;
}

bool IdEquals(std::string_view subject, std::string_view value) { return subject == value; }

bool ServiceEquals(std::string_view service, std::string_view value) {
  // Nessus marks a service it is unsure of with a trailing '?' ("ttm_cmd?").
  if (!service.empty() && service.back() == '?') service.remove_suffix(1);
  return EqualsIgnoreCase(service, value);
}

// The plugin name is export text of any length; a note only needs enough to recognise it.
// Cuts on a UTF-8 character boundary.
std::string Abbreviate(std::string_view text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return std::string(text);
  std::size_t cut = max_bytes;
  while (cut > 0 && IsUtf8Continuation(text[cut])) --cut;
  return std::string(text.substr(0, cut)) + "...";
}

bool AllDigits(std::string_view text) {
  return !text.empty() &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool IsOid(std::string_view text) {
  int parts = 0;
  while (true) {
    const std::size_t dot = text.find('.');
    if (!AllDigits(text.substr(0, dot))) return false;
    ++parts;
    if (dot == std::string_view::npos) return parts >= 2;
    text.remove_prefix(dot + 1);
  }
}

bool HasControlCharacter(std::string_view text) {
  return std::any_of(text.begin(), text.end(),
                     [](unsigned char c) { return c < 0x20 || c == 0x7f; });
}

// Why `value` cannot be a rule of `kind`; empty when it can.
std::string_view RuleValueProblem(RuleKind kind, std::string_view value) {
  switch (kind) {
    case RuleKind::kNessusId:
      return AllDigits(value) && value.size() <= 12 ? "" : "a Nessus plugin ID is digits";
    case RuleKind::kOid:
      return IsOid(value) && value.size() <= 200 ? "" : "an OID is dotted digits";
    case RuleKind::kNameContains:
    case RuleKind::kServiceName:
      if (value.empty()) return "the text is empty";
      if (value.size() > 500) return "longer than 500 bytes";
      if (HasControlCharacter(value)) return "contains a control character";
      return "";
  }
  return "unknown rule kind";
}

}  // namespace

std::string CanonicalRuleValue(RuleKind kind, std::string_view value) {
  const std::string_view trimmed = Trim(value);
  const std::string_view problem = RuleValueProblem(kind, trimmed);
  if (!problem.empty()) {
    throw Error(Error::Kind::kUsage, "invalid " + std::string(ToText(kind)) + " rule \"" +
                                         std::string(value) + "\": " + std::string(problem));
  }
  return std::string(trimmed);
}

RuleKind IdRuleKind(ScanFormat format) {
  return format == ScanFormat::kNessusV2 ? RuleKind::kNessusId : RuleKind::kOid;
}

DetectionTier TierOf(const Rule& rule, const ResultRecord& result) {
  if (result.plugin_id == kOwnUnconfirmedNessusPluginId ||
      result.plugin_id == kOwnUnconfirmedOpenVasOid) {
    return DetectionTier::kUnconfirmed;
  }
  return rule.tier;
}

std::vector<Rule> DefaultRules() {
  auto make = [](RuleKind kind, std::string_view value, std::string_view note,
                 std::string_view family = {}, DetectionTier tier = DetectionTier::kConfirmed) {
    Rule rule;
    rule.tier = tier;
    rule.kind = kind;
    rule.value = std::string(value);
    rule.origin = RuleOrigin::kDefault;
    rule.note = std::string(note);
    rule.plugin_family = std::string(family);
    return rule;
  };
  return {
      make(RuleKind::kNessusId, kOwnNessusPluginId, "ttmtrack's own NASL plugin (Nessus ID)",
           kOwnPluginFamily),
      make(RuleKind::kOid, kOwnOpenVasOid, "ttmtrack's own NASL plugin (OpenVAS OID)",
           kOwnPluginFamily),
      make(RuleKind::kNessusId, kOwnUnconfirmedNessusPluginId,
           "ttmtrack's unconfirmed-listener plugin (Nessus ID)", kOwnPluginFamily,
           DetectionTier::kUnconfirmed),
      make(RuleKind::kOid, kOwnUnconfirmedOpenVasOid,
           "ttmtrack's unconfirmed-listener plugin (OpenVAS OID)", kOwnPluginFamily,
           DetectionTier::kUnconfirmed),
      make(RuleKind::kNameContains, kDefaultNameNeedle, "any plugin naming the protocol"),
      make(RuleKind::kServiceName, kTtmServiceName, "any result on the ttm_cmd service"),
  };
}

std::optional<Rule> MatchRule(const ResultRecord& result, ScanFormat format,
                              const std::vector<Rule>& rules) {
  const Rule* match = nullptr;
  if (!result.plugin_id.empty()) {
    match = FirstEnabled(rules, IdRuleKind(format), result.plugin_id, IdEquals);
  }
  if (match == nullptr) {
    match = FirstEnabled(rules, RuleKind::kNameContains, result.plugin_name, ContainsIgnoreCase);
  }
  if (match == nullptr && !result.service_name.empty()) {
    match = FirstEnabled(rules, RuleKind::kServiceName, result.service_name, ServiceEquals);
  }
  if (match == nullptr) return std::nullopt;
  return *match;
}

std::optional<Rule> RuleToLearn(const ResultRecord& result, ScanFormat format, const Rule& matched,
                                const std::vector<Rule>& rules) {
  const bool by_name = matched.kind == RuleKind::kNameContains;
  const bool by_service = matched.kind == RuleKind::kServiceName;
  if ((!by_name && !by_service) || result.plugin_id.empty()) return std::nullopt;
  const RuleKind id_kind = IdRuleKind(format);
  const bool known = std::any_of(rules.begin(), rules.end(), [&](const Rule& rule) {
    if (rule.kind != id_kind || rule.value != result.plugin_id) return false;
    // A name match upgrades what a service match taught; the user's switch-off stays.
    const bool upgradable = by_name && rule.origin == RuleOrigin::kLearned &&
                            rule.scope == RuleScope::kCoverage && rule.enabled;
    return !upgradable;
  });
  if (known) return std::nullopt;
  Rule learned;
  learned.kind = id_kind;
  learned.value = result.plugin_id;
  learned.origin = RuleOrigin::kLearned;
  learned.plugin_family = result.plugin_family;
  if (by_name) {
    learned.note = "learned from a result named \"" + Abbreviate(result.plugin_name, 120) + "\"";
  } else {
    learned.scope = RuleScope::kCoverage;
    learned.note = "coverage only: \"" + Abbreviate(result.plugin_name, 120) + "\" reported the " +
                   Abbreviate(result.service_name, 40) + " service";
  }
  return learned;
}

}  // namespace ttmtrack::core
