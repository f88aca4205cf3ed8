#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "db/store.hpp"
#include "importer/export_reader.hpp"

namespace ttmtrack::cli {

// Where a drop folder's exports come from and go (docs/cli.md, "import --from").
struct DropFolder {
  std::filesystem::path incoming;
  std::filesystem::path done;
  std::filesystem::path failed;
  // A file modified less than this long ago may still be being written: left for the next run.
  std::chrono::seconds settle{60};
};

// What happened to one file of the drop folder.
enum class DropStatus {
  kImported,         // stored as a new scan, then moved to done/
  kAlreadyImported,  // the same bytes were stored before: moved to done/, nothing else
  kRefused,          // the export is unusable (its FILE:LINE:COL error): moved to failed/ with
                     // FILE.error beside it
  kWaiting,          // modified within the settle time: left in place for the next run
  kKept,             // not the file's fault (database busy or broken, disk full): left in place
};

// "imported", "already-imported", "failed", "waiting", "kept": the JSON spelling.
const char* ToString(DropStatus status);

struct DropResult {
  std::string name;  // the file's name in the drop folder
  DropStatus status = DropStatus::kImported;
  db::ImportResult import;  // kImported and kAlreadyImported
  // kRefused and kKept: the error (for kRefused the FILE:LINE:COL message that FILE.error
  // holds); for a file whose move failed, why.
  std::string error;
  // 0, or the sysexits code this file contributes: its error's, or 74 when a move failed.
  int exit_code = 0;
  std::filesystem::path moved_to;  // empty when the file stayed in the drop folder
  std::int64_t age_seconds = 0;    // kWaiting: seconds since its last modification
};

// Imports every settled export in `folder.incoming`, in the order of the scans' start times
// (importer::ReadScanStartHint; files without one last, then by name), each in its own
// transaction like `ttmtrack import`, and moves it out: imported and already-imported files to
// done/, refused ones to failed/ with FILE.error. Nothing is ever deleted or overwritten: a name
// taken in done/ or failed/ gets a number (report.nessus -> report.2.nessus). Names starting
// with '.' and ending in .part or .tmp (uploads in progress), symbolic links and anything but
// regular files are not touched. done/ and failed/ are created when needed.
//
// A refusal is the file's fault (kBadInput, kNoInput); any other error (database busy or
// broken, disk full) stops the run: that file and every later one are kKept, to be tried again
// next time. `on_file` is called after each file, in order (waiting files last), so progress
// shows while a large folder imports; the same results are returned.
//
// REQUIRES: the caller holds the RunLock. Throws ttmtrack::Error (kNoInput) when the drop
// folder does not exist; every per-file problem is a result, not an exception.
std::vector<DropResult> ImportDropFolder(db::Store& store, const DropFolder& folder,
                                         const importer::ReadOptions& read_options,
                                         const std::function<void(const DropResult&)>& on_file);

}  // namespace ttmtrack::cli
