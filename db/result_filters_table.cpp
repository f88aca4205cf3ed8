#include "db/result_filters_table.hpp"

#include "db/sql/connection.hpp"
#include "db/sql/statement.hpp"

namespace ttmtrack::db {
namespace {

template <typename T>
std::optional<std::int64_t> Wide(const std::optional<T>& value) {
  if (!value) return std::nullopt;
  return static_cast<std::int64_t>(*value);
}

}  // namespace

void InsertResultFilter(sql::Connection& db, std::int64_t scan_id, const core::ResultFilter& f) {
  auto insert = db.Prepare(
      "INSERT INTO scan_result_filters(scan_id, term, min_qod, levels, apply_overrides, "
      "first_result, page_rows, filtered_count, full_count, results_in_export) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
  insert.Bind(1, scan_id).Bind(2, f.term).Bind(3, Wide(f.min_qod));
  if (f.levels) {
    insert.Bind(4, *f.levels);
  } else {
    insert.BindNull(4);
  }
  insert.Bind(5, Wide(f.apply_overrides))
      .Bind(6, f.first)
      .Bind(7, f.rows)
      .Bind(8, f.filtered_count)
      .Bind(9, f.full_count)
      .Bind(10, f.results_in_export);
  insert.Run();
}

std::string ResultFilterColumns(std::string_view alias) {
  const std::string a(alias);
  return a + ".scan_id, " + a + ".term, " + a + ".min_qod, " + a + ".levels, " + a +
         ".apply_overrides, " + a + ".first_result, " + a + ".page_rows, " + a +
         ".filtered_count, " + a + ".full_count, " + a + ".results_in_export";
}

std::optional<core::ResultFilter> ReadResultFilter(const sql::Statement& row, int first) {
  if (row.IsNull(first)) return std::nullopt;
  core::ResultFilter f;
  f.term = row.Text(first + 1);
  if (const auto qod = row.OptionalInt64(first + 2)) f.min_qod = static_cast<int>(*qod);
  f.levels = row.OptionalText(first + 3);
  if (const auto flag = row.OptionalInt64(first + 4)) f.apply_overrides = *flag != 0;
  f.first = row.OptionalInt64(first + 5);
  f.rows = row.OptionalInt64(first + 6);
  f.filtered_count = row.OptionalInt64(first + 7);
  f.full_count = row.OptionalInt64(first + 8);
  f.results_in_export = row.Int64(first + 9);
  return f;
}

}  // namespace ttmtrack::db
