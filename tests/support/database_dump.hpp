#pragma once

#include <string>
#include <vector>

namespace ttmtrack::test {

// Every row of every table of the SQLite database at `path`, sorted, and its user_version: its
// logical content. Equal dumps mean logically equal databases, so a test proves "the database
// is exactly as it was" by comparing two. Opens the file read-write (WAL needs it) without
// creating it; throws ttmtrack::Error when it cannot be opened or read. Columns named in
// `masked` ("table.column") are dumped as "*": for times that two runs of the real binary set
// to their own clock (scans.imported_at, rules.created_at).
std::string DumpDatabase(const std::string& path, const std::vector<std::string>& masked = {});

}  // namespace ttmtrack::test
