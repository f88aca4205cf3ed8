#include "db/sqlite/sqlite_error.hpp"

#include <sqlite3.h>

#include "core/error.hpp"

namespace ttmtrack::db::sqlite {

int Check(int rc, sqlite3* handle, const std::string& what) {
  if (rc == SQLITE_OK || rc == SQLITE_ROW || rc == SQLITE_DONE) return rc;
  std::string detail = handle != nullptr ? sqlite3_errmsg(handle) : sqlite3_errstr(rc);
  const int primary = rc & 0xff;
  const auto kind = (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) ? Error::Kind::kBusy
                                                                         : Error::Kind::kDatabase;
  std::string file;
  if (handle != nullptr) {
    const char* name = sqlite3_db_filename(handle, "main");
    if (name != nullptr) file = name;
  }
  throw Error(kind, what + ": " + detail, Error::Context{.file = file});
}

}  // namespace ttmtrack::db::sqlite
