#pragma once

#include <string>

#include "db/sql/connection.hpp"
#include "db/sql/phase_observer.hpp"

namespace ttmtrack::db {

// Which database a location names (--db, $TTMTRACK_DB, the config's `database` key).
struct DatabaseLocation {
  enum class Backend { kSqlite, kPostgresql };
  Backend backend = Backend::kSqlite;
  // SQLite: the file's path. PostgreSQL: the whole URI, as libpq takes it.
  std::string target;
};

// "postgresql://..." or "postgres://..." (libpq's URI prefixes) is PostgreSQL; "sqlite:PATH" is
// the SQLite file PATH; anything else is a plain SQLite path. Throws kUsage for "sqlite:" with no
// path.
DatabaseLocation ParseDatabaseLocation(const std::string& location);

struct ConnectionOptions {
  // SQLite only: ceiling of the page cache, KiB (db::Store::Options::page_cache_kib).
  int page_cache_kib = 8192;
  // Test hook (db/sql/phase_observer.hpp); empty: no observation.
  sql::PhaseObserver phase_observer;
};

// Opens the database `location` names (ParseDatabaseLocation), creating a missing SQLite file.
// The one place that chooses a backend. Throws kUsage for a PostgreSQL location (not built
// yet), kDatabase or kBusy when the database cannot be opened.
sql::Connection OpenConnection(const std::string& location, ConnectionOptions options = {});

}  // namespace ttmtrack::db
