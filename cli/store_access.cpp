#include "cli/store_access.hpp"

#include <filesystem>

#include "core/error.hpp"

namespace ttmtrack::cli {

db::Store OpenStore(const CommandContext& context, StoreMode mode) {
  if (mode == StoreMode::kMustExist && !std::filesystem::exists(context.db_path)) {
    throw Error(Error::Kind::kNoInput,
                "no ttmtrack database here; import a scan first (ttmtrack import FILE) or "
                "point --db / TTMTRACK_DB at the database",
                Error::Context{.file = context.db_path});
  }
  return db::Store(context.db_path);
}

db::ImportResult ImportExportFile(db::Store& store, const std::string& path,
                                  const importer::ReadOptions& options) {
  const std::string sha256 = importer::Sha256OfFile(path);
  return store.ImportScan(
      sha256, [&](core::ScanSink& sink) { importer::ReadExport(path, sha256, options, sink); });
}

}  // namespace ttmtrack::cli
