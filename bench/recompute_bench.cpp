// Recomputation speed (docs/verification.md, "Recomputation cost"). Labelled slow. The size
// comes from TTMTRACK_BENCH_SCANS and TTMTRACK_BENCH_EXPOSURES (default 100 x 100; the figures
// in the docs are 1,000 x 1,000 on a Release build).
#include <chrono>
#include <cstdlib>
#include <iostream>

#include <gtest/gtest.h>

#include "db/rule_store.hpp"
#include "db/scan_writer.hpp"
#include "db/sqlite/database.hpp"
#include "db/sqlite/transaction.hpp"
#include "db/store.hpp"
#include "tests/db/fake_scan.hpp"
#include "tests/support/temp_dir.hpp"

namespace ttmtrack::db {
namespace {

int EnvInt(const char* name, int fallback) {
  const char* value = std::getenv(name);
  return value != nullptr ? std::atoi(value) : fallback;
}

std::string HostIp(int i) {
  return "10." + std::to_string(i / 65536 % 256) + "." + std::to_string(i / 256 % 256) + "." +
         std::to_string(i % 256);
}

// Scan s sees every host; host i's listener is up in scan s unless (s / (i % 7 + 1)) is odd,
// so exposures open, get fixed and reopen at different rhythms.
testing::FakeScan BenchScan(int s, int exposures) {
  testing::FakeScan scan = testing::NessusScan("bench-" + std::to_string(s), 1000 + 3600LL * s);
  for (int i = 0; i < exposures; ++i) {
    const std::string ip = HostIp(i);
    scan.Host(ip);
    if ((s / (i % 7 + 1)) % 2 == 0) scan.Detect(ip);
  }
  return scan;
}

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

TEST(RecomputeBenchTest, RecomputesManyScansTimesManyExposures) {
  const int scans = EnvInt("TTMTRACK_BENCH_SCANS", 100);
  const int exposures = EnvInt("TTMTRACK_BENCH_EXPOSURES", 100);
  test::TempDir dir;
  const std::string path = dir.File("bench.db");
  { Store create(path); }
  auto start = std::chrono::steady_clock::now();
  {
    // Facts written straight through the sink, without a recomputation per scan.
    sqlite::Database db(path);
    sqlite::Transaction transaction(db);
    for (int s = 0; s < scans; ++s) {
      const testing::FakeScan scan = BenchScan(s, exposures);
      ScanWriter writer(db, scan.info.sha256, 1'700'000'000, LoadRules(db));
      scan.Reader()(writer);
    }
    transaction.Commit();
  }
  const double load = Seconds(start);

  Store store(path);
  start = std::chrono::steady_clock::now();
  store.RecomputeLifecycle();
  const double first = Seconds(start);
  start = std::chrono::steady_clock::now();
  store.RecomputeLifecycle();
  const double unchanged = Seconds(start);
  start = std::chrono::steady_clock::now();
  store.SetSetting("coverage.host-unknown", "strict");  // every host completed: changes nothing
  const double setting = Seconds(start);
  start = std::chrono::steady_clock::now();
  const testing::FakeScan extra = BenchScan(scans, exposures);
  const ImportResult result = store.ImportScan(extra.info.sha256, extra.Reader());
  const double import_one = Seconds(start);

  ASSERT_EQ(store.ListExposures().size(), static_cast<std::size_t>(exposures));
  EXPECT_EQ(result.lifecycle.new_exposures, 0);
  std::cout << "bench " << scans << " scans x " << exposures << " exposures: load " << load
            << " s, first recompute " << first << " s, unchanged recompute " << unchanged
            << " s, setting change " << setting << " s, import of one more scan (with recompute) "
            << import_one << " s\n";
  RecordProperty("first_recompute_ms", static_cast<int>(first * 1000));
  RecordProperty("unchanged_recompute_ms", static_cast<int>(unchanged * 1000));
  RecordProperty("setting_change_ms", static_cast<int>(setting * 1000));
  RecordProperty("import_one_ms", static_cast<int>(import_one * 1000));
}

}  // namespace
}  // namespace ttmtrack::db
