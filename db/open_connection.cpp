#include "db/open_connection.hpp"

#include <memory>
#include <string_view>
#include <utility>

#include "core/error.hpp"
#include "db/sqlite/sqlite_connection.hpp"

namespace ttmtrack::db {

namespace {

bool StartsWith(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

}  // namespace

DatabaseLocation ParseDatabaseLocation(const std::string& location) {
  if (StartsWith(location, "postgresql://") || StartsWith(location, "postgres://")) {
    return {DatabaseLocation::Backend::kPostgresql, location};
  }
  constexpr std::string_view kSqlitePrefix = "sqlite:";
  if (StartsWith(location, kSqlitePrefix)) {
    std::string path = location.substr(kSqlitePrefix.size());
    if (path.empty()) {
      throw Error(Error::Kind::kUsage, "database location 'sqlite:' names no file (sqlite:PATH)");
    }
    return {DatabaseLocation::Backend::kSqlite, std::move(path)};
  }
  return {DatabaseLocation::Backend::kSqlite, location};
}

sql::Connection OpenConnection(const std::string& location, ConnectionOptions options) {
  DatabaseLocation parsed = ParseDatabaseLocation(location);
  if (parsed.backend == DatabaseLocation::Backend::kPostgresql) {
    throw Error(Error::Kind::kUsage,
                "PostgreSQL support is not built yet: use an SQLite file for --db");
  }
  return sql::Connection(std::make_unique<sqlite::SqliteConnection>(
      parsed.target, options.page_cache_kib, std::move(options.phase_observer)));
}

}  // namespace ttmtrack::db
