// The PostgreSQL schema (db/schema/postgresql/) on a real private server: it applies to an empty
// database, keeps SQLite's rules, and has exactly the tables, columns, keys, indexes and
// triggers of the SQLite schema a db::Store creates. When a migration lands on one side only,
// MatchesTheSqliteSchemaTableForTable fails and names what differs.
#include <string>

#include <gtest/gtest.h>
#include <pqxx/pqxx>

#include "db/schema/migrations.hpp"
#include "db/schema/postgresql/postgresql_scripts.hpp"
#include "db/sqlite/database.hpp"
#include "db/store.hpp"
#include "tests/db/schema_shape.hpp"
#include "tests/support/postgres_server.hpp"
#include "tests/support/prerequisite.hpp"
#include "tests/support/temp_dir.hpp"

namespace ttmtrack::db {
namespace {

// A new database on the program's private server with every PostgreSQL script applied, each
// in its own transaction; its URL.
std::string NewDatabaseWithSchema() {
  std::string url = test::SharedPostgresServer().CreateDatabase();
  pqxx::connection connection(url);
  for (const auto& script : schema::postgresql::Scripts()) {
    pqxx::work work(connection);
    work.exec(std::string(script.sql));
    work.commit();
  }
  return url;
}

std::string QueryText(const std::string& url, const std::string& sql) {
  pqxx::connection connection(url);
  pqxx::nontransaction work(connection);
  return work.exec1(sql)[0].as<std::string>();
}

// The statement's error message, empty when it succeeds.
std::string ErrorOf(const std::string& url, const std::string& sql) {
  pqxx::connection connection(url);
  pqxx::work work(connection);
  try {
    work.exec0(sql);
  } catch (const pqxx::sql_error& error) {
    return error.what();
  }
  return "";
}

class PostgresqlSchemaTest : public ::testing::Test {
 protected:
  void SetUp() override {
    TTMTRACK_REQUIRE(test::PostgresServer::FindBinaries(),
                     "no PostgreSQL server binaries (initdb, pg_ctl, postgres) under "
                     "/usr/lib/postgresql/<major>/bin or $TTMTRACK_PG_BIN; "
                     "scripts/setup-deps.sh --test installs Debian's postgresql");
  }
};

TEST_F(PostgresqlSchemaTest, AppliesToAnEmptyDatabaseAtTheSqliteSchemasVersion) {
  const std::string url = NewDatabaseWithSchema();
  EXPECT_EQ(QueryText(url, "SELECT version FROM schema_version"),
            std::to_string(schema::LatestVersion()));
  EXPECT_EQ(schema::postgresql::LatestVersion(), schema::LatestVersion());
  EXPECT_EQ(QueryText(url, "SELECT count(*) FROM scans"), "0");
}

TEST_F(PostgresqlSchemaTest, KeepsOneSchemaVersionRow) {
  const std::string url = NewDatabaseWithSchema();
  EXPECT_NE(ErrorOf(url, "INSERT INTO schema_version(version) VALUES (99)"), "");
  EXPECT_EQ(QueryText(url, "SELECT count(*) FROM schema_version"), "1");
}

TEST_F(PostgresqlSchemaTest, RefusesToChangeOrDeleteTriageDecisions) {
  const std::string url = NewDatabaseWithSchema();
  {
    pqxx::connection connection(url);
    pqxx::work work(connection);
    work.exec0(
        "INSERT INTO triage_decisions(target, kind, reason, decided_by, made_at) "
        "VALUES ('192.0.2.10:5010/tcp', 'accept', 'lab host', 'ana', 1700000000)");
    work.commit();
  }
  EXPECT_NE(ErrorOf(url, "UPDATE triage_decisions SET ticket = 'T-1'")
                .find("triage decisions are append-only"),
            std::string::npos);
  EXPECT_NE(ErrorOf(url, "DELETE FROM triage_decisions").find("triage decisions are append-only"),
            std::string::npos);
  EXPECT_EQ(QueryText(url, "SELECT ticket FROM triage_decisions"), "");
}

TEST_F(PostgresqlSchemaTest, MatchesTheSqliteSchemaTableForTable) {
  test::TempDir dir;
  { Store store(dir.File("parity.db")); }  // creates the SQLite schema at its latest version
  sqlite::Database sqlite_db(dir.File("parity.db"), sqlite::Database::Mode::kReadOnly);
  const test::SchemaShape sqlite_shape = test::SqliteSchemaShape(sqlite_db);
  const test::SchemaShape postgresql_shape = test::PostgresqlSchemaShape(NewDatabaseWithSchema());

  std::string sqlite_tables, postgresql_tables;
  for (const auto& [table, shape] : sqlite_shape) sqlite_tables += table + "\n";
  for (const auto& [table, shape] : postgresql_shape) postgresql_tables += table + "\n";
  ASSERT_EQ(sqlite_tables, postgresql_tables) << "the two schemas have different tables";
  for (const auto& [table, shape] : sqlite_shape) {
    EXPECT_EQ(shape, postgresql_shape.at(table)) << "table " << table << " differs";
  }
}

}  // namespace
}  // namespace ttmtrack::db
