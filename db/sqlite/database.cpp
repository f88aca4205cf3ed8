#include "db/sqlite/database.hpp"

#include <sqlite3.h>

#include "db/sqlite/observed_vfs.hpp"
#include "db/sqlite/sqlite_error.hpp"
#include "db/sqlite/statement.hpp"

namespace ttmtrack::db::sqlite {

void Database::Closer::operator()(sqlite3* db) const { sqlite3_close_v2(db); }

namespace {

// SQLite counts every allocation it makes under a global mutex, for sqlite3_status and a heap
// limit, neither of which ttmtrack uses: a lock and unlock per malloc and free (2-3 % of an
// import). Turned off once, before the first connection initialises the library; should
// anything have initialised it already, the call is refused and the counting simply stays.
void StopCountingAllocations() {
  static const int kConfigured = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  static_cast<void>(kConfigured);
}

}  // namespace

Database::Database(const std::string& path, Mode mode, sql::PhaseObserver observer) : path_(path) {
  StopCountingAllocations();
  int flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE;
  switch (mode) {
    case Mode::kReadWriteCreate: flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE; break;
    case Mode::kReadWrite: flags |= SQLITE_OPEN_READWRITE; break;
    case Mode::kReadOnly: flags |= SQLITE_OPEN_READONLY; break;
  }
  if (observer) observed_ = std::make_unique<ObservedVfs>(std::move(observer));
  sqlite3* raw = nullptr;
  const int rc =
      sqlite3_open_v2(path.c_str(), &raw, flags, observed_ ? observed_->name().c_str() : nullptr);
  handle_.reset(raw);  // sqlite3_open_v2 hands out a handle even on failure; it must be closed
  Check(rc, raw, "cannot open database " + path);
  if (observed_) {
    sqlite3_commit_hook(
        raw,
        [](void* vfs) {
          static_cast<const ObservedVfs*>(vfs)->Notify("commit:hook");
          return 0;  // go on committing
        },
        observed_.get());
  }
  Check(sqlite3_busy_timeout(raw, 5000), raw, "busy_timeout");
  Exec("PRAGMA foreign_keys = ON");
  if (mode != Mode::kReadOnly) Exec("PRAGMA journal_mode = WAL");
  Exec("PRAGMA synchronous = NORMAL");
}

Database::Database(Database&&) noexcept = default;

Database& Database::operator=(Database&& other) noexcept {
  handle_ = std::move(other.handle_);  // closes this connection before its VFS is replaced
  observed_ = std::move(other.observed_);
  path_ = std::move(other.path_);
  return *this;
}

Database::~Database() = default;

void Database::Phase(std::string_view name) const {
  if (observed_) observed_->Notify(name);
}

void Database::Exec(const std::string& sql) {
  char* message = nullptr;
  const int rc = sqlite3_exec(handle_.get(), sql.c_str(), nullptr, nullptr, &message);
  std::string text = message != nullptr ? message : "";
  sqlite3_free(message);
  Check(rc, handle_.get(), "executing SQL" + (text.empty() ? std::string() : " (" + text + ")"));
}

Statement Database::Prepare(const std::string& sql) { return {handle_.get(), sql}; }

std::int64_t Database::LastInsertRowId() const { return sqlite3_last_insert_rowid(handle_.get()); }

int Database::Changes() const { return sqlite3_changes(handle_.get()); }

}  // namespace ttmtrack::db::sqlite
