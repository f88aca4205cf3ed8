#include "db/sqlite/sqlite_connection.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <utility>

#include "db/sqlite/statement.hpp"

namespace ttmtrack::db::sqlite {

namespace {

// A Statement seen through the SQL layer's interface; the forwarding calls are all it adds.
class SqliteStatement final : public sql::StatementBackend {
 public:
  SqliteStatement(sqlite3* db, const std::string& sql) : statement_(db, sql) {}

  void BindInt64(int index, std::int64_t value) override { statement_.Bind(index, value); }
  void BindText(int index, std::string_view text) override { statement_.Bind(index, text); }
  void BindBlob(int index, const void* data, std::size_t size) override {
    statement_.BindBlob(index, data, size);
  }
  void BindNull(int index) override { statement_.BindNull(index); }
  bool Step() override { return statement_.Step(); }
  void Reset() override { statement_.Reset(); }
  int ColumnCount() const override { return statement_.ColumnCount(); }
  bool IsNull(int column) const override { return statement_.IsNull(column); }
  std::int64_t Int64(int column) const override { return statement_.Int64(column); }
  std::string Text(int column) const override { return statement_.Text(column); }
  std::string Blob(int column) const override { return statement_.Blob(column); }

 private:
  Statement statement_;
};

}  // namespace

SqliteConnection::SqliteConnection(const std::string& path, int page_cache_kib,
                                   sql::PhaseObserver observer)
    : database_(path, Database::Mode::kReadWriteCreate, std::move(observer)) {
  // A ceiling, not an allocation, and the main term of this process's memory: it keeps memory
  // flat however large an export or the database is. A larger cache speeds up only the full
  // recomputations (docs/verification.md, "Recomputation cost"), not imports.
  database_.Exec("PRAGMA cache_size = " + std::to_string(-std::max(page_cache_kib, 256)));
}

std::unique_ptr<sql::StatementBackend> SqliteConnection::Prepare(const std::string& sql) {
  return std::make_unique<SqliteStatement>(database_.handle(), sql);
}

// IMMEDIATE: the write lock is taken now, so a second writer waits (busy timeout) here rather
// than failing half-way through its import.
void SqliteConnection::BeginWrite() { database_.Exec("BEGIN IMMEDIATE"); }

void SqliteConnection::Commit() { database_.Exec("COMMIT"); }

void SqliteConnection::Rollback() noexcept {
  sqlite3_exec(database_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

int SqliteConnection::SchemaVersion() {
  auto statement = database_.Prepare("PRAGMA user_version");
  statement.Step();
  return statement.Int(0);
}

void SqliteConnection::SetSchemaVersion(int version) {
  // PRAGMA takes no bound parameters; the version is our own integer.
  database_.Exec("PRAGMA user_version = " + std::to_string(version));
}

}  // namespace ttmtrack::db::sqlite
