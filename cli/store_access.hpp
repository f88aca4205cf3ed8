#pragma once

#include <string>

#include "cli/command_context.hpp"
#include "db/store.hpp"

namespace ttmtrack::cli {

// Commands that only read refuse to create a database: a typo in --db should say so, not
// silently show an empty estate. Commands that write (import, rules add, config set) create it.
enum class StoreMode { kMustExist, kCreate };

// Throws Error kNoInput when the database must exist and does not.
db::Store OpenStore(const CommandContext& context, StoreMode mode);

}  // namespace ttmtrack::cli
