#include "cli/store_access.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>

#include "cli/test_hooks.hpp"
#include "core/error.hpp"
#include "db/open_connection.hpp"

namespace ttmtrack::cli {

db::Store OpenStore(const CommandContext& context, StoreMode mode) {
  const db::DatabaseLocation location = db::ParseDatabaseLocation(context.db_path);
  if (mode == StoreMode::kMustExist && location.backend == db::DatabaseLocation::Backend::kSqlite &&
      !std::filesystem::exists(location.target)) {
    throw Error(Error::Kind::kNoInput,
                "no ttmtrack database here; import a scan first (ttmtrack import FILE) or "
                "point --db / TTMTRACK_DB at the database",
                Error::Context{.file = location.target});
  }
  return {context.db_path, StoreOptionsFromEnvironment()};
}

importer::ReadOptions ReadOptionsFor(db::Store& store) {
  importer::ReadOptions options;
  options.nessus_local_utc_offset_seconds = store.NessusUtcOffsetSeconds();
  return options;
}

db::ImportResult ImportExportFile(db::Store& store, const std::string& path,
                                  const importer::ReadOptions& options) {
  // Reads the file once. When a stored scan came from a file of the same size that ended in the
  // same 64 KiB, the file is hashed first (a second read, for likely re-imports only), so that
  // importing the same file again costs a hash rather than a parse; any other duplicate — the
  // same XML plain and gzip — is found at the end of the one read (db::Store::ImportScan).
  const std::uint64_t size = importer::FileSize(path);
  if (store.MayHoldFile(size, importer::Sha256OfFileTail(path))) {
    if (std::optional<db::ScanRow> stored =
            store.FindScanByFile(size, importer::Sha256OfFile(path))) {
      db::ImportResult result;
      result.status = db::ImportStatus::kAlreadyImported;
      result.scan_id = stored->id;
      result.stored_file_name = stored->info.file_name;
      result.hosts = stored->hosts;
      result.results = stored->results;
      result.detections = stored->detections;
      return result;
    }
  }
  return store.ImportScan([&](core::ScanSink& sink) { importer::ReadExport(path, options, sink); });
}

}  // namespace ttmtrack::cli
