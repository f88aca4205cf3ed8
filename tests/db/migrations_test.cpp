#include "db/schema/migrations.hpp"

#include <fstream>

#include <gtest/gtest.h>

#include "core/error.hpp"
#include "db/sqlite/database.hpp"
#include "db/sqlite/statement.hpp"
#include "db/sqlite/transaction.hpp"
#include "db/store.hpp"
#include "tests/db/fake_scan.hpp"
#include "tests/support/database_dump.hpp"
#include "tests/support/temp_dir.hpp"

namespace ttmtrack::db {
namespace {

using test::TempDir;

std::int64_t Count(sqlite::Database& db, const std::string& sql) {
  auto s = db.Prepare(sql);
  s.Step();
  return s.Int64(0);
}

bool HasColumn(sqlite::Database& db, const std::string& table, const std::string& column) {
  auto s = db.Prepare("SELECT count(*) FROM pragma_table_info(?1) WHERE name = ?2");
  s.Bind(1, table).Bind(2, column);
  s.Step();
  return s.Int(0) == 1;
}

// A database as a version-1 ttmtrack left it: schema v1 only, with one scan, its host, a
// detection and the derived rows v1 wrote (outcomes without a basis).
void CreateVersion1Database(const std::string& path) {
  sqlite::Database db(path);
  sqlite::Transaction transaction(db);
  const auto result = schema::Migrate(db, 1000, 1);
  ASSERT_EQ(result.from, 0);
  ASSERT_EQ(result.to, 1);
  db.Exec(
      "INSERT INTO scans(id, file_name, sha256, format, scanner, scan_time, imported_at, "
      "  port_range) VALUES (1, 'old.nessus', 'aa', 'nessus-v2', 'Nessus', 500, 1000, 'all');"
      "INSERT INTO scan_hosts(id, scan_id, ip, fqdn, completion) "
      "  VALUES (1, 1, '192.0.2.10', 'old.example', 'completed');"
      "INSERT INTO detections(scan_id, scan_host_id, ip, port, protocol, plugin_id, plugin_name, "
      "  output, rule_id) VALUES (1, 1, '192.0.2.10', 5010, 'tcp', '9564501', 'TTM', 'evidence', "
      "  (SELECT id FROM rules WHERE kind = 'nessus-id'));"
      "INSERT INTO exposures(id, ip, port, protocol, state, first_seen, last_seen) "
      "  VALUES (1, '192.0.2.10', 5010, 'tcp', 'open', 500, 500);"
      "INSERT INTO outcomes(exposure_id, scan_id, kind) VALUES (1, 1, 'detected');");
  transaction.Commit();
}

class MigrationsTest : public ::testing::Test {
 protected:
  TempDir dir_;
};

TEST_F(MigrationsTest, FreshDatabaseGetsTheLatestSchemaAndDefaultRules) {
  const std::string path = dir_.File("fresh.db");
  {
    Store store(path);
    EXPECT_EQ(store.SchemaVersion(), Store::SupportedSchemaVersion());
    EXPECT_EQ(Store::SupportedSchemaVersion(), 2);
    EXPECT_EQ(store.ListRules().size(), 4u);
  }
  sqlite::Database db(path);
  EXPECT_EQ(Count(db, "SELECT count(*) FROM settings"), 0);
  EXPECT_TRUE(HasColumn(db, "rules", "enabled"));
  EXPECT_TRUE(HasColumn(db, "outcomes", "basis"));
  EXPECT_EQ(Count(db, "SELECT count(*) FROM sqlite_master WHERE name = 'scan_judgements'"), 1);
  EXPECT_EQ(Count(db, "SELECT count(*) FROM rules WHERE plugin_family = 'Service detection'"), 2);
}

TEST_F(MigrationsTest, ReopeningChangesNothing) {
  const std::string path = dir_.File("again.db");
  { Store store(path); }
  const std::string before = test::DumpDatabase(path);
  { Store store(path); }
  EXPECT_EQ(test::DumpDatabase(path), before);
}

TEST_F(MigrationsTest, VersionOneDatabaseIsUpgradedInPlace) {
  const std::string path = dir_.File("v1.db");
  CreateVersion1Database(path);
  {
    sqlite::Database db(path);
    EXPECT_EQ(schema::CurrentVersion(db), 1);
    EXPECT_FALSE(HasColumn(db, "rules", "enabled"));
  }
  Store store(path);
  EXPECT_EQ(store.SchemaVersion(), 2);
  const auto scans = store.ListScans();
  ASSERT_EQ(scans.size(), 1u);
  EXPECT_EQ(scans[0].info.file_name, "old.nessus");
  // The upgrade recomputed the derived data: v2's judgement and outcome basis are filled in.
  EXPECT_EQ(scans[0].plugin_enabled.value, core::Knowledge::kYes);
  const auto history = store.History("192.0.2.10");
  ASSERT_EQ(history.size(), 1u);
  EXPECT_EQ(history[0].exposure.state, core::ExposureState::kOpen);
  EXPECT_EQ(history[0].exposure.hostname, "old.example");
  ASSERT_EQ(history[0].timeline.size(), 1u);
  EXPECT_NE(history[0].timeline[0].basis.find("reported c564e5ab"), std::string::npos);
  for (const core::Rule& rule : store.ListRules()) {
    EXPECT_TRUE(rule.enabled);
    // The default ID rules learn their plugin family in the upgrade, as in a fresh database.
    const bool id_rule =
        rule.kind == core::RuleKind::kNessusId || rule.kind == core::RuleKind::kOid;
    EXPECT_EQ(rule.plugin_family, id_rule ? "Service detection" : "") << rule.value;
  }
}

TEST_F(MigrationsTest, NewerDatabaseIsRefusedNamingBothVersions) {
  const std::string path = dir_.File("future.db");
  { Store store(path); }
  {
    sqlite::Database db(path);
    db.Exec("PRAGMA user_version = 7");
  }
  try {
    Store store(path);
    FAIL() << "a newer schema was accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), Error::Kind::kDatabase);
    const std::string message = e.what();
    EXPECT_NE(message.find("version 7"), std::string::npos) << message;
    EXPECT_NE(message.find("version 2"), std::string::npos) << message;
    EXPECT_NE(message.find(path), std::string::npos) << message;
  }
  sqlite::Database db(path);
  EXPECT_EQ(schema::CurrentVersion(db), 7);  // refused, not touched
}

TEST_F(MigrationsTest, FileThatIsNotADatabaseIsRefused) {
  const std::string path = dir_.File("notes.txt");
  std::ofstream(path) << "this is not an SQLite database, just some text long enough\n";
  try {
    Store store(path);
    FAIL() << "a text file was accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), Error::Kind::kDatabase);
  }
}

TEST_F(MigrationsTest, FailedMigrationLeavesTheOldVersion) {
  const std::string path = dir_.File("half.db");
  CreateVersion1Database(path);
  {
    // An index v2 creates after its ALTER TABLEs makes the script fail midway.
    sqlite::Database db(path);
    db.Exec("CREATE INDEX outcomes_by_scan ON outcomes(kind)");
  }
  EXPECT_THROW(Store store(path), Error);
  sqlite::Database db(path);
  EXPECT_EQ(schema::CurrentVersion(db), 1);
  EXPECT_FALSE(HasColumn(db, "rules", "enabled"));
}

}  // namespace
}  // namespace ttmtrack::db
