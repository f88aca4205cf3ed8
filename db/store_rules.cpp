// Store: rules and settings. Every change recomputes the lifecycle in the same transaction,
// so no reader ever sees rules and outcomes that disagree.
#include "core/civil_time.hpp"
#include "core/enum_text.hpp"
#include "core/error.hpp"
#include "core/setting_catalogue.hpp"
#include "db/rules_table.hpp"
#include "db/sql/write_transaction.hpp"
#include "db/store.hpp"
#include "db/store_impl.hpp"
#include "db/zoneless_times.hpp"

namespace ttmtrack::db {

std::vector<core::Rule> Store::ListRules() { return LoadRules(impl_->db); }

AddRuleResult Store::AddRule(core::RuleKind kind, const std::string& value,
                             const std::string& note) {
  const std::string clean = core::CanonicalRuleValue(kind, value);
  sql::WriteTransaction transaction(impl_->db);
  // Name and service rules match case-insensitively (ASCII), so a case variant is the same
  // rule; SQLite's lower() folds ASCII only, as MatchRule does.
  auto find = impl_->db.Prepare(
      "SELECT id FROM rules WHERE kind = ?1 AND "
      "(value = ?2 OR (?1 IN (?3, ?4) AND lower(value) = lower(?2)))");
  find.Bind(1, core::ToText(kind))
      .Bind(2, clean)
      .Bind(3, core::ToText(core::RuleKind::kNameContains))
      .Bind(4, core::ToText(core::RuleKind::kServiceName));
  if (find.Step()) {
    const core::Rule existing = *LoadRule(impl_->db, find.Int64(0));
    if (existing.origin != core::RuleOrigin::kLearned ||
        existing.scope != core::RuleScope::kCoverage) {
      return {AddRuleStatus::kAlreadyExists, existing};
    }
    // The user asks to match results of a plugin ttmtrack knew only for coverage: the user's
    // word makes it a match rule (and switches it back on).
    auto promote = impl_->db.Prepare(
        "UPDATE rules SET origin = ?4, scope = ?5, enabled = 1, created_at = ?2, note = ?3, "
        "learned_from_scan_id = NULL WHERE id = ?1");
    promote.Bind(1, existing.id)
        .Bind(2, impl_->Now())
        .Bind(3, note)
        .Bind(4, core::ToText(core::RuleOrigin::kUser))
        .Bind(5, core::ToText(core::RuleScope::kMatch));
    promote.Run();
    impl_->Recompute();
    AddRuleResult result{AddRuleStatus::kAdded, *LoadRule(impl_->db, existing.id)};
    transaction.Commit();
    return result;
  }
  auto insert = impl_->db.Prepare(
      "INSERT INTO rules(kind, value, origin, created_at, note) VALUES (?1, ?2, ?5, ?3, ?4) "
      "RETURNING id");
  insert.Bind(1, core::ToText(kind))
      .Bind(2, clean)
      .Bind(3, impl_->Now())
      .Bind(4, note)
      .Bind(5, core::ToText(core::RuleOrigin::kUser));
  insert.Step();
  const std::int64_t id = insert.Int64(0);
  insert.Reset();
  impl_->Recompute();
  AddRuleResult result{AddRuleStatus::kAdded, *LoadRule(impl_->db, id)};
  transaction.Commit();
  return result;
}

RemoveRuleStatus Store::RemoveRule(std::int64_t id) {
  sql::WriteTransaction transaction(impl_->db);
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
  sql::WriteTransaction transaction(impl_->db);
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
  for (const core::SettingDefinition& d : core::SettingCatalogue()) {
    settings.push_back({&d, impl_->SettingValue(d.key)});
  }
  return settings;
}

std::string Store::GetSetting(const std::string& key) {
  return impl_->SettingValue(core::RequireSetting(key).key);
}

void Store::SetSetting(const std::string& key, const std::string& value) {
  const core::SettingDefinition& definition = core::RequireSetting(key);
  const std::string canonical = core::CanonicalSettingValue(definition, value);
  sql::WriteTransaction transaction(impl_->db);
  auto upsert = impl_->db.Prepare(
      "INSERT INTO settings(key, value) VALUES (?1, ?2) "
      "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
  upsert.Bind(1, definition.key).Bind(2, canonical);
  upsert.Run();
  if (definition.key == core::kNessusUtcOffsetSetting) {
    ReadZonelessTimesAgain(impl_->db, core::ParseUtcOffset(canonical).value_or(0));
  }
  if (definition.affects_lifecycle) impl_->Recompute(lifecycle::RulesChanged::kNo);
  transaction.Commit();
}

core::CoveragePolicy Store::GetCoveragePolicy() { return impl_->Policy(); }

int Store::NessusUtcOffsetSeconds() {
  return core::NessusUtcOffsetFromSettings(
      [this](std::string_view key) { return impl_->SettingValue(key); });
}

std::int64_t Store::FutureMarginSeconds() {
  return core::FutureMarginSecondsFromSettings(
      [this](std::string_view key) { return impl_->SettingValue(key); });
}

}  // namespace ttmtrack::db
