#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "db/sql/statement_backend.hpp"

namespace ttmtrack::db::sql {

// A prepared statement (RAII over its backend's, statement_backend.hpp). The SQL uses SQLite's
// numbered parameters ?1, ?2, ... (each may appear several times); a backend may rewrite them
// before preparing (PostgreSQL's $1, $2, ...). Bind parameters are 1-based, columns 0-based.
// Prepare hot statements once and Reset() between uses. Borrows its connection, which must
// outlive it. Column accessors are valid only while on a row. Throws ttmtrack::Error on failure.
//
// The SQL it runs follows the portable rules of docs/architecture.md ("The SQL layer"), so that
// every backend gives the same rows.
class Statement {
 public:
  explicit Statement(std::unique_ptr<StatementBackend> backend) : backend_(std::move(backend)) {}
  Statement(Statement&&) noexcept = default;
  Statement& operator=(Statement&&) noexcept = default;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement() = default;

  Statement& Bind(int index, std::int64_t value) {
    backend_->BindInt64(index, value);
    return *this;
  }
  Statement& Bind(int index, int value) { return Bind(index, static_cast<std::int64_t>(value)); }
  Statement& Bind(int index, std::string_view text) {  // copied by the backend
    backend_->BindText(index, text);
    return *this;
  }
  Statement& Bind(int index, const char* text) { return Bind(index, std::string_view(text)); }
  Statement& Bind(int index, const std::string& text) {
    return Bind(index, std::string_view(text));
  }
  Statement& BindBlob(int index, const void* data, std::size_t size) {
    backend_->BindBlob(index, data, size);
    return *this;
  }
  Statement& BindNull(int index) {
    backend_->BindNull(index);
    return *this;
  }
  // Bind NULL when empty.
  Statement& Bind(int index, const std::optional<std::int64_t>& value);
  Statement& Bind(int index, const std::optional<std::string>& text);

  // Steps once: true when a row is available, false when done.
  bool Step() { return backend_->Step(); }
  // Steps to completion of a statement that returns no rows, then resets it.
  void Run() {
    while (Step()) {
    }
    Reset();
  }
  // Clears bindings and rewinds, ready for reuse.
  void Reset() { backend_->Reset(); }

  int ColumnCount() const { return backend_->ColumnCount(); }
  bool IsNull(int column) const { return backend_->IsNull(column); }
  std::int64_t Int64(int column) const { return backend_->Int64(column); }
  // Truncates as a C cast would; for columns that hold small integers (flags, counts, versions).
  int Int(int column) const { return static_cast<int>(Int64(column)); }
  std::string Text(int column) const { return backend_->Text(column); }  // empty for NULL
  std::optional<std::int64_t> OptionalInt64(int column) const;
  std::optional<std::string> OptionalText(int column) const;
  std::string Blob(int column) const { return backend_->Blob(column); }

 private:
  std::unique_ptr<StatementBackend> backend_;
};

}  // namespace ttmtrack::db::sql
