#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>

#include "cli/command_context.hpp"

namespace ttmtrack::cli {

// Shows "importing FILE: 42% (1.2 GB of 2.9 GB)" on one self-overwriting stderr line while a
// large export imports, when stderr is a terminal; silent otherwise (logs and pipes stay clean).
// At most a few updates a second. Borrows the context. Not thread-safe.
class ImportProgress {
 public:
  ImportProgress(std::string file, const CommandContext& context);
  ImportProgress(const ImportProgress&) = delete;
  ImportProgress& operator=(const ImportProgress&) = delete;
  ~ImportProgress();

  // For importer::ReadOptions::progress; valid while this object lives. Empty when silent.
  std::function<void(std::uint64_t, std::uint64_t)> Callback();
  // Clears the progress line (before the summary or error is printed). Idempotent.
  void Done();

 private:
  void Update(std::uint64_t bytes_read, std::uint64_t file_size);

  std::string file_;
  const CommandContext& context_;
  std::chrono::steady_clock::time_point last_update_{};
  bool shown_ = false;
};

}  // namespace ttmtrack::cli
