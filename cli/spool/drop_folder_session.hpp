#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "cli/command_context.hpp"
#include "cli/spool/drop_folder.hpp"
#include "cli/spool/run_lock.hpp"
#include "db/store.hpp"
#include "importer/export_reader.hpp"

namespace ttmtrack::cli {

// A drop-folder import's settings as the command line gives them; each one unset comes from
// the config, else its default (ResolveDropFolder, ResolveLockTimeout).
struct DropFolderRequest {
  std::string incoming;
  std::optional<std::string> done;
  std::optional<std::string> failed;
  std::optional<std::int64_t> settle_seconds;
  std::optional<std::int64_t> lock_timeout_seconds;
};

// One import of a drop folder, the one way `import --from` and `run` set it up: the folder
// resolved, then the run lock taken, then the store opened (created when missing) with the
// reader options of every import into it. In that order, so that a wrong setting fails before
// waiting on the lock and nothing opens the database without holding it; the database is
// closed before the lock is released. Not copyable (it holds the lock).
class DropFolderSession {
 public:
  // Throws ttmtrack::Error as ResolveDropFolder, RunLock (kBusy, exit 75, when another run or
  // import --from holds the lock after the timeout) and OpenStore do.
  DropFolderSession(const DropFolderRequest& request, const CommandContext& context);

  const DropFolder& folder() const { return folder_; }
  db::Store& store() { return store_; }

  // ImportDropFolder over this session's folder and store.
  std::vector<DropResult> Import(const std::function<void(const DropResult&)>& on_file);

 private:
  DropFolder folder_;
  RunLock lock_;
  db::Store store_;
  importer::ReadOptions read_options_;
};

}  // namespace ttmtrack::cli
