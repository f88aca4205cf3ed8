#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "db/sql/connection_backend.hpp"
#include "db/sql/phase_observer.hpp"
#include "db/sqlite/database.hpp"

namespace ttmtrack::db::sqlite {

// The SQLite backend of the SQL layer (db/sql/connection_backend.hpp): a Database opened
// read-write (created when missing) with its busy timeout, WAL and foreign keys, plus the
// SQLite-only tuning the Store asks for. SQLite runs the Store's ?N parameters as they are;
// BeginWrite is BEGIN IMMEDIATE; the schema version is PRAGMA user_version. Not thread-safe.
// Throws ttmtrack::Error (kBusy for SQLITE_BUSY/LOCKED, kDatabase otherwise, naming the file).
class SqliteConnection final : public sql::ConnectionBackend {
 public:
  // `page_cache_kib`: ceiling of the page cache (PRAGMA cache_size), at least 256.
  SqliteConnection(const std::string& path, int page_cache_kib, sql::PhaseObserver observer);

  void Exec(const std::string& sql) override { database_.Exec(sql); }
  std::unique_ptr<sql::StatementBackend> Prepare(const std::string& sql) override;
  void BeginWrite() override;
  void Commit() override;
  void Rollback() noexcept override;
  int Changes() const override { return database_.Changes(); }
  int SchemaVersion() override;
  void SetSchemaVersion(int version) override;
  void Phase(std::string_view name) const override { database_.Phase(name); }
  const std::string& name() const override { return database_.path(); }

 private:
  Database database_;
};

}  // namespace ttmtrack::db::sqlite
