#pragma once

#include <functional>
#include <string_view>

namespace ttmtrack::db::sql {

// A test hook: called with the name of each point a write passes, so a fault test can stop or
// kill the process at a known point and say afterwards where it struck (tests/cli/
// import_fault_test.cpp, docs/cli.md "Test hooks"). The names:
//   begin, parse, host, recompute, recompute:exposures, recompute:judge, recompute:exposure,
//   summary, commit, committed       from the Store and the lifecycle recomputation;
//   commit:hook                      inside COMMIT, before SQLite writes its pages
//                                    (sqlite3_commit_hook);
//   wal-write, wal-sync, db-write,   before each write or sync of the write-ahead log or the
//   db-sync                          database file (a shim over SQLite's own file system layer).
// The last five come from the SQLite backend only (db/sqlite/observed_vfs.hpp).
// It runs on the thread that writes, may block (the test steps the process through the points)
// and must not throw. An empty observer costs nothing: the shim is not installed.
using PhaseObserver = std::function<void(std::string_view phase)>;

}  // namespace ttmtrack::db::sql
