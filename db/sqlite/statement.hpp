#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace ttmtrack::db::sqlite {

// A prepared statement (RAII). Bind parameters are 1-based, columns 0-based (SQLite's own
// convention). Prepare hot statements once and Reset() between uses. Borrows its connection,
// which must outlive it. Throws ttmtrack::Error on failure.
class Statement {
 public:
  Statement(sqlite3* db, const std::string& sql);
  Statement(Statement&&) noexcept = default;
  Statement& operator=(Statement&&) noexcept = default;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement() = default;

  Statement& Bind(int index, std::int64_t value);
  Statement& Bind(int index, int value) { return Bind(index, static_cast<std::int64_t>(value)); }
  Statement& Bind(int index, std::string_view text);  // copied by SQLite (SQLITE_TRANSIENT)
  Statement& Bind(int index, const char* text) { return Bind(index, std::string_view(text)); }
  Statement& Bind(int index, const std::string& text) {
    return Bind(index, std::string_view(text));
  }
  Statement& BindBlob(int index, const void* data, std::size_t size);
  Statement& BindNull(int index);
  // Bind NULL when empty.
  Statement& Bind(int index, const std::optional<std::int64_t>& value);
  Statement& Bind(int index, const std::optional<std::string>& text);

  // Steps once: true when a row is available, false when done.
  bool Step();
  // Steps to completion of a statement that returns no rows, then resets it.
  void Run();
  // Clears bindings and rewinds, ready for reuse.
  void Reset();

  int ColumnCount() const;
  bool IsNull(int column) const;
  std::int64_t Int64(int column) const;
  int Int(int column) const;
  std::string Text(int column) const;  // empty for NULL
  std::optional<std::int64_t> OptionalInt64(int column) const;
  std::optional<std::string> OptionalText(int column) const;
  std::string Blob(int column) const;

 private:
  struct Finalizer {
    void operator()(sqlite3_stmt* stmt) const;
  };
  sqlite3* db_;
  std::unique_ptr<sqlite3_stmt, Finalizer> stmt_;
};

}  // namespace ttmtrack::db::sqlite
