#include "cli/format/row_writer.hpp"

#include <algorithm>
#include <ostream>
#include <utility>

#include "cli/format/terminal_text.hpp"
#include "core/json_fields.hpp"
#include "core/scan_ref.hpp"

namespace ttmtrack::cli {
namespace {

using Json = nlohmann::ordered_json;

// Invalid UTF-8 from an export must not abort a listing: it is shown as U+FFFD in JSON (the
// database keeps the bytes verbatim).
std::string DumpJson(const Json& value, int indent) {
  return value.dump(indent, ' ', false, Json::error_handler_t::replace);
}

const Json* Lookup(const Json& row, const std::string& key) {
  const Json* node = &row;
  std::size_t start = 0;
  while (true) {
    const std::size_t dot = key.find('.', start);
    const std::string part = key.substr(start, dot == std::string::npos ? dot : dot - start);
    if (!node->is_object()) return nullptr;
    const auto it = node->find(part);
    if (it == node->end()) return nullptr;
    node = &*it;
    if (dot == std::string::npos) return node;
    start = dot + 1;
  }
}

class JsonRowWriter final : public RowWriter {
 public:
  explicit JsonRowWriter(std::ostream& out) : out_(out) {}
  void Row(const Json& row) override {
    out_ << (first_ ? "[\n" : ",\n");
    first_ = false;
    // Indent every line of the element by two spaces so the array reads like jq's output.
    const std::string text = DumpJson(row, 2);
    out_ << "  ";
    for (const char c : text) {
      out_ << c;
      if (c == '\n') out_ << "  ";
    }
  }
  void Finish() override { out_ << (first_ ? "[]\n" : "\n]\n"); }

 private:
  std::ostream& out_;
  bool first_ = true;
};

class CsvRowWriter final : public RowWriter {
 public:
  CsvRowWriter(std::vector<Column> columns, std::ostream& out)
      : columns_(std::move(columns)), out_(out) {
    for (std::size_t i = 0; i < columns_.size(); ++i) {
      if (i > 0) out_ << ',';
      out_ << Quote(columns_[i].key, false);
    }
    out_ << "\r\n";
  }
  void Row(const Json& row) override {
    for (std::size_t i = 0; i < columns_.size(); ++i) {
      if (i > 0) out_ << ',';
      const Json* cell = Lookup(row, columns_[i].key);
      out_ << Quote(CellText(row, columns_[i].key), cell != nullptr && cell->is_string());
    }
    out_ << "\r\n";
  }
  void Finish() override { out_.flush(); }

 private:
  // RFC 4180 quoting. Strings from exports that a spreadsheet would run as a formula (=, +, -,
  // @, tab, CR first) get a leading apostrophe (OWASP "CSV injection").
  static std::string Quote(const std::string& text, bool guard_formula) {
    std::string value = text;
    if (guard_formula && !value.empty() &&
        std::string_view("=+-@\t\r").find(value.front()) != std::string_view::npos) {
      value.insert(value.begin(), '\'');
    }
    if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
    std::string quoted = "\"";
    for (const char c : value) {
      if (c == '"') quoted += '"';
      quoted += c;
    }
    quoted += '"';
    return quoted;
  }

  std::vector<Column> columns_;
  std::ostream& out_;
};

class TableRowWriter final : public RowWriter {
 public:
  TableRowWriter(std::vector<Column> columns, std::ostream& out)
      : columns_(std::move(columns)), out_(out) {}
  void Row(const Json& row) override {
    std::vector<std::string> cells;
    cells.reserve(columns_.size());
    for (const Column& column : columns_) {
      const Json* cell = Lookup(row, column.key);
      const bool missing = cell == nullptr || cell->is_null();
      if (missing) {
        cells.push_back(column.null_text);
        continue;
      }
      const std::string text = column.display ? column.display(row) : CellText(row, column.key);
      cells.push_back(column.cut == Column::Cut::kMiddle
                          ? CutMiddle(SafeTerminalText(text), column.max_width)
                          : SafeTerminalText(text, column.max_width));
    }
    rows_.push_back(std::move(cells));
  }
  void Finish() override {
    if (rows_.empty()) {
      out_ << "(none)\n";
      return;
    }
    std::vector<std::size_t> widths;
    for (const Column& column : columns_) widths.push_back(DisplayWidth(column.title));
    for (const auto& cells : rows_) {
      for (std::size_t i = 0; i < cells.size(); ++i) {
        widths[i] = std::max(widths[i], DisplayWidth(cells[i]));
      }
    }
    std::vector<std::string> titles;
    for (const Column& column : columns_) titles.push_back(column.title);
    WriteLine(titles, widths);
    for (const auto& cells : rows_) WriteLine(cells, widths);
  }

