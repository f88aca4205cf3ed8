#include "core/rule.hpp"

#include <algorithm>

#include "core/ascii_text.hpp"
#include "core/detection_constants.hpp"
#include "core/utf8.hpp"

namespace ttmtrack::core {
namespace {

RuleKind IdKindFor(ScanFormat format) {
  return format == ScanFormat::kNessusV2 ? RuleKind::kNessusId : RuleKind::kOid;
}

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

}  // namespace

const char* ToString(RuleKind kind) {
  switch (kind) {
    case RuleKind::kNessusId: return "nessus-id";
    case RuleKind::kOid: return "oid";
    case RuleKind::kNameContains: return "name-contains";
    case RuleKind::kServiceName: return "service-name";
  }
  return "unknown";
}

const char* ToString(RuleOrigin origin) {
  switch (origin) {
    case RuleOrigin::kDefault: return "default";
    case RuleOrigin::kUser: return "user";
    case RuleOrigin::kLearned: return "learned";
  }
  return "unknown";
}

const char* ToString(RuleScope scope) {
  switch (scope) {
    case RuleScope::kMatch: return "match";
    case RuleScope::kCoverage: return "coverage";
  }
  return "unknown";
}

std::optional<RuleScope> ParseRuleScope(std::string_view text) {
  for (RuleScope scope : {RuleScope::kMatch, RuleScope::kCoverage}) {
    if (text == ToString(scope)) return scope;
  }
  return std::nullopt;
}

std::optional<RuleKind> ParseRuleKind(std::string_view text) {
  for (RuleKind kind :
       {RuleKind::kNessusId, RuleKind::kOid, RuleKind::kNameContains, RuleKind::kServiceName}) {
    if (text == ToString(kind)) return kind;
  }
  return std::nullopt;
}

std::optional<RuleOrigin> ParseRuleOrigin(std::string_view text) {
  for (RuleOrigin origin : {RuleOrigin::kDefault, RuleOrigin::kUser, RuleOrigin::kLearned}) {
    if (text == ToString(origin)) return origin;
  }
  return std::nullopt;
}

std::vector<Rule> DefaultRules() {
  auto make = [](RuleKind kind, std::string_view value, std::string_view note,
                 std::string_view family = {}) {
    Rule rule;
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
      make(RuleKind::kNameContains, kDefaultNameNeedle, "any plugin naming the protocol"),
      make(RuleKind::kServiceName, kServiceName, "any result on the ttm_cmd service"),
  };
}

std::optional<Rule> MatchRule(const ResultRecord& result, ScanFormat format,
                              const std::vector<Rule>& rules) {
  const Rule* match = nullptr;
  if (!result.plugin_id.empty()) {
    match = FirstEnabled(rules, IdKindFor(format), result.plugin_id, IdEquals);
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
  const RuleKind id_kind = IdKindFor(format);
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
