#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "db/sql/phase_observer.hpp"

struct sqlite3_vfs;

namespace ttmtrack::db::sqlite {

// A SQLite file-system layer (VFS) that forwards everything to the default one and tells its
// observer before each write and sync of a database file ("db-write", "db-sync") and of a
// write-ahead log ("wal-write", "wal-sync"); rollback journals and temporary files pass
// unobserved. SQLite's faultsim and leveldb's fault-injection Env are shims of the same kind.
// Registered under a name of its own (name()) from construction to destruction, never as the
// default; a connection opened with that name uses it. Only Database creates one, and only when
// a PhaseObserver is given (the fault tests). REQUIRES: every connection and file opened
// through it is closed before it is destroyed. Not copyable or movable.
class ObservedVfs {
 public:
  explicit ObservedVfs(sql::PhaseObserver observer);
  ~ObservedVfs();
  ObservedVfs(const ObservedVfs&) = delete;
  ObservedVfs& operator=(const ObservedVfs&) = delete;

  const std::string& name() const { return name_; }
  // The default VFS, which does the work.
  sqlite3_vfs* real() const { return real_; }
  void Notify(std::string_view phase) const { observer_(phase); }

 private:
  sql::PhaseObserver observer_;
  std::string name_;
  sqlite3_vfs* real_;
  std::unique_ptr<sqlite3_vfs> vfs_;
};

}  // namespace ttmtrack::db::sqlite
