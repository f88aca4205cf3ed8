#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include "cli/config/config.hpp"
#include "cli/spool/drop_folder.hpp"

namespace ttmtrack::cli {

// The drop folder of `import --from` and `run`, each setting from the command line when given,
// else the config (environment over file), else its built-in default: done and failed are
// subfolders of the drop folder, settle time 60 s (docs/install.md, "Precedence").
DropFolder ResolveDropFolder(const std::string& incoming, const std::optional<std::string>& done,
                             const std::optional<std::string>& failed,
                             std::optional<std::int64_t> settle_seconds, const Config& config);

// --lock-timeout, else lock.timeout-seconds.
std::chrono::seconds ResolveLockTimeout(std::optional<std::int64_t> seconds, const Config& config);

// lock.file, else DATABASE.lock beside the database `db_path`.
std::string RunLockPath(const std::string& db_path, const Config& config);

}  // namespace ttmtrack::cli
