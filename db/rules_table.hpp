#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "core/rule.hpp"

namespace ttmtrack::db {

namespace sql {
class Connection;
}

// Reads the rules table (every rule, enabled or not, ordered by id): the one place that turns
// its rows into core::Rule. Throws ttmtrack::Error.
std::vector<core::Rule> LoadRules(sql::Connection& db);
std::optional<core::Rule> LoadRule(sql::Connection& db, std::int64_t id);

}  // namespace ttmtrack::db
