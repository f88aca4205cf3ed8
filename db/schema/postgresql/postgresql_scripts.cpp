#include "db/schema/postgresql/postgresql_scripts.hpp"

#include "db/schema/postgresql/schema_sql.hpp"

namespace ttmtrack::db::schema::postgresql {

std::vector<Script> Scripts() {
  std::vector<Script> scripts;
  for (const EmbeddedMigration& migration : kEmbeddedMigrations) {
    scripts.push_back(Script{.version = migration.version, .sql = migration.sql});
  }
  return scripts;
}

int LatestVersion() {
  int latest = 0;
  for (const EmbeddedMigration& migration : kEmbeddedMigrations) latest = migration.version;
  return latest;
}

}  // namespace ttmtrack::db::schema::postgresql
