#pragma once

#include <string>

#include "cli/command_context.hpp"
#include "db/store.hpp"
#include "importer/export_reader.hpp"

namespace ttmtrack::cli {

// Commands that only read refuse to create a database: a typo in --db should say so, not
// silently show an empty estate. Commands that write (import, rules add, config set) create it.
enum class StoreMode { kMustExist, kCreate };

// Throws Error kNoInput when the database must exist and does not.
db::Store OpenStore(const CommandContext& context, StoreMode mode);

// The reader options every import uses with `store`: its Nessus zone setting
// (import.nessus-utc-offset). No progress callback.
importer::ReadOptions ReadOptionsFor(db::Store& store);

// Imports the export at `path` in one transaction (Store::ImportScan over importer::ReadExport,
// keyed by the SHA-256 of its bytes). Throws ttmtrack::Error as those do; the database is then
// as before.
db::ImportResult ImportExportFile(db::Store& store, const std::string& path,
                                  const importer::ReadOptions& options);

}  // namespace ttmtrack::cli
