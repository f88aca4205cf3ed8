// The SQL layer (db/sql/) over its SQLite backend, on real files: what the Store relies on from
// any backend. The same cases will run over PostgreSQL once stage 2 adds it.

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>

#include <gtest/gtest.h>

#include "core/error.hpp"
#include "db/open_connection.hpp"
#include "db/sql/connection.hpp"
#include "db/sql/statement.hpp"
#include "db/sql/write_transaction.hpp"
#include "tests/support/temp_dir.hpp"

namespace ttmtrack::db {
namespace {

class SqlConnectionTest : public ::testing::Test {
 protected:
  SqlConnectionTest() : db_(OpenConnection(dir_.File("sql.db"))) {
    db_.Exec(
        "CREATE TABLE items(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, size INTEGER, "
        "note TEXT, data BLOB)");
  }

  std::int64_t Count() {
    auto count = db_.Prepare("SELECT count(*) FROM items");
    count.Step();
    return count.Int64(0);
  }

  test::TempDir dir_;
  sql::Connection db_;
};

TEST_F(SqlConnectionTest, BindsAndReadsEachTypeByNumberedParameter) {
  const std::string blob("a\0b\xff", 4);
  auto insert = db_.Prepare("INSERT INTO items(name, size, note, data) VALUES (?2, ?1, ?3, ?4)");
  insert.Bind(1, std::int64_t{1} << 40).Bind(2, "first").Bind(3, std::string("n"));
  insert.BindBlob(4, blob.data(), blob.size());
  insert.Run();

  auto select = db_.Prepare("SELECT name, size, note, data, size / ?1 FROM items");
  select.Bind(1, 1024);
  ASSERT_TRUE(select.Step());
  EXPECT_EQ(select.ColumnCount(), 5);
  EXPECT_EQ(select.Text(0), "first");
  EXPECT_EQ(select.Int64(1), std::int64_t{1} << 40);
  EXPECT_EQ(select.OptionalText(2), std::optional<std::string>("n"));
  EXPECT_EQ(select.Blob(3), blob);
  EXPECT_EQ(select.Int(4), 1 << 30);
  EXPECT_FALSE(select.Step());
}

TEST_F(SqlConnectionTest, NullsBindFromEmptyOptionalsAndReadAsEmpty) {
  auto insert = db_.Prepare("INSERT INTO items(name, size, note, data) VALUES (?1, ?2, ?3, ?4)");
  insert.Bind(1, "none")
      .Bind(2, std::optional<std::int64_t>())
      .Bind(3, std::optional<std::string>())
      .BindNull(4);
  insert.Run();

  auto select = db_.Prepare("SELECT size, note, data FROM items");
  ASSERT_TRUE(select.Step());
  for (int column = 0; column < 3; ++column) EXPECT_TRUE(select.IsNull(column)) << column;
  EXPECT_EQ(select.OptionalInt64(0), std::nullopt);
  EXPECT_EQ(select.OptionalText(1), std::nullopt);
  EXPECT_EQ(select.Text(1), "");
  EXPECT_EQ(select.Blob(2), "");
}

TEST_F(SqlConnectionTest, ResetClearsBindingsForReuse) {
  auto insert = db_.Prepare("INSERT INTO items(name, size) VALUES (?1, ?2)");
  insert.Bind(1, "a").Bind(2, 1);
  insert.Run();         // Run resets
  insert.Bind(1, "b");  // ?2 no longer bound: NULL
  insert.Run();

  auto select = db_.Prepare("SELECT size FROM items WHERE name = ?1");
  select.Bind(1, "a");
  ASSERT_TRUE(select.Step());
  EXPECT_EQ(select.Int64(0), 1);
  select.Reset();
  select.Bind(1, "b");
  ASSERT_TRUE(select.Step());
  EXPECT_TRUE(select.IsNull(0));
}

TEST_F(SqlConnectionTest, ReturningIdGivesTheInsertedRowsId) {
  auto insert = db_.Prepare("INSERT INTO items(name) VALUES (?1) RETURNING id");
  insert.Bind(1, "a");
  ASSERT_TRUE(insert.Step());
  const std::int64_t first = insert.Int64(0);
  insert.Reset();
  insert.Bind(1, "b");
  ASSERT_TRUE(insert.Step());
  const std::int64_t second = insert.Int64(0);
  insert.Reset();

  auto select = db_.Prepare("SELECT id FROM items WHERE name = ?1");
  select.Bind(1, "b");
  ASSERT_TRUE(select.Step());
  EXPECT_EQ(select.Int64(0), second);
  EXPECT_NE(first, second);
}

TEST_F(SqlConnectionTest, OnConflictDoNothingKeepsTheFirstRowAndChangesNothing) {
  auto insert = db_.Prepare(
      "INSERT INTO items(name, size) VALUES (?1, ?2) ON CONFLICT DO NOTHING RETURNING id");
  insert.Bind(1, "a").Bind(2, 1);
  EXPECT_TRUE(insert.Step());
  insert.Reset();
  EXPECT_EQ(db_.Changes(), 1);

  insert.Bind(1, "a").Bind(2, 2);
  EXPECT_FALSE(insert.Step());  // no row inserted, so no id returned
  insert.Reset();
  EXPECT_EQ(db_.Changes(), 0);

  auto select = db_.Prepare("SELECT size FROM items WHERE name = 'a'");
  ASSERT_TRUE(select.Step());
  EXPECT_EQ(select.Int64(0), 1);
  EXPECT_EQ(Count(), 1);
}

TEST_F(SqlConnectionTest, WriteTransactionCommitsWhenAsked) {
  {
    sql::WriteTransaction transaction(db_);
    db_.Exec("INSERT INTO items(name) VALUES ('kept')");
    transaction.Commit();
  }
  EXPECT_EQ(Count(), 1);
}

TEST_F(SqlConnectionTest, WriteTransactionRollsBackOnException) {
  EXPECT_THROW(
      {
        sql::WriteTransaction transaction(db_);
        db_.Exec("INSERT INTO items(name) VALUES ('lost')");
        throw std::runtime_error("import failed");
      },
      std::runtime_error);
  EXPECT_EQ(Count(), 0);
}

TEST_F(SqlConnectionTest, SchemaVersionStartsAtZeroAndPersists) {
  EXPECT_EQ(db_.SchemaVersion(), 0);
  {
    sql::WriteTransaction transaction(db_);
    db_.SetSchemaVersion(7);
    transaction.Commit();
  }
  EXPECT_EQ(db_.SchemaVersion(), 7);
  sql::Connection again = OpenConnection(dir_.File("sql.db"));
  EXPECT_EQ(again.SchemaVersion(), 7);
}

TEST_F(SqlConnectionTest, SchemaVersionRollsBackWithItsTransaction) {
  {
    sql::WriteTransaction transaction(db_);
    db_.SetSchemaVersion(3);
  }
  EXPECT_EQ(db_.SchemaVersion(), 0);
}

TEST_F(SqlConnectionTest, FailedStatementThrowsDatabaseErrorNamingTheFile) {
  try {
    db_.Prepare("SELECT x FROM missing_table");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), Error::Kind::kDatabase);
    EXPECT_NE(std::string(e.what()).find("missing_table"), std::string::npos) << e.what();
    EXPECT_EQ(e.context().file, db_.name());
  }
  EXPECT_EQ(db_.name(), dir_.File("sql.db"));
}

}  // namespace
}  // namespace ttmtrack::db
