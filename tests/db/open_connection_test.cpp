#include "db/open_connection.hpp"

#include <filesystem>
#include <string>

#include <gtest/gtest.h>

#include "core/error.hpp"
#include "tests/support/temp_dir.hpp"

namespace ttmtrack::db {
namespace {

using Backend = DatabaseLocation::Backend;

TEST(OpenConnectionTest, PlainPathIsSqlite) {
  const DatabaseLocation location = ParseDatabaseLocation("data/ttmtrack.db");
  EXPECT_EQ(location.backend, Backend::kSqlite);
  EXPECT_EQ(location.target, "data/ttmtrack.db");
}

TEST(OpenConnectionTest, SqlitePrefixNamesTheFileAfterIt) {
  const DatabaseLocation location = ParseDatabaseLocation("sqlite:/var/lib/ttm.db");
  EXPECT_EQ(location.backend, Backend::kSqlite);
  EXPECT_EQ(location.target, "/var/lib/ttm.db");
}

TEST(OpenConnectionTest, SqlitePrefixWithoutPathIsUsageError) {
  try {
    ParseDatabaseLocation("sqlite:");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), Error::Kind::kUsage);
  }
}

TEST(OpenConnectionTest, BothPostgresqlUriPrefixesArePostgresql) {
  for (const std::string uri : {"postgresql://ttm@db.example/ttm", "postgres://localhost/ttm"}) {
    const DatabaseLocation location = ParseDatabaseLocation(uri);
    EXPECT_EQ(location.backend, Backend::kPostgresql) << uri;
    EXPECT_EQ(location.target, uri);
  }
}

TEST(OpenConnectionTest, OpensSqliteFileNamedWithPrefix) {
  test::TempDir dir;
  const std::string path = dir.File("prefixed.db");
  {
    sql::Connection db = OpenConnection("sqlite:" + path);
    db.Exec("CREATE TABLE t(x INTEGER)");
    EXPECT_EQ(db.name(), path);
  }
  EXPECT_TRUE(std::filesystem::exists(path));
}

TEST(OpenConnectionTest, PostgresqlIsRefusedClearlyUntilItIsBuilt) {
  try {
    OpenConnection("postgresql://ttm@127.0.0.1/ttm");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), Error::Kind::kUsage);
    EXPECT_NE(std::string(e.what()).find("PostgreSQL support is not built yet"), std::string::npos)
        << e.what();
  }
}

}  // namespace
}  // namespace ttmtrack::db
