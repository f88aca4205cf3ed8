#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "db/sql/connection_backend.hpp"
#include "db/sql/statement.hpp"

namespace ttmtrack::db::sql {

// An open database connection (RAII over its backend's, connection_backend.hpp), the one type
// the Store and its helpers use to reach a database, whichever it is. db/open_connection.hpp
// makes one from a location. Not thread-safe: one Connection per thread. Movable, not copyable.
// Throws ttmtrack::Error (kBusy, kDatabase) on failure.
class Connection {
 public:
  explicit Connection(std::unique_ptr<ConnectionBackend> backend) : backend_(std::move(backend)) {}
  Connection(Connection&&) noexcept = default;
  Connection& operator=(Connection&&) noexcept = default;
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;
  ~Connection() = default;

  // Tells the test hook, if any, that a write reached the point `name`.
  void Phase(std::string_view name) const { backend_->Phase(name); }

  // Runs one or more statements that return no rows.
  void Exec(const std::string& sql) { backend_->Exec(sql); }
  // Prepares a statement (statement.hpp for the SQL it takes); it borrows this connection and
  // must not outlive it.
  Statement Prepare(const std::string& sql) { return Statement(backend_->Prepare(sql)); }

  // Rows inserted, updated or deleted by the last completed statement.
  int Changes() const { return backend_->Changes(); }

  // The stored schema version (0 for a new, empty database), and its update; a write
  // transaction should be open for the update.
  int SchemaVersion() { return backend_->SchemaVersion(); }
  void SetSchemaVersion(int version) { backend_->SetSchemaVersion(version); }

  // The connection as error messages name it: the file for SQLite.
  const std::string& name() const { return backend_->name(); }

  ConnectionBackend& backend() { return *backend_; }

 private:
  std::unique_ptr<ConnectionBackend> backend_;
};

}  // namespace ttmtrack::db::sql
