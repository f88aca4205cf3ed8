#pragma once

#include <cstdint>
#include <optional>

namespace ttmtrack::db::sql {
class Connection;
}

namespace ttmtrack::db::schema {

// Schema versions live in the connection's schema version (SQLite: PRAGMA user_version,
// sql::ConnectionBackend::SchemaVersion); the migration scripts are db/schema/
// schema_v<N>.sql, embedded at build time (embed_sql.cmake). docs/schema.md has the policy.

// The newest version this build can create and read.
int LatestVersion();

// The schema version of `db` (0 for a new, empty database).
int CurrentVersion(sql::Connection& db);

// Throws ttmtrack::Error kDatabase, naming both versions, when `version` is newer than
// LatestVersion(): an older ttmtrack must not write into a schema it does not know.
void RefuseNewer(sql::Connection& db, int version);

struct MigrationResult {
  int from = 0;  // version before (0: the database was new)
  int to = 0;    // version after
};

// Applies every migration after the current version up to `target` (default: the latest),
// in order, each followed by its C++ step (v1 seeds the default rules, with `now` as their
// created_at), and sets the schema version. REQUIRES: the caller holds a write transaction, so
// the whole upgrade commits or rolls back as one. Re-reads the version inside it, so two
// processes opening one new file do not both migrate. Throws ttmtrack::Error.
MigrationResult Migrate(sql::Connection& db, std::int64_t now,
                        std::optional<int> target = std::nullopt);

}  // namespace ttmtrack::db::schema
