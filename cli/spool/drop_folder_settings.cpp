#include "cli/spool/drop_folder_settings.hpp"

namespace ttmtrack::cli {

DropFolder ResolveDropFolder(const std::string& incoming, const std::optional<std::string>& done,
                             const std::optional<std::string>& failed,
                             std::optional<std::int64_t> settle_seconds, const Config& config) {
  DropFolder folder;
  folder.incoming = incoming;
  auto pick = [&](const std::optional<std::string>& flag, const char* key, const char* sub) {
    if (flag) return std::filesystem::path(*flag);
    if (config.IsSet(key)) return std::filesystem::path(config.Text(key));
    return folder.incoming / sub;
  };
  folder.done = pick(done, "spool.done", "done");
  folder.failed = pick(failed, "spool.failed", "failed");
  folder.settle =
      std::chrono::seconds(settle_seconds.value_or(config.Number("spool.settle-seconds")));
  return folder;
}

std::chrono::seconds ResolveLockTimeout(std::optional<std::int64_t> seconds, const Config& config) {
  return std::chrono::seconds(seconds.value_or(config.Number("lock.timeout-seconds")));
}

std::string RunLockPath(const std::string& db_path, const Config& config) {
  if (config.IsSet("lock.file")) return config.Text("lock.file");
  return db_path + ".lock";
}

}  // namespace ttmtrack::cli
