#include "db/schema/migrations.hpp"

#include <fstream>
#include <set>

#include <gtest/gtest.h>

#include "core/enum_text.hpp"
#include "core/error.hpp"
#include "db/open_connection.hpp"
#include "db/sql/write_transaction.hpp"
#include "db/store.hpp"
#include "tests/db/fake_scan.hpp"
#include "tests/support/database_dump.hpp"
#include "tests/support/temp_dir.hpp"

namespace ttmtrack::db {
namespace {

using test::TempDir;

std::int64_t Count(sql::Connection& db, const std::string& sql) {
  auto s = db.Prepare(sql);
  s.Step();
  return s.Int64(0);
}

bool HasColumn(sql::Connection& db, const std::string& table, const std::string& column) {
  auto s = db.Prepare("SELECT count(*) FROM pragma_table_info(?1) WHERE name = ?2");
  s.Bind(1, table).Bind(2, column);
  s.Step();
  return s.Int(0) == 1;
}

// A database as a version-1 ttmtrack left it: schema v1 only, with one scan, its host, a
// detection and the derived rows v1 wrote (outcomes without a basis).
void CreateVersion1Database(const std::string& path) {
  sql::Connection db = OpenConnection(path);
  sql::WriteTransaction transaction(db);
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

// A database as a version-2 ttmtrack left it after importing a dual-stack scanner's exports:
// hosts keyed by the IPv4-mapped text glibc wrote ("::ffff:192.0.2.38"). Scan 2 has the same
// host under both keys (one export, two spellings), and an IPv4-translated address
// (::ffff:0:a.b.c.d), which is IPv6 and must stay.
void CreateVersion2DatabaseWithMappedHosts(const std::string& path) {
  sql::Connection db = OpenConnection(path);
  sql::WriteTransaction transaction(db);
  ASSERT_EQ(schema::Migrate(db, 1000, 2).to, 2);
  db.Exec(
      "INSERT INTO scans(id, file_name, sha256, format, scanner, scan_time, imported_at, "
      "  port_range, hosts_read) VALUES "
      "  (1, 'a.nessus', 'aa', 'nessus-v2', 'Nessus', 500, 1000, 'all', 1), "
      "  (2, 'b.nessus', 'bb', 'nessus-v2', 'Nessus', 600, 1000, 'all', 3);"
      "INSERT INTO scan_hosts(id, scan_id, ip, name, fqdn, started_at, ended_at, completion) "
      "  VALUES (1, 1, '::ffff:192.0.2.38', '::FFFF:192.0.2.38', '', 400, 450, 'completed'), "
      "  (2, 2, '::ffff:192.0.2.39', '::ffff:192.0.2.39', '', 550, 700, 'incomplete'), "
      "  (3, 2, '192.0.2.39', '192.0.2.39', 'b.example', 560, 650, 'unknown'), "
      "  (4, 2, '::ffff:0:c000:201', '::ffff:0:c000:201', '', NULL, NULL, 'completed');"
      "INSERT INTO scan_host_ports(scan_host_id, port, protocol) VALUES "
      "  (1, 5010, 'tcp'), (2, 22, 'tcp'), (2, 5010, 'tcp'), (3, 5010, 'tcp');"
      "INSERT INTO detections(id, scan_id, scan_host_id, ip, port, protocol, plugin_id, "
      "  plugin_name, output, rule_id) VALUES "
      "  (1, 1, 1, '::ffff:192.0.2.38', 5010, 'tcp', '9564501', 'TTM', 'a', "
      "    (SELECT id FROM rules WHERE kind = 'nessus-id')), "
      "  (2, 2, 2, '::ffff:192.0.2.39', 5010, 'tcp', '9564501', 'TTM', 'b', "
      "    (SELECT id FROM rules WHERE kind = 'nessus-id'));"
      "INSERT INTO exposures(id, ip, port, protocol, state, first_seen, last_seen) VALUES "
      "  (1, '::ffff:192.0.2.38', 5010, 'tcp', 'open', 500, 500), "
      "  (2, '::ffff:192.0.2.39', 5010, 'tcp', 'open', 600, 600);");
  transaction.Commit();
}

// The spellings a column's `CHECK (column IN ('a', 'b'))` allows, read from the table's SQL as
// SQLite keeps it (ALTER TABLE ADD COLUMN appends to it). Empty when the table has no such CHECK.
std::set<std::string> CheckedSpellings(sql::Connection& db, const std::string& table,
                                       const std::string& column) {
  auto s = db.Prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?1");
  s.Bind(1, table);
  if (!s.Step()) return {};
  const std::string sql = s.Text(0);
  const std::string head = "CHECK (" + column + " IN (";
  const std::size_t start = sql.find(head);
  if (start == std::string::npos) return {};
  const std::string list =
      sql.substr(start + head.size(), sql.find(')', start) - start - head.size());
  std::set<std::string> spellings;
  for (std::size_t quote = list.find('\''); quote != std::string::npos;) {
    const std::size_t end = list.find('\'', quote + 1);
    spellings.insert(list.substr(quote + 1, end - quote - 1));
    quote = list.find('\'', end + 1);
  }
  return spellings;
}

template <typename Enum>
std::set<std::string> CoreSpellings() {
  const std::vector<std::string> texts = core::AllTexts<Enum>();
  return {texts.begin(), texts.end()};
}

// A database as a version-4 ttmtrack left it after importing a scan of the unconfirmed-listener
// plugin: the name rule matched it and taught a learned rule for 9564502, which matches it since.
void CreateVersion4DatabaseWithLearnedSibling(const std::string& path) {
  sql::Connection db = OpenConnection(path);
  sql::WriteTransaction transaction(db);
  ASSERT_EQ(schema::Migrate(db, 1000, 4).to, 4);
  db.Exec(
      "INSERT INTO scans(id, file_name, sha256, file_sha256, file_size, format, scanner, "
      "  scan_time, imported_at, port_range) "
      "  VALUES (1, 'a.nessus', 'aa', 'aa', 100, 'nessus-v2', 'Nessus', 500, 1000, 'all');"
      "INSERT INTO scan_hosts(id, scan_id, ip, completion) VALUES "
      "  (1, 1, '192.0.2.10', 'completed'), (2, 1, '192.0.2.11', 'completed');"
      "INSERT INTO rules(id, kind, value, origin, created_at, note, learned_from_scan_id) "
      "  VALUES (50, 'nessus-id', '9564502', 'learned', 1000, 'learned', 1);"
      "INSERT INTO detections(id, scan_id, scan_host_id, ip, port, protocol, plugin_id, "
      "  plugin_name, output, rule_id) VALUES "
      "  (1, 1, 1, '192.0.2.10', 5010, 'tcp', '9564501', 'TTM', 'a', "
      "    (SELECT id FROM rules WHERE value = '9564501')), "
      "  (2, 1, 2, '192.0.2.11', 10200, 'tcp', '9564502', 'Possible listener', 'silent', 50);");
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
    EXPECT_EQ(Store::SupportedSchemaVersion(), 8);
    EXPECT_EQ(store.ListRules().size(), 6u);
  }
  sql::Connection db = OpenConnection(path);
  EXPECT_EQ(Count(db, "SELECT count(*) FROM settings"), 0);
  EXPECT_TRUE(HasColumn(db, "rules", "enabled"));
  EXPECT_TRUE(HasColumn(db, "outcomes", "basis"));
  EXPECT_EQ(Count(db, "SELECT count(*) FROM sqlite_master WHERE name = 'scan_judgements'"), 1);
  EXPECT_EQ(Count(db, "SELECT count(*) FROM rules WHERE plugin_family = 'Service detection'"), 4);
  EXPECT_EQ(Count(db,
                  "SELECT count(*) FROM rules WHERE tier = 'unconfirmed' AND value IN "
                  "('9564502', '1.3.6.1.4.1.32473.564.2')"),
            2);
}

// The store writes core/enum_text.hpp's spellings and reads them back with ParseStored; the
// schema's CHECK constraints must allow exactly those, or a write fails or a read throws.
TEST_F(MigrationsTest, CheckConstraintsAllowExactlyTheCoreSpellings) {
  const std::string path = dir_.File("spellings.db");
  { Store store(path); }
  sql::Connection db = OpenConnection(path);
  EXPECT_EQ(CheckedSpellings(db, "scans", "format"), CoreSpellings<core::ScanFormat>());
  EXPECT_EQ(CheckedSpellings(db, "scan_hosts", "completion"),
            CoreSpellings<core::HostCompletion>());
  EXPECT_EQ(CheckedSpellings(db, "rules", "kind"), CoreSpellings<core::RuleKind>());
  EXPECT_EQ(CheckedSpellings(db, "rules", "origin"), CoreSpellings<core::RuleOrigin>());
  EXPECT_EQ(CheckedSpellings(db, "rules", "scope"), CoreSpellings<core::RuleScope>());
  EXPECT_EQ(CheckedSpellings(db, "rules", "tier"), CoreSpellings<core::DetectionTier>());
  EXPECT_EQ(CheckedSpellings(db, "detections", "tier"), CoreSpellings<core::DetectionTier>());
  EXPECT_EQ(CheckedSpellings(db, "exposures", "tier"), CoreSpellings<core::DetectionTier>());
  EXPECT_EQ(CheckedSpellings(db, "vantage_checks", "outcome"),
            CoreSpellings<core::VantageOutcome>());
  EXPECT_EQ(CheckedSpellings(db, "exposures", "state"), CoreSpellings<core::ExposureState>());
  EXPECT_EQ(CheckedSpellings(db, "outcomes", "kind"), CoreSpellings<core::OutcomeKind>());
  EXPECT_EQ(CheckedSpellings(db, "scan_judgements", "plugin_enabled"),
            CoreSpellings<core::Knowledge>());
  EXPECT_EQ(CheckedSpellings(db, "scan_judgements", "export_complete"),
            CoreSpellings<core::Knowledge>());
  EXPECT_EQ(CheckedSpellings(db, "triage_decisions", "kind"), CoreSpellings<core::DecisionKind>());
  EXPECT_EQ(CheckedSpellings(db, "firewall_checks", "verdict"),
            CoreSpellings<core::FirewallVerdict>());
}

// The firewall version: a version-6 database gains firewall_checks; its data stays, answers are
// stored all or none, and History reads them back beside the exposure.
TEST_F(MigrationsTest, TheFirewallVersionAddsFirewallChecksStoredAllOrNone) {
  const std::string path = dir_.File("v6-firewall.db");
  CreateVersion1Database(path);
  {
    sql::Connection db = OpenConnection(path);
    sql::WriteTransaction transaction(db);
    ASSERT_EQ(schema::Migrate(db, 1000, 6).to, 6);
    transaction.Commit();
    EXPECT_EQ(Count(db, "SELECT count(*) FROM sqlite_master WHERE name = 'firewall_checks'"), 0);
  }
  Store store(path, Store::Options{.now = [] { return std::int64_t{1'800'000'000}; }});
  EXPECT_EQ(store.SchemaVersion(), Store::SupportedSchemaVersion());
  ASSERT_EQ(store.ListScans().size(), 1u);
  core::FirewallCheck check;
  check.ip = "192.0.2.10";
  check.port = 5010;
  check.verdict = core::FirewallVerdict::kBlocked;
  check.rule = "rule 3 of chain INPUT";
  check.rule_text = "-p tcp -m tcp --dport 5010 -j DROP";
  check.summary = "port 5010/tcp blocked from untrusted sources by rule 3 of chain INPUT";
  check.file = "host.rules";
  check.sha256 = std::string(64, 'a');
  check.format = "iptables-save";
  check.collected_at = 1'772'323'200;  // 2026-03-01T00:00:00Z
  core::FirewallCheck nameless = check;
  nameless.file.clear();
  EXPECT_THROW(store.RecordFirewallChecks({check, nameless}), Error);
  EXPECT_TRUE(store.History("192.0.2.10").at(0).firewall_checks.empty());
  store.RecordFirewallChecks({check});
  const auto history = store.History("192.0.2.10");
  ASSERT_EQ(history.at(0).firewall_checks.size(), 1u);
  const core::FirewallCheck& stored = history[0].firewall_checks[0];
  EXPECT_EQ(stored.verdict, core::FirewallVerdict::kBlocked);
  EXPECT_EQ(stored.rule_text, check.rule_text);
  EXPECT_EQ(stored.recorded_at, 1'800'000'000);
  EXPECT_EQ(core::FirewallSentence(stored),
            "firewall ruleset collected 2026-03-01: port 5010/tcp blocked from untrusted "
            "sources by rule 3 of chain INPUT");
  // A firewall answer is evidence, not an outcome: the state stays.
  EXPECT_EQ(history[0].exposure.state, core::ExposureState::kOpen);
  // The batched report reader finds it too.
  const auto report = store.BuildHostReport("192.0.2.10");
  ASSERT_TRUE(report.has_value());
  ASSERT_EQ(report->exposures.at(0).firewall_checks.size(), 1u);
  EXPECT_EQ(report->exposures[0].firewall_checks[0].sha256, check.sha256);
}

// The triage version: a database of any earlier version gains the append-only decisions table,
// and its data stays as it was.
TEST_F(MigrationsTest, TheTriageVersionAddsAnAppendOnlyDecisionTable) {
  const std::string path = dir_.File("v1-triage.db");
  CreateVersion1Database(path);
  {
    Store store(path, Store::Options{.now = [] { return std::int64_t{1'800'000'000}; }});
    EXPECT_EQ(store.ListScans().size(), 1u);
    EXPECT_TRUE(store.ListDecisions().empty());
    core::DecisionRecord record;
    record.target = *core::TriageTarget::Parse("192.0.2.10:5010");
    record.reason = "vendor appliance";
    record.by = "auditor";
    EXPECT_EQ(store.RecordDecision(record).made_at, 1'800'000'000);
  }
  sql::Connection db = OpenConnection(path);
  EXPECT_THROW(db.Exec("UPDATE triage_decisions SET reason = 'changed'"), Error);
  EXPECT_THROW(db.Exec("DELETE FROM triage_decisions"), Error);
  EXPECT_EQ(Count(db, "SELECT count(*) FROM triage_decisions WHERE reason = 'vendor appliance'"),
            1);
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
    sql::Connection db = OpenConnection(path);
    EXPECT_EQ(schema::CurrentVersion(db), 1);
    EXPECT_FALSE(HasColumn(db, "rules", "enabled"));
  }
  Store store(path);
  EXPECT_EQ(store.SchemaVersion(), Store::SupportedSchemaVersion());
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

TEST_F(MigrationsTest, VersionThreeMovesMappedHostsToTheirIpv4Key) {
  const std::string path = dir_.File("v2-mapped.db");
  CreateVersion2DatabaseWithMappedHosts(path);
  {
    Store store(path);
    EXPECT_EQ(store.SchemaVersion(), Store::SupportedSchemaVersion());  // through v3 to the latest
    std::vector<std::string> ips;
    for (const core::Exposure& e : store.ListExposures()) ips.push_back(e.ip);
    EXPECT_EQ(ips, (std::vector<std::string>{"192.0.2.38", "192.0.2.39"}));
    const auto history = store.History("192.0.2.39");
    ASSERT_EQ(history.size(), 1u);
    EXPECT_EQ(history[0].exposure.hostname, "b.example");
    EXPECT_EQ(history[0].evidence.size(), 1u);
    // The scanned name "::FFFF:192.0.2.38" is the address: no host name.
    EXPECT_EQ(store.History("192.0.2.38").at(0).exposure.hostname, "");
  }
  sql::Connection db = OpenConnection(path);
  EXPECT_EQ(Count(db, "SELECT count(*) FROM scan_hosts WHERE ip LIKE '::ffff:%.%'"), 0);
  EXPECT_EQ(Count(db, "SELECT count(*) FROM detections WHERE ip LIKE '::ffff:%'"), 0);
  EXPECT_EQ(Count(db, "SELECT count(*) FROM exposures WHERE ip LIKE '::ffff:%'"), 0);
  EXPECT_EQ(Count(db, "SELECT count(*) FROM scan_hosts WHERE ip = '::ffff:0:c000:201'"), 1);
  // Scan 2's two rows for 192.0.2.39 are one, merged as an import merges a host.
  auto host = db.Prepare(
      "SELECT fqdn, started_at, ended_at, completion, name, "
      "  (SELECT group_concat(port, ',') FROM (SELECT port FROM scan_host_ports p "
      "    WHERE p.scan_host_id = h.id ORDER BY port)), "
      "  (SELECT count(*) FROM detections d WHERE d.scan_host_id = h.id) "
      "FROM scan_hosts h WHERE scan_id = 2 AND ip = '192.0.2.39'");
  ASSERT_TRUE(host.Step());
  EXPECT_EQ(host.Text(0), "b.example");
  EXPECT_EQ(host.Int64(1), 550);
  EXPECT_EQ(host.Int64(2), 700);
  EXPECT_EQ(host.Text(3), "incomplete");
  EXPECT_EQ(host.Text(4), "192.0.2.39");
  EXPECT_EQ(host.Text(5), "22,5010");
  EXPECT_EQ(host.Int64(6), 1);
  EXPECT_FALSE(host.Step());
  EXPECT_EQ(Count(db, "SELECT hosts_read FROM scans WHERE id = 2"), 2);
  EXPECT_EQ(Count(db, "SELECT hosts_read FROM scans WHERE id = 1"), 1);
  EXPECT_EQ(Count(db,
                  "SELECT count(*) FROM scan_hosts WHERE scan_id = 1 AND ip = '192.0.2.38' "
                  "AND name = '192.0.2.38' AND completion = 'completed'"),
            1);
  EXPECT_EQ(Count(db, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
}

// v4: a scan's identity is its XML's hash. Scans stored before kept their file's hash, which
// becomes their file_sha256 as well, so a repeat of the same file is still recognised.
TEST_F(MigrationsTest, ScansStoredBeforeVersionFourKeepTheirHashAsTheFilesHash) {
  const std::string path = dir_.File("v1.db");
  CreateVersion1Database(path);
  Store store(path, Store::Options{.now = [] { return std::int64_t{1'800'000'000}; }});
  const std::vector<ScanRow> scans = store.ListScans();
  ASSERT_EQ(scans.size(), 1u);
  EXPECT_EQ(scans[0].info.sha256, "aa");
  EXPECT_EQ(scans[0].info.file_sha256, "aa");
  EXPECT_EQ(scans[0].info.file_size, 0u);  // unknown: never matches a size
  testing::FakeScan same_file = testing::NessusScan("its-xml-hash", 500);
  same_file.info.file_sha256 = "aa";
  same_file.Host("192.0.2.10");
  const ImportResult result = store.ImportScan(same_file.Reader());
  EXPECT_EQ(result.status, ImportStatus::kAlreadyImported);
  EXPECT_EQ(result.scan_id, 1);
}

TEST_F(MigrationsTest, VersionFiveMakesTheSiblingRulesDefaultsOfTheUnconfirmedTier) {
  const std::string path = dir_.File("v4-sibling.db");
  CreateVersion4DatabaseWithLearnedSibling(path);
  Store store(path);
  const std::vector<core::Rule> rules = store.ListRules();
  EXPECT_EQ(rules.size(), 6u);
  for (const core::Rule& rule : rules) {
    const bool sibling = rule.value == core::kOwnUnconfirmedNessusPluginId ||
                         rule.value == core::kOwnUnconfirmedOpenVasOid;
    EXPECT_EQ(rule.origin, core::RuleOrigin::kDefault) << rule.value;
    EXPECT_EQ(rule.tier,
              sibling ? core::DetectionTier::kUnconfirmed : core::DetectionTier::kConfirmed)
        << rule.value;
    EXPECT_TRUE(rule.enabled) << rule.value;
    EXPECT_EQ(rule.learned_from_scan, std::nullopt) << rule.value;
    if (sibling) {
      EXPECT_EQ(rule.plugin_family, core::kOwnPluginFamily);
    }
  }
  // The learned rule became the default one (same id): detection 2 keeps its match and, with
  // it, takes the unconfirmed tier, as does its exposure.
  const auto detections = store.ListDetections({});
  ASSERT_EQ(detections.size(), 2u);
  EXPECT_EQ(detections[0].tier, core::DetectionTier::kConfirmed);
  EXPECT_EQ(detections[1].tier, core::DetectionTier::kUnconfirmed);
  EXPECT_EQ(detections[1].rule->id, 50);
  const auto exposures = store.ListExposures();
  ASSERT_EQ(exposures.size(), 2u);
  EXPECT_EQ(exposures[0].tier, core::DetectionTier::kConfirmed);
  EXPECT_EQ(exposures[1].ip, "192.0.2.11");
  EXPECT_EQ(exposures[1].tier, core::DetectionTier::kUnconfirmed);
}

// The tail-hash version: scans stored before it have no tail hash, so a file of their size may
// be one of them whatever its tail (it is then hashed in full, as before).
TEST_F(MigrationsTest, ScansStoredBeforeVersionEightMatchOnTheirSizeAlone) {
  const std::string path = dir_.File("v7.db");
  CreateVersion1Database(path);
  {
    sql::Connection db = OpenConnection(path);
    sql::WriteTransaction transaction(db);
    ASSERT_EQ(schema::Migrate(db, 1000, 7).to, 7);
    db.Exec("UPDATE scans SET file_size = 4096");
    transaction.Commit();
  }
  Store store(path, Store::Options{.now = [] { return std::int64_t{1'800'000'000}; }});
  EXPECT_TRUE(store.MayHoldFile(4096, "any-tail"));
  EXPECT_FALSE(store.MayHoldFile(4097, "any-tail"));
  sql::Connection db = OpenConnection(path);
  EXPECT_EQ(Count(db, "SELECT count(*) FROM scans WHERE file_tail_sha256 IS NULL"), 1);
}

TEST_F(MigrationsTest, NewerDatabaseIsRefusedNamingBothVersions) {
  const std::string path = dir_.File("future.db");
  { Store store(path); }
  {
    sql::Connection db = OpenConnection(path);
    db.Exec("PRAGMA user_version = 9");
  }
  try {
    Store store(path);
    FAIL() << "a newer schema was accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), Error::Kind::kDatabase);
    const std::string message = e.what();
    EXPECT_NE(message.find("version 9"), std::string::npos) << message;
    EXPECT_NE(message.find("version " + std::to_string(Store::SupportedSchemaVersion())),
              std::string::npos)
        << message;
    EXPECT_NE(message.find(path), std::string::npos) << message;
  }
  sql::Connection db = OpenConnection(path);
  EXPECT_EQ(schema::CurrentVersion(db), 9);  // refused, not touched
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
    sql::Connection db = OpenConnection(path);
    db.Exec("CREATE INDEX outcomes_by_scan ON outcomes(kind)");
  }
  EXPECT_THROW(Store store(path), Error);
  sql::Connection db = OpenConnection(path);
  EXPECT_EQ(schema::CurrentVersion(db), 1);
  EXPECT_FALSE(HasColumn(db, "rules", "enabled"));
}

}  // namespace
}  // namespace ttmtrack::db
