#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/result_filter.hpp"

namespace ttmtrack::db {

namespace sql {
class Connection;
class Statement;
}  // namespace sql

// The one place that turns core::ResultFilter into scan_result_filters rows and back
// (docs/schema.md). Throws ttmtrack::Error for SQLite failures.

// Stores the filter of scan `scan_id` (one row per scan).
void InsertResultFilter(sql::Connection& db, std::int64_t scan_id, const core::ResultFilter& f);

// SQL select-list of the table aliased `alias`: kResultFilterColumnCount columns that
// ReadResultFilter reads back starting at `first`; use it with a LEFT JOIN.
std::string ResultFilterColumns(std::string_view alias);
inline constexpr int kResultFilterColumnCount = 10;
// nullopt when the row's scan has no stored filter (the LEFT JOIN found none).
std::optional<core::ResultFilter> ReadResultFilter(const sql::Statement& row, int first);

}  // namespace ttmtrack::db
