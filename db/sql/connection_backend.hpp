#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "db/sql/statement_backend.hpp"

namespace ttmtrack::db::sql {

// What a database backend implements for one open connection (db/sqlite/ is the first); the
// Store sees only sql::Connection, which owns one. Everything the Store's logic needs from a
// database and nothing more, so that one Store gives identical results on every backend
// (docs/architecture.md, "The SQL layer"). Not thread-safe. Throws ttmtrack::Error: kBusy when
// the database stays locked, kDatabase for other failures, with the connection's name as
// context.
class ConnectionBackend {
 public:
  ConnectionBackend() = default;
  ConnectionBackend(const ConnectionBackend&) = delete;
  ConnectionBackend& operator=(const ConnectionBackend&) = delete;
  virtual ~ConnectionBackend() = default;

  // Runs one or more statements that return no rows.
  virtual void Exec(const std::string& sql) = 0;
  // Prepares `sql` (numbered parameters ?1, ?2, ...; a backend may rewrite them). The result
  // borrows this connection and must not outlive it.
  virtual std::unique_ptr<StatementBackend> Prepare(const std::string& sql) = 0;

  // Starts a transaction that will write, taking the write lock now rather than at the first
  // write, so that two writers never deadlock half-way.
  virtual void BeginWrite() = 0;
  virtual void Commit() = 0;
  // Must not throw: called from destructors. A failed rollback is left to the database, which
  // rolls back an unfinished transaction when the connection closes.
  virtual void Rollback() noexcept = 0;

  // Rows inserted, updated or deleted by the last completed statement.
  virtual int Changes() const = 0;

  // The schema version stored in the database (0 for a new, empty one), and its update.
  virtual int SchemaVersion() = 0;
  virtual void SetSchemaVersion(int version) = 0;

  // Tells the test hook, if any, that a write reached the point `name` (phase_observer.hpp).
  virtual void Phase(std::string_view name) const = 0;
  // The connection as error messages name it: the file for SQLite.
  virtual const std::string& name() const = 0;
};

}  // namespace ttmtrack::db::sql
