#include "cli/spool/drop_folder_session.hpp"

#include "cli/config/config.hpp"
#include "cli/spool/drop_folder_settings.hpp"
#include "cli/store_access.hpp"

namespace ttmtrack::cli {

DropFolderSession::DropFolderSession(const DropFolderRequest& request,
                                     const CommandContext& context)
    : folder_(ResolveDropFolder(request.incoming, request.done, request.failed,
                                request.settle_seconds, ConfigOf(context))),
      lock_(RunLockPath(context.db_path, ConfigOf(context)),
            ResolveLockTimeout(request.lock_timeout_seconds, ConfigOf(context))),
      store_(OpenStore(context, StoreMode::kCreate)),
      read_options_(ReadOptionsFor(store_)) {}

std::vector<DropResult> DropFolderSession::Import(
    const std::function<void(const DropResult&)>& on_file) {
  return ImportDropFolder(store_, folder_, read_options_, on_file);
}

}  // namespace ttmtrack::cli
