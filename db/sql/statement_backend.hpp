#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace ttmtrack::db::sql {

// What a database backend implements for one prepared statement (db/sqlite/ is the first); the
// Store never sees it, only sql::Statement, which owns one. Parameters are 1-based, columns
// 0-based. Column accessors are valid only while the statement is on a row (after Step() returned
// true, before the next Step() or Reset()). Throws ttmtrack::Error (kBusy, kDatabase) on failure.
class StatementBackend {
 public:
  StatementBackend() = default;
  StatementBackend(const StatementBackend&) = delete;
  StatementBackend& operator=(const StatementBackend&) = delete;
  virtual ~StatementBackend() = default;

  virtual void BindInt64(int index, std::int64_t value) = 0;
  // The backend copies `text` before returning.
  virtual void BindText(int index, std::string_view text) = 0;
  virtual void BindBlob(int index, const void* data, std::size_t size) = 0;
  virtual void BindNull(int index) = 0;

  // Runs or continues the statement: true when a row is available, false when done.
  virtual bool Step() = 0;
  // Clears bindings and rewinds, ready for reuse.
  virtual void Reset() = 0;

  virtual int ColumnCount() const = 0;
  virtual bool IsNull(int column) const = 0;
  virtual std::int64_t Int64(int column) const = 0;
  virtual std::string Text(int column) const = 0;  // empty for NULL
  virtual std::string Blob(int column) const = 0;  // empty for NULL
};

}  // namespace ttmtrack::db::sql
