#pragma once

#include <memory>
#include <string>

struct sqlite3;

namespace ttmtrack::db::sqlite {

class Statement;

// An open SQLite connection (RAII). Opens read-write, creating the file if asked, sets a busy
// timeout, foreign_keys=ON and WAL journaling. Not thread-safe: one Database per thread.
// Throws ttmtrack::Error on failure.
class Database {
 public:
  enum class Mode { kReadWriteCreate, kReadWrite, kReadOnly };

  explicit Database(const std::string& path, Mode mode = Mode::kReadWriteCreate);
  Database(Database&&) noexcept = default;
  Database& operator=(Database&&) noexcept = default;
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;
  ~Database() = default;

  // Runs one or more statements that return no rows.
  void Exec(const std::string& sql);
  // Prepares a statement; it borrows this connection and must not outlive it.
  Statement Prepare(const std::string& sql);

  sqlite3* handle() const { return handle_.get(); }
  const std::string& path() const { return path_; }
  std::int64_t LastInsertRowId() const;
  int Changes() const;

 private:
  struct Closer {
    void operator()(sqlite3* db) const;
  };
  std::unique_ptr<sqlite3, Closer> handle_;
  std::string path_;
};

}  // namespace ttmtrack::db::sqlite
