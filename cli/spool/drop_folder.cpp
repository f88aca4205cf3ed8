#include "cli/spool/drop_folder.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <optional>

#include <sys/stat.h>

#include "cli/spool/file_mover.hpp"
#include "cli/store_access.hpp"
#include "core/error.hpp"
#include "importer/scan_time_probe.hpp"
#include "reports/report_writer.hpp"

namespace ttmtrack::cli {
namespace {

struct Candidate {
  std::string name;
  std::filesystem::path path;
  off_t size = 0;
  timespec mtime{};
  std::optional<std::int64_t> start;  // importer::ReadScanStartHint
};

bool EndsWith(const std::string& text, std::string_view suffix) {
  return text.size() >= suffix.size() &&
         text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Names that uploads in progress use (scp/rsync temporaries, browsers' .part) are not exports.
bool LooksInProgress(const std::string& name) {
  return name.empty() || name.front() == '.' || EndsWith(name, ".part") || EndsWith(name, ".tmp");
}

std::optional<struct stat> LinkStatus(const std::filesystem::path& path) {
  struct stat st {};
  if (::lstat(path.c_str(), &st) != 0) return std::nullopt;
  return st;
}

bool Unchanged(const Candidate& file) {
  const std::optional<struct stat> now = LinkStatus(file.path);
  return now && S_ISREG(now->st_mode) && now->st_size == file.size &&
         now->st_mtim.tv_sec == file.mtime.tv_sec && now->st_mtim.tv_nsec == file.mtime.tv_nsec;
}

// The files to import now, and results for those still being written.
void ListFolder(const DropFolder& folder, std::vector<Candidate>& settled,
                std::vector<DropResult>& waiting) {
  std::error_code error;
  if (!std::filesystem::is_directory(folder.incoming, error)) {
    throw Error(Error::Kind::kNoInput, "the drop folder does not exist or is not a folder",
                {.file = folder.incoming.string()});
  }
  const std::int64_t now = std::time(nullptr);
  std::filesystem::directory_iterator entries(folder.incoming, error);
  if (error) {
    throw Error(Error::Kind::kNoInput, "cannot list the drop folder: " + error.message(),
                {.file = folder.incoming.string()});
  }
  for (const auto& entry : entries) {
    Candidate file;
    file.name = entry.path().filename().string();
    file.path = entry.path();
    const std::optional<struct stat> st = LinkStatus(file.path);
    if (LooksInProgress(file.name) || !st || !S_ISREG(st->st_mode)) continue;
    file.size = st->st_size;
    file.mtime = st->st_mtim;
    const std::int64_t age = now - static_cast<std::int64_t>(st->st_mtim.tv_sec);
    if (age < folder.settle.count()) {
      DropResult result;
      result.name = file.name;
      result.status = DropStatus::kWaiting;
      result.age_seconds = age;
      waiting.push_back(std::move(result));
    } else {
      settled.push_back(std::move(file));
    }
  }
  std::sort(waiting.begin(), waiting.end(),
            [](const DropResult& a, const DropResult& b) { return a.name < b.name; });
}

// Scan-time order: the order the scans ran in, so each file's summary line counts what that
// scan changed. The final states do not depend on it (docs/verification.md, I7).
void SortByScanStart(std::vector<Candidate>& files, const importer::ReadOptions& options) {
  for (Candidate& file : files) {
    try {
      file.start = importer::ReadScanStartHint(file.path.string(), options);
    } catch (const Error&) {
      // A file that cannot be read or parsed sorts last; its import reports the error.
    }
  }
  std::sort(files.begin(), files.end(), [](const Candidate& a, const Candidate& b) {
    if (a.start.has_value() != b.start.has_value()) return a.start.has_value();
    if (a.start != b.start) return *a.start < *b.start;
    return a.name < b.name;
  });
}

bool IsTheFilesFault(const Error& error) {
  return error.kind() == Error::Kind::kBadInput || error.kind() == Error::Kind::kNoInput;
}

void MoveTo(DropResult& result, const Candidate& file, const std::filesystem::path& folder,
            std::string_view sidecar) {
  try {
    result.moved_to = MoveIntoFolder(file.path, folder, sidecar);
  } catch (const Error& error) {
    // The import stands; the file stays and the next run moves it (as already imported).
    result.error = error.what();
    result.exit_code = error.ExitCode();
  }
}

void Refuse(DropResult& result, const Candidate& file, const DropFolder& folder,
            const Error& error) {
  result.status = DropStatus::kRefused;
  result.error = error.what();
  result.exit_code = error.ExitCode();
  std::error_code ignored;
  if (!std::filesystem::exists(file.path, ignored)) return;  // vanished: nothing to move
  MoveTo(result, file, folder.failed, ".error");
  if (result.moved_to.empty()) return;
  try {
    reports::WriteFileAtomically(result.moved_to.string() + ".error", result.error + "\n");
  } catch (const Error& write_error) {
    result.error += "; and " + std::string(write_error.what());
  }
}

}  // namespace

const char* ToString(DropStatus status) {
  switch (status) {
    case DropStatus::kImported: return "imported";
    case DropStatus::kAlreadyImported: return "already-imported";
    case DropStatus::kRefused: return "failed";
    case DropStatus::kWaiting: return "waiting";
    case DropStatus::kKept: return "kept";
  }
  return "unknown";
}

std::vector<DropResult> ImportDropFolder(db::Store& store, const DropFolder& folder,
                                         const importer::ReadOptions& read_options,
                                         const std::function<void(const DropResult&)>& on_file) {
  std::vector<Candidate> settled;
  std::vector<DropResult> waiting;
  ListFolder(folder, settled, waiting);
  SortByScanStart(settled, read_options);
  std::vector<DropResult> results;
  std::optional<std::string> stopped;  // the error that stopped the run
  for (const Candidate& file : settled) {
    DropResult result;
    result.name = file.name;
    if (stopped) {
      result.status = DropStatus::kKept;
      result.error = "not tried: " + *stopped;
    } else if (!Unchanged(file)) {
      result.status = DropStatus::kWaiting;  // written to while the folder was being read
    } else {
      try {
        result.import = ImportExportFile(store, file.path.string(), read_options);
        result.status = result.import.status == db::ImportStatus::kAlreadyImported
                            ? DropStatus::kAlreadyImported
                            : DropStatus::kImported;
        MoveTo(result, file, folder.done, {});
      } catch (const Error& error) {
        // The per-file catch of STYLE.md §3: this file's transaction has rolled back.
        if (IsTheFilesFault(error)) {
          Refuse(result, file, folder, error);
        } else {
          result.status = DropStatus::kKept;
          result.error = error.what();
          result.exit_code = error.ExitCode();
          stopped = error.what();
        }
      }
    }
    if (on_file) on_file(result);
    results.push_back(std::move(result));
  }
  for (DropResult& result : waiting) {
    if (on_file) on_file(result);
    results.push_back(std::move(result));
  }
  return results;
}

}  // namespace ttmtrack::cli
