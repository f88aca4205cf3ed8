#include "tests/db/schema_shape.hpp"

#include <algorithm>
#include <cctype>
#include <optional>
#include <regex>
#include <utility>
#include <vector>

#include <pqxx/pqxx>

#include "db/sqlite/database.hpp"
#include "db/sqlite/statement.hpp"

namespace ttmtrack::test {
namespace {

// One table's facts as lines: columns in their order, the rest sorted when rendered.
struct TableLines {
  std::vector<std::string> columns;
  std::vector<std::string> keys;
};
using Tables = std::map<std::string, TableLines>;

std::string Upper(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return text;
}

std::string TypeClass(const std::string& type) {
  const std::string upper = Upper(type);
  if (upper == "INTEGER" || upper == "BIGINT") return "integer";
  if (upper == "TEXT") return "text";
  if (upper == "BLOB" || upper == "BYTEA") return "blob";
  return "other(" + type + ")";
}

std::string ColumnLine(std::size_t position, const std::string& name, const std::string& type,
                       bool not_null, const std::optional<std::string>& default_value) {
  std::string line = "column " + std::to_string(position) + ": " + name + " " + TypeClass(type);
  if (not_null) line += " not-null";
  if (default_value) {
    // PostgreSQL shows a default with its cast ('unknown'::text); SQLite as written.
    static const std::regex kCast("::[a-z ]+$");
    line += " default=" + std::regex_replace(*default_value, kCast, "");
  }
  return line;
}

std::string OnDelete(const std::string& action) {
  // pg_constraint.confdeltype codes; SQLite already spells its actions out.
  if (action == "a") return "NO ACTION";
  if (action == "r") return "RESTRICT";
  if (action == "c") return "CASCADE";
  if (action == "n") return "SET NULL";
  if (action == "d") return "SET DEFAULT";
  return action;
}

std::string ForeignKeyLine(const std::string& from, const std::string& table, const std::string& to,
                           const std::string& on_delete) {
  return "foreign key (" + from + ") references " + table + " (" + to + ") on delete " +
         OnDelete(on_delete);
}

SchemaShape Render(const Tables& tables) {
  SchemaShape shape;
  for (const auto& [name, lines] : tables) {
    std::vector<std::string> keys = lines.keys;
    std::sort(keys.begin(), keys.end());
    std::string text;
    for (const auto& line : lines.columns) text += line + "\n";
    for (const auto& line : keys) text += line + "\n";
    shape[name] = text;
  }
  return shape;
}

std::string Joined(const std::vector<std::string>& names) {
  std::string text;
  for (const auto& name : names) text += (text.empty() ? "" : ", ") + name;
  return text;
}

// ---- SQLite: the pragma table functions ----

void ReadSqliteColumns(db::sqlite::Database& db, const std::string& table, TableLines& lines) {
  auto columns = db.Prepare(
      "SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info(?1) ORDER BY cid");
  columns.Bind(1, table);
  std::vector<std::pair<int, std::string>> primary_key;
  while (columns.Step()) {
    const int pk = columns.Int(4);
    if (pk > 0) primary_key.emplace_back(pk, columns.Text(0));
    lines.columns.push_back(ColumnLine(lines.columns.size() + 1, columns.Text(0), columns.Text(1),
                                       columns.Int(2) != 0 || pk > 0, columns.OptionalText(3)));
  }
  std::sort(primary_key.begin(), primary_key.end());
  std::vector<std::string> names;
  names.reserve(primary_key.size());
  for (const auto& [order, name] : primary_key) names.push_back(name);
  if (!names.empty()) lines.keys.push_back("primary key (" + Joined(names) + ")");
}

void ReadSqliteIndexes(db::sqlite::Database& db, const std::string& table, TableLines& lines) {
  auto indexes = db.Prepare("SELECT name, \"unique\", origin FROM pragma_index_list(?1)");
  indexes.Bind(1, table);
  while (indexes.Step()) {
    if (indexes.Text(2) == "pk") continue;  // read from table_info, as the key it is
    auto columns = db.Prepare("SELECT name FROM pragma_index_info(?1) ORDER BY seqno");
    columns.Bind(1, indexes.Text(0));
    std::vector<std::string> names;
    while (columns.Step()) names.push_back(columns.Text(0));
    lines.keys.push_back(indexes.Int(1) != 0
                             ? "unique (" + Joined(names) + ")"
                             : "index " + indexes.Text(0) + " (" + Joined(names) + ")");
  }
}

void ReadSqliteForeignKeys(db::sqlite::Database& db, const std::string& table, TableLines& lines) {
  auto keys = db.Prepare(
      "SELECT id, \"table\", \"from\", \"to\", on_delete FROM pragma_foreign_key_list(?1) "
      "ORDER BY id, seq");
  keys.Bind(1, table);
  int current = -1;
  std::vector<std::string> from, to;
  std::string target, on_delete;
  const auto flush = [&] {
    if (current >= 0)
      lines.keys.push_back(ForeignKeyLine(Joined(from), target, Joined(to), on_delete));
    from.clear();
    to.clear();
  };
  while (keys.Step()) {
    if (keys.Int(0) != current) {
      flush();
      current = keys.Int(0);
      target = keys.Text(1);
      on_delete = keys.Text(4);
    }
    from.push_back(keys.Text(2));
    to.push_back(keys.Text(3));
  }
  flush();
}

}  // namespace

SchemaShape SqliteSchemaShape(db::sqlite::Database& db) {
  Tables tables;
  auto names = db.Prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
  while (names.Step()) {
    const std::string table = names.Text(0);
    TableLines& lines = tables[table];
    ReadSqliteColumns(db, table, lines);
    ReadSqliteIndexes(db, table, lines);
    ReadSqliteForeignKeys(db, table, lines);
  }
  auto triggers = db.Prepare("SELECT tbl_name, name FROM sqlite_master WHERE type = 'trigger'");
  while (triggers.Step()) tables[triggers.Text(0)].keys.push_back("trigger " + triggers.Text(1));
  return Render(tables);
}

// ---- PostgreSQL: the system catalogs ----

namespace {

// The comma-joined names of the columns `attnums` (an int2[] expression) of the table `relid`.
std::string ColumnNamesSql(const std::string& attnums, const std::string& relid) {
  return "(SELECT string_agg(a.attname, ', ' ORDER BY k.ord) FROM unnest(" + attnums +
         ") WITH ORDINALITY AS k(attnum, ord) JOIN pg_attribute a ON a.attrelid = " + relid +
         " AND a.attnum = k.attnum)";
}

constexpr const char* kPublicTable =
    " JOIN pg_namespace n ON n.oid = t.relnamespace"
    " WHERE n.nspname = 'public' AND t.relname <> 'schema_version'";

void ReadPostgresqlColumns(pqxx::nontransaction& work, Tables& tables) {
  const pqxx::result rows =
      work.exec(std::string("SELECT t.relname, a.attname, format_type(a.atttypid, a.atttypmod), "
                            "a.attnotnull, pg_get_expr(d.adbin, d.adrelid) FROM pg_class t "
                            "JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum > 0 "
                            "AND NOT a.attisdropped "
                            "LEFT JOIN pg_attrdef d ON d.adrelid = t.oid AND d.adnum = a.attnum") +
                kPublicTable + " AND t.relkind = 'r' ORDER BY t.relname, a.attnum");
  for (const auto& row : rows) {
    TableLines& lines = tables[row[0].as<std::string>()];
    std::optional<std::string> default_value;
    if (!row[4].is_null()) default_value = row[4].as<std::string>();
    lines.columns.push_back(ColumnLine(lines.columns.size() + 1, row[1].as<std::string>(),
                                       row[2].as<std::string>(), row[3].as<bool>(), default_value));
  }
}

void ReadPostgresqlIndexes(pqxx::nontransaction& work, Tables& tables) {
  const pqxx::result rows =
      work.exec("SELECT t.relname, i.relname, x.indisprimary, x.indisunique, " +
                ColumnNamesSql("x.indkey::int2[]", "t.oid") +
                " FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid "
                "JOIN pg_class t ON t.oid = x.indrelid" +
                kPublicTable);
  for (const auto& row : rows) {
    const std::string columns = "(" + row[4].as<std::string>("") + ")";
    std::string line = "index " + row[1].as<std::string>() + " " + columns;
    if (row[3].as<bool>()) line = "unique " + columns;
    if (row[2].as<bool>()) line = "primary key " + columns;
    tables[row[0].as<std::string>()].keys.push_back(line);
  }
}

void ReadPostgresqlForeignKeys(pqxx::nontransaction& work, Tables& tables) {
  const pqxx::result rows = work.exec("SELECT t.relname, f.relname, c.confdeltype, " +
                                      ColumnNamesSql("c.conkey", "c.conrelid") + ", " +
                                      ColumnNamesSql("c.confkey", "c.confrelid") +
                                      " FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid "
                                      "JOIN pg_class f ON f.oid = c.confrelid" +
                                      kPublicTable + " AND c.contype = 'f'");
  for (const auto& row : rows) {
    tables[row[0].as<std::string>()].keys.push_back(
        ForeignKeyLine(row[3].as<std::string>(), row[1].as<std::string>(), row[4].as<std::string>(),
                       row[2].as<std::string>()));
  }
}

void ReadPostgresqlTriggers(pqxx::nontransaction& work, Tables& tables) {
  const pqxx::result rows = work.exec(std::string("SELECT t.relname, g.tgname FROM pg_trigger g "
                                                  "JOIN pg_class t ON t.oid = g.tgrelid") +
                                      kPublicTable + " AND NOT g.tgisinternal");
  for (const auto& row : rows) {
    tables[row[0].as<std::string>()].keys.push_back("trigger " + row[1].as<std::string>());
  }
}

}  // namespace

SchemaShape PostgresqlSchemaShape(const std::string& url) {
  pqxx::connection connection(url);
  pqxx::nontransaction work(connection);
  Tables tables;
  ReadPostgresqlColumns(work, tables);
  ReadPostgresqlIndexes(work, tables);
  ReadPostgresqlForeignKeys(work, tables);
  ReadPostgresqlTriggers(work, tables);
  return Render(tables);
}

}  // namespace ttmtrack::test
