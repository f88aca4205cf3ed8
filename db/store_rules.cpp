// Store: rules and settings. Every change recomputes the lifecycle in the same transaction,
// so no reader ever sees rules and outcomes that disagree.
#include <algorithm>
#include <cctype>

#include "core/error.hpp"
#include "db/rules_table.hpp"
#include "db/settings.hpp"
#include "db/sqlite/transaction.hpp"
#include "db/store.hpp"
#include "db/store_impl.hpp"
#include "db/zoneless_times.hpp"

namespace ttmtrack::db {
namespace {

std::string Trim(const std::string& text) {
  const auto first = std::find_if_not(text.begin(), text.end(),
                                      [](unsigned char c) { return std::isspace(c) != 0; });
  const auto last = std::find_if_not(text.rbegin(), text.rend(), [](unsigned char c) {
                      return std::isspace(c) != 0;
                    }).base();
  return first < last ? std::string(first, last) : std::string();
}

bool AllDigits(const std::string& text) {
  return !text.empty() &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool IsOid(const std::string& text) {
  std::size_t start = 0;
  int parts = 0;
  while (true) {
    const std::size_t dot = text.find('.', start);
    if (!AllDigits(text.substr(start, dot - start))) return false;
    ++parts;
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  return parts >= 2;
}

// Rule values are typed by users; reject what could never match, with the reason.
std::string ValidRuleValue(core::RuleKind kind, const std::string& value) {
  const std::string trimmed = Trim(value);
  auto fail = [&](const std::string& why) {
    return Error(Error::Kind::kUsage, std::string("invalid ") + core::ToString(kind) + " rule \"" +
                                          value + "\": " + why);
  };
  switch (kind) {
    case core::RuleKind::kNessusId:
      if (!AllDigits(trimmed) || trimmed.size() > 12) throw fail("a Nessus plugin ID is digits");
      break;
    case core::RuleKind::kOid:
      if (!IsOid(trimmed) || trimmed.size() > 200) throw fail("an OID is dotted digits");
      break;
    case core::RuleKind::kNameContains:
    case core::RuleKind::kServiceName:
      if (trimmed.empty()) throw fail("the text is empty");
      if (trimmed.size() > 500) throw fail("longer than 500 bytes");
      if (std::any_of(trimmed.begin(), trimmed.end(),
                      [](unsigned char c) { return c < 0x20 || c == 0x7f; })) {
        throw fail("contains a control character");
      }
      break;
  }
  return trimmed;
}

}  // namespace

std::vector<core::Rule> Store::ListRules() { return LoadRules(impl_->db); }

AddRuleResult Store::AddRule(core::RuleKind kind, const std::string& value,
                             const std::string& note) {
  const std::string clean = ValidRuleValue(kind, value);
  sqlite::Transaction transaction(impl_->db);
  // Name and service rules match case-insensitively (ASCII), so a case variant is the same
  // rule; SQLite's lower() folds ASCII only, as MatchRule does.
  auto find = impl_->db.Prepare(
      "SELECT id FROM rules WHERE kind = ?1 AND "
      "(value = ?2 OR (?1 IN ('name-contains', 'service-name') AND lower(value) = lower(?2)))");
  find.Bind(1, core::ToString(kind)).Bind(2, clean);
  if (find.Step()) {
    const core::Rule existing = *LoadRule(impl_->db, find.Int64(0));
    if (existing.origin != core::RuleOrigin::kLearned ||
        existing.scope != core::RuleScope::kCoverage) {
      return {AddRuleStatus::kAlreadyExists, existing};
    }
    // The user asks to match results of a plugin ttmtrack knew only for coverage: the user's
    // word makes it a match rule (and switches it back on).
    auto promote = impl_->db.Prepare(
        "UPDATE rules SET origin = 'user', scope = 'match', enabled = 1, created_at = ?2, "
        "note = ?3, learned_from_scan_id = NULL WHERE id = ?1");
    promote.Bind(1, existing.id).Bind(2, impl_->Now()).Bind(3, note);
    promote.Run();
    impl_->Recompute();
    AddRuleResult result{AddRuleStatus::kAdded, *LoadRule(impl_->db, existing.id)};
    transaction.Commit();
    return result;
  }
  auto insert = impl_->db.Prepare(
      "INSERT INTO rules(kind, value, origin, created_at, note) VALUES (?1, ?2, 'user', ?3, ?4)");
  insert.Bind(1, core::ToString(kind)).Bind(2, clean).Bind(3, impl_->Now()).Bind(4, note);
  insert.Run();
  const std::int64_t id = impl_->db.LastInsertRowId();
  impl_->Recompute();
  AddRuleResult result{AddRuleStatus::kAdded, *LoadRule(impl_->db, id)};
  transaction.Commit();
  return result;
}

RemoveRuleStatus Store::RemoveRule(std::int64_t id) {
  sqlite::Transaction transaction(impl_->db);
  const auto rule = LoadRule(impl_->db, id);
  if (!rule) return RemoveRuleStatus::kNotFound;
  if (rule->origin == core::RuleOrigin::kDefault) return RemoveRuleStatus::kIsDefault;
  // Detections it matched stay (raw observations); the recomputation matches them against
  // the remaining rules.
  auto detach = impl_->db.Prepare("UPDATE detections SET rule_id = NULL WHERE rule_id = ?1");
  detach.Bind(1, id);
  detach.Run();
  auto remove = impl_->db.Prepare("DELETE FROM rules WHERE id = ?1");
  remove.Bind(1, id);
  remove.Run();
  impl_->Recompute();
  transaction.Commit();
  return RemoveRuleStatus::kRemoved;
}

bool Store::SetRuleEnabled(std::int64_t id, bool enabled) {
  sqlite::Transaction transaction(impl_->db);
  auto update = impl_->db.Prepare("UPDATE rules SET enabled = ?2 WHERE id = ?1");
  update.Bind(1, id).Bind(2, enabled ? 1 : 0);
  update.Run();
  if (impl_->db.Changes() == 0) return false;
  impl_->Recompute();
  transaction.Commit();
  return true;
}

std::vector<SettingInfo> Store::ListSettings() {
  std::vector<SettingInfo> settings;
  for (const SettingDefinition& d : SettingDefinitions()) {
    settings.push_back({std::string(d.key), impl_->SettingValue(d.key),
                        std::string(d.default_value), std::string(d.allowed),
                        std::string(d.description)});
  }
  return settings;
}

namespace {

const SettingDefinition& RequireSetting(const std::string& key) {
  if (const SettingDefinition* definition = FindSetting(key)) return *definition;
  std::string known;
  for (const SettingDefinition& d : SettingDefinitions()) {
    known += (known.empty() ? "" : ", ") + std::string(d.key);
  }
  throw Error(Error::Kind::kUsage, "unknown setting \"" + key + "\" (known: " + known + ")");
}

}  // namespace

std::string Store::GetSetting(const std::string& key) {
  return impl_->SettingValue(RequireSetting(key).key);
}

void Store::SetSetting(const std::string& key, const std::string& value) {
  const SettingDefinition& definition = RequireSetting(key);
  const std::string canonical = CanonicalSettingValue(definition, value);
  sqlite::Transaction transaction(impl_->db);
  auto upsert = impl_->db.Prepare(
      "INSERT INTO settings(key, value) VALUES (?1, ?2) "
      "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
  upsert.Bind(1, definition.key).Bind(2, canonical);
  upsert.Run();
  if (definition.key == "import.nessus-utc-offset") {
    ReadZonelessTimesAgain(impl_->db, UtcOffsetSeconds(canonical));
  }
  if (definition.affects_lifecycle) impl_->Recompute(lifecycle::RulesChanged::kNo);
  transaction.Commit();
}

core::CoveragePolicy Store::GetCoveragePolicy() { return impl_->Policy(); }

int Store::NessusUtcOffsetSeconds() {
  return UtcOffsetSeconds(impl_->SettingValue("import.nessus-utc-offset"));
}

std::int64_t Store::FutureMarginSeconds() {
  return HoursInSeconds(impl_->SettingValue("import.future-margin-hours"));
}

}  // namespace ttmtrack::db
