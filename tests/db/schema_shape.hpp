#pragma once

#include <map>
#include <string>

namespace ttmtrack::db::sqlite {
class Database;
}

namespace ttmtrack::test {

// What the two stores' schemas must agree on, table by table, as text that one EXPECT_EQ
// compares and GoogleTest prints as a diff: first each column in order ("column 3: sha256 text
// not-null default=''"), then, sorted, the primary key, every unique key (constraint or unique
// index, without its name, which each engine makes up), every other index by name with its
// columns, every foreign key with its ON DELETE action, every trigger by name.
//
// Type classes: integer (SQLite INTEGER, PostgreSQL bigint), text (TEXT, text), blob (BLOB,
// bytea); any other type shows as other(<type>) and so never matches. Defaults lose
// PostgreSQL's casts ('x'::text is 'x'). Primary key columns count as NOT NULL on both.
// CHECK constraints are not compared (SQLite keeps them only inside the CREATE text).
using SchemaShape = std::map<std::string, std::string>;  // table name -> description

// The shape of every table of an SQLite database (not sqlite_* tables).
SchemaShape SqliteSchemaShape(db::sqlite::Database& db);

// The shape of every table of the public schema of the PostgreSQL database at `url`, except
// schema_version (SQLite keeps the version in PRAGMA user_version). Throws pqxx errors.
SchemaShape PostgresqlSchemaShape(const std::string& url);

}  // namespace ttmtrack::test
