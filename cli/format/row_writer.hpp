#pragma once

#include <cstddef>
#include <functional>
#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli/format/output_format.hpp"

namespace ttmtrack::cli {

// One column of a listing: `key` is a field of the row object, or a dotted path into a nested
// object ("verified_by.file"); `title` is the table/CSV header. `max_width` truncates table
// cells only (JSON and CSV always carry the whole value).
struct Column {
  std::string key;
  std::string title;
  std::size_t max_width = 0;  // 0: no limit
  // Table only: the cell's text, from the whole row (e.g. a path's last component, a scan's
  // label). Empty: CellText(row, key). Not called when `key` is null or missing (null_text).
  std::function<std::string(const nlohmann::ordered_json& row)> display;
  // Where a cell longer than max_width loses text: at the end ("Trading Tech..."), or in the
  // middle, for text whose tail tells rows apart ("Trading ... (unconfirmed)").
  enum class Cut { kEnd, kMiddle };
  Cut cut = Cut::kEnd;
  // Table only: what a null or missing value shows (e.g. "yes (assumed)" where a setting fills
  // in what the export did not state).
  std::string null_text = "-";
  // Table only, last column only: the text is never cut; on a terminal it wraps within the
  // terminal's width (TableWidth; at least 30 columns of text), continuation lines starting
  // under the column.
  bool wrap = false;
};

// For Column::display: the last component of the path at `key` ("scans/feb.nessus" ->
// "feb.nessus", core::FileBaseName).
std::function<std::string(const nlohmann::ordered_json&)> ShowBaseName(std::string key);
// For Column::display: the first line of text at `key` that is not blank, without its leading
// and trailing white space (plugin output often starts with a line break); " ..." is added
// when more lines follow.
std::function<std::string(const nlohmann::ordered_json&)> ShowFirstLine(std::string key);
// For Column::display: core::ScanLabel of the scan reference object at `key` (core::ScanRefJson),
// as the reports name a scan.
std::function<std::string(const nlohmann::ordered_json&)> ShowScanLabel(std::string key);

// The one output path of every listing command (STYLE.md §8, duckdb's renderers): commands
// build each row as a JSON object whose field names are the documented JSON contract, and the
// writer renders it as a table, JSON array or CSV. Borrows `out`, which must outlive it.
// Not thread-safe.
class RowWriter {
 public:
  virtual ~RowWriter() = default;
  // REQUIRES: row is an object.
  virtual void Row(const nlohmann::ordered_json& row) = 0;
  // Writes what is still buffered (the table) and closes the JSON array. Call once.
  virtual void Finish() = 0;
};

std::unique_ptr<RowWriter> MakeRowWriter(OutputFormat format, std::vector<Column> columns,
                                         std::ostream& out);

// The text of one cell for table and CSV output: "" for null and missing, numbers and strings
// as they are, nested objects as compact JSON.
std::string CellText(const nlohmann::ordered_json& row, const std::string& key);

}  // namespace ttmtrack::cli
