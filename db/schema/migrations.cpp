#include "db/schema/migrations.hpp"

#include <string>

#include "core/enum_text.hpp"
#include "core/error.hpp"
#include "core/rule.hpp"
#include "db/schema/mapped_address_rekey.hpp"
#include "db/schema/schema_sql.hpp"
#include "db/sql/connection.hpp"
#include "db/sql/statement.hpp"

namespace ttmtrack::db::schema {
namespace {

// Version 1 starts with the default rules of its time (the confirmed tier's); later versions
// keep the user's rules as they are, and version 5 adds the unconfirmed tier's.
void SeedDefaultRules(sql::Connection& db, std::int64_t now) {
  auto insert = db.Prepare(
      "INSERT INTO rules(kind, value, origin, created_at, note) VALUES (?1, ?2, ?3, ?4, ?5) "
      "ON CONFLICT(kind, value) DO NOTHING");
  for (const core::Rule& rule : core::DefaultRules()) {
    if (rule.tier == core::DetectionTier::kUnconfirmed) continue;
    insert.Bind(1, core::ToText(rule.kind))
        .Bind(2, rule.value)
        .Bind(3, core::ToText(rule.origin))
        .Bind(4, now)
        .Bind(5, rule.note);
    insert.Run();
  }
}

// Version 2 records the plugin family of ID rules; the default ones get theirs from
// core::DefaultRules, so the constant lives in one place.
void SetDefaultRuleFamilies(sql::Connection& db) {
  auto update = db.Prepare(
      "UPDATE rules SET plugin_family = ?3 WHERE origin = ?4 AND kind = ?1 AND value = ?2");
  for (const core::Rule& rule : core::DefaultRules()) {
    if (rule.plugin_family.empty()) continue;
    update.Bind(1, core::ToText(rule.kind))
        .Bind(2, rule.value)
        .Bind(3, rule.plugin_family)
        .Bind(4, core::ToText(core::RuleOrigin::kDefault));
    update.Run();
  }
}

// Version 5 adds the default rules of the unconfirmed tier with their tier. A rule for the same
// ID may exist already: learned from the name rule (which matched the sibling plugin before
// version 5) or added by the user; it becomes the default rule, keeping whether it is enabled.
void AddUnconfirmedTierRules(sql::Connection& db, std::int64_t now) {
  auto upsert = db.Prepare(
      "INSERT INTO rules(kind, value, origin, created_at, note, plugin_family, tier) "
      "VALUES (?1, ?2, 'default', ?3, ?4, ?5, ?6) "
      "ON CONFLICT(kind, value) DO UPDATE SET origin = 'default', scope = 'match', "
      "note = excluded.note, plugin_family = excluded.plugin_family, tier = excluded.tier, "
      "learned_from_scan_id = NULL");
  for (const core::Rule& rule : core::DefaultRules()) {
    if (rule.tier != core::DetectionTier::kUnconfirmed) continue;
    upsert.Bind(1, core::ToText(rule.kind))
        .Bind(2, rule.value)
        .Bind(3, now)
        .Bind(4, rule.note)
        .Bind(5, rule.plugin_family)
        .Bind(6, core::ToText(rule.tier));
    upsert.Run();
  }
}

void AfterMigration(sql::Connection& db, int version, std::int64_t now) {
  if (version == 1) SeedDefaultRules(db, now);
  if (version == 2) SetDefaultRuleFamilies(db);
  if (version == 3) RekeyMappedAddresses(db);
  if (version == 5) AddUnconfirmedTierRules(db, now);
}

}  // namespace

int LatestVersion() {
  int latest = 0;
  for (const EmbeddedMigration& migration : kEmbeddedMigrations) latest = migration.version;
  return latest;
}

int CurrentVersion(sql::Connection& db) { return db.SchemaVersion(); }

void RefuseNewer(sql::Connection& db, int version) {
  if (version <= LatestVersion()) return;
  throw Error(Error::Kind::kDatabase,
              "database schema version " + std::to_string(version) +
                  " is newer than this ttmtrack supports (version " +
                  std::to_string(LatestVersion()) + "); use a newer ttmtrack",
              Error::Context{.file = db.name()});
}

MigrationResult Migrate(sql::Connection& db, std::int64_t now, std::optional<int> target) {
  MigrationResult result;
  result.from = CurrentVersion(db);
  RefuseNewer(db, result.from);
  result.to = result.from;
  const int goal = target.value_or(LatestVersion());
  for (const EmbeddedMigration& migration : kEmbeddedMigrations) {
    if (migration.version <= result.to || migration.version > goal) continue;
    db.Exec(std::string(migration.sql));
    AfterMigration(db, migration.version, now);
    db.SetSchemaVersion(migration.version);
    result.to = migration.version;
  }
  return result;
}

}  // namespace ttmtrack::db::schema
