// Memory stays flat whatever the export size: the store writes each result as it arrives and
// buffers nothing (only SQLite's page cache, whose ceiling Store::Options sets). Labelled slow.
#include <unistd.h>

#include <fstream>

#include <gtest/gtest.h>

#include "db/store.hpp"
#include "tests/db/fake_scan.hpp"
#include "tests/support/temp_dir.hpp"

namespace ttmtrack::db {
namespace {

std::int64_t ResidentBytes() {
  std::ifstream statm("/proc/self/statm");
  std::int64_t size = 0;
  std::int64_t resident = 0;
  statm >> size >> resident;
  return resident * sysconf(_SC_PAGESIZE);
}

TEST(ImportMemoryTest, ResidentMemoryDoesNotGrowWithTheNumberOfResults) {
  constexpr int kResults = 20000;
  constexpr int kEarly = 4000;
  test::TempDir dir;
  Store store(dir.File("memory.db"), Store::Options{.page_cache_kib = 2048});
  const std::string output(3000, 'x');  // 60 MB of evidence in all
  std::int64_t early = 0;
  std::int64_t late = 0;
  store.ImportScan([&](core::ScanSink& sink) {
    testing::FakeScan scan = testing::NessusScan("big", 1000);
    sink.BeginScan(scan.info);
    core::ResultRecord r;
    r.protocol = "tcp";
    r.plugin_id = std::string(core::kOwnNessusPluginId);
    r.plugin_name = "TTM command channel detection";
    r.output = output;
    for (int i = 0; i < kResults; ++i) {
      r.host_ip = "10." + std::to_string(i / 65536) + "." + std::to_string(i / 256 % 256) + "." +
                  std::to_string(i % 256);
      r.port = static_cast<std::uint16_t>(5000 + i % 7);
      sink.Result(r);
      if (i == kEarly) early = ResidentBytes();
    }
    late = ResidentBytes();
    sink.EndScan(scan.info, scan.coverage);
  });
  const std::int64_t growth = late - early;
  RecordProperty("growth_kib", static_cast<int>(growth / 1024));
  // Buffering the 16,000 later results would add at least 48 MB.
  EXPECT_LT(growth, 12 * 1024 * 1024) << "grew by " << growth / 1024 << " KiB";
  EXPECT_EQ(store.ListScans().at(0).detections, kResults);
}

}  // namespace
}  // namespace ttmtrack::db
