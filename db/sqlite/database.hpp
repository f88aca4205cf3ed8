#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "db/sql/phase_observer.hpp"

struct sqlite3;

namespace ttmtrack::db::sqlite {

class ObservedVfs;
class Statement;

// An open SQLite connection (RAII). Opens read-write, creating the file if asked, sets a busy
// timeout, foreign_keys=ON and WAL journaling. Not thread-safe: one Database per thread.
// Throws ttmtrack::Error on failure.
//
// With a PhaseObserver (a test hook, db/sql/phase_observer.hpp) the connection's files go through
// an ObservedVfs and its commits through a commit hook, and Phase() calls reach the observer;
// without one, Phase() does nothing and SQLite runs unshimmed.
class Database {
 public:
  enum class Mode { kReadWriteCreate, kReadWrite, kReadOnly };

  explicit Database(const std::string& path, Mode mode = Mode::kReadWriteCreate,
                    sql::PhaseObserver observer = {});
  Database(Database&&) noexcept;
  Database& operator=(Database&&) noexcept;
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;
  ~Database();

  // Tells the observer, if any, that a write reached the point `name`.
  void Phase(std::string_view name) const;

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
  // Declared before handle_: the connection closes before its VFS goes away.
  std::unique_ptr<ObservedVfs> observed_;
  std::unique_ptr<sqlite3, Closer> handle_;
  std::string path_;
};

}  // namespace ttmtrack::db::sqlite