 private:
  void WriteLine(const std::vector<std::string>& cells, const std::vector<std::size_t>& widths) {
    std::string line;
    for (std::size_t i = 0; i < cells.size(); ++i) {
      if (i > 0) line += "  ";
      if (i + 1 == cells.size() && columns_[i].wrap && TableWidth() > 0) {
        const std::size_t start = DisplayWidth(line);
        const std::size_t width = TableWidth();
        const std::string wrapped =
            WrapText(cells[i], std::max<std::size_t>(width, start + 30) - start);
        for (const char c : wrapped) {
          line += c;
          if (c == '\n') line.append(start, ' ');
        }
        continue;
      }
      line += cells[i];
      if (i + 1 < cells.size()) line.append(widths[i] - DisplayWidth(cells[i]), ' ');
    }
    // Padding exists for the columns that follow; none is owed after the last non-empty one.
    line.erase(line.find_last_not_of(' ') + 1);
    out_ << line << '\n';
  }

  std::vector<Column> columns_;
  std::ostream& out_;
  // A table needs every row to size its columns; listings are per exposure or per scan, small.
  std::vector<std::vector<std::string>> rows_;
};

}  // namespace

std::string CellText(const Json& row, const std::string& key) {
  const Json* cell = Lookup(row, key);
  if (cell == nullptr || cell->is_null()) return {};
  if (cell->is_string()) return cell->get<std::string>();
  if (cell->is_boolean()) return cell->get<bool>() ? "yes" : "no";
  return DumpJson(*cell, -1);
}

std::function<std::string(const Json&)> ShowBaseName(std::string key) {
  return [key = std::move(key)](const Json& row) {
    return std::string(core::FileBaseName(CellText(row, key)));
  };
}

std::function<std::string(const Json&)> ShowFirstLine(std::string key) {
  return [key = std::move(key)](const Json& row) {
    const std::string text = CellText(row, key);
    constexpr std::string_view kBlank = " \t\r\n";
    const std::size_t start = text.find_first_not_of(kBlank);
    if (start == std::string::npos) return std::string();
    std::size_t end = std::min(text.find('\n', start), text.size());
    std::string line = text.substr(start, end - start);
    line.erase(line.find_last_not_of(kBlank) + 1);
    if (text.find_first_not_of(kBlank, end) != std::string::npos) line += " ...";
    return line;
  };
}

std::function<std::string(const Json&)> ShowScanLabel(std::string key) {
  return [key = std::move(key)](const Json& row) {
    const Json* scan = Lookup(row, key);
    return scan != nullptr && scan->is_object() ? core::ScanLabel(core::ScanRefFromJson(*scan))
                                                : std::string();
  };
}

std::unique_ptr<RowWriter> MakeRowWriter(OutputFormat format, std::vector<Column> columns,
                                         std::ostream& out) {
  switch (format) {
    case OutputFormat::kJson: return std::make_unique<JsonRowWriter>(out);
    case OutputFormat::kCsv: return std::make_unique<CsvRowWriter>(std::move(columns), out);
    case OutputFormat::kTable: break;
  }
  return std::make_unique<TableRowWriter>(std::move(columns), out);
}

}  // namespace ttmtrack::cli
