#pragma once

#include <iosfwd>
#include <string>

namespace ttmtrack::cli {

class Config;

// What every command's run function gets besides its own options: where the database is and
// where to write. Run functions take this instead of touching globals or std::cout, so tests
// call them in-process with string streams (STYLE.md §8). Borrows the streams.
struct CommandContext {
  std::string db_path;  // --db, else $TTMTRACK_DB, else ./ttmtrack.db
  std::ostream& out;
  std::ostream& err;
  // Progress lines go to `err` only when it is a terminal (never into logs or pipes).
  bool show_progress = false;
  // The config file and environment (cli/config/config.hpp); nullptr means built-in defaults
  // (in-process tests). Borrowed.
  const Config* config = nullptr;
  // `err` is the systemd journal: per-file lines carry a <N> priority prefix (sd-daemon(3)).
  bool journal = false;
};

// The context's config, or the built-in defaults when it has none.
const Config& ConfigOf(const CommandContext& context);

}  // namespace ttmtrack::cli
