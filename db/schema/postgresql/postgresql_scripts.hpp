#pragma once

#include <string_view>
#include <vector>

// The PostgreSQL schema, compiled in from db/schema/postgresql/schema_v<N>.sql like SQLite's
// (docs/schema.md, "PostgreSQL"). Nothing opens a PostgreSQL store yet: the driver that runs
// these scripts comes with the backend-neutral store (issue 14).
namespace ttmtrack::db::schema::postgresql {

// One script and the schema version a database is at once it has run.
struct Script {
  int version = 0;
  std::string_view sql;  // static storage: valid for the whole program
};

// Ascending by version. The first creates the whole schema at its version, schema_version row
// included, in an empty database; each later one upgrades from the version before it, and whoever
// runs it then sets schema_version.version (as SQLite's Migrate sets PRAGMA user_version).
std::vector<Script> Scripts();

// The newest version these scripts reach; equal to schema::LatestVersion() (SQLite's), which
// tests/db/postgresql_schema_test.cpp checks.
int LatestVersion();

}  // namespace ttmtrack::db::schema::postgresql
