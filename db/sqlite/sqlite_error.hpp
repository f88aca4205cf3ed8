#pragma once

#include <string>

struct sqlite3;

namespace ttmtrack::db::sqlite {

// The one place a SQLite return code becomes an exception (STYLE.md §3). Throws
// ttmtrack::Error (kBusy for SQLITE_BUSY/SQLITE_LOCKED, kDatabase otherwise) unless rc is
// SQLITE_OK, SQLITE_ROW or SQLITE_DONE; returns rc otherwise. `what` names the operation.
int Check(int rc, sqlite3* handle, const std::string& what);

}  // namespace ttmtrack::db::sqlite
