#include "tests/support/database_dump.hpp"

#include <algorithm>
#include <vector>

#include "db/sqlite/database.hpp"
#include "db/sqlite/statement.hpp"

namespace ttmtrack::test {

std::string DumpDatabase(const std::string& path, const std::vector<std::string>& masked) {
  db::sqlite::Database db(path, db::sqlite::Database::Mode::kReadWrite);
  std::vector<std::string> tables;
  auto list = db.Prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
      "ORDER BY name");
  while (list.Step()) tables.push_back(list.Text(0));
  std::string dump;
  for (const std::string& table : tables) {
    std::vector<bool> hidden;
    auto columns = db.Prepare("SELECT name FROM pragma_table_info(?1) ORDER BY cid");
    columns.Bind(1, table);
    while (columns.Step()) {
      hidden.push_back(std::find(masked.begin(), masked.end(), table + "." + columns.Text(0)) !=
                       masked.end());
    }
    auto rows = db.Prepare("SELECT * FROM \"" + table + "\"");
    std::vector<std::string> lines;
    while (rows.Step()) {
      std::string line = table + ":";
      for (int c = 0; c < rows.ColumnCount(); ++c) {
        if (static_cast<std::size_t>(c) < hidden.size() && hidden[static_cast<std::size_t>(c)]) {
          line += "|*";
        } else {
          line += rows.IsNull(c) ? std::string("|NULL") : "|" + rows.Text(c);
        }
      }
      lines.push_back(line);
    }
    std::sort(lines.begin(), lines.end());
    for (const std::string& line : lines) dump += line + "\n";
  }
  auto version = db.Prepare("PRAGMA user_version");
  version.Step();
  dump += "user_version=" + std::to_string(version.Int(0)) + "\n";
  return dump;
}

}  // namespace ttmtrack::test
