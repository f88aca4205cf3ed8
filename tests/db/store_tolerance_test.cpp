// What the store does with what real exports contain: the same scan under two spellings of its
// file, times that cannot be read, times that depend on the Nessus zone setting, and scans dated
// in the future (docs/importer.md, "Scan identity" and "Times"; docs/verification.md).
#include <gtest/gtest.h>

#include "core/error.hpp"
#include "db/store.hpp"
#include "tests/db/fake_scan.hpp"
#include "tests/support/database_dump.hpp"
#include "tests/support/temp_dir.hpp"

namespace ttmtrack::db {
namespace {

using testing::FakeScan;
using testing::GvmScan;
using testing::NessusScan;

constexpr std::int64_t kNow = 1'800'000'000;  // 2027-01-15T08:00:00Z

// A scan as the importer gives it: identity and file digest arrive with EndScan.
FakeScan FromFile(FakeScan scan, const std::string& file_sha256, std::uint64_t size) {
  scan.info.file_sha256 = file_sha256;
  scan.info.file_size = size;
  return scan;
}

class StoreToleranceTest : public ::testing::Test {
 protected:
  // The one outcome `scan_id` has for the exposure at ip:5010.
  core::Outcome OutcomeIn(const std::string& ip, std::int64_t scan_id) {
    for (const core::ExposureReport& report : store_.History(ip, 5010)) {
      for (const core::Outcome& outcome : report.timeline) {
        if (outcome.scan.id == scan_id) return outcome;
      }
    }
    ADD_FAILURE() << "no outcome of scan " << scan_id << " for " << ip;
    return {};
  }

  test::TempDir dir_;
  std::string path_ = dir_.File("store.db");
  Store store_{path_, Store::Options{.now = [] { return kNow; }}};
};

TEST_F(StoreToleranceTest, TheSameXmlFromAnotherFileIsOneScanAndTheImportSaysWhich) {
  FakeScan plain = FromFile(NessusScan("xml-1", 1000), "xml-1", 5000);
  plain.info.file_name = "jan.nessus";
  plain.Host("192.0.2.10").Detect("192.0.2.10");
  const ImportResult first = store_.ImportScan(plain.Reader());
  const std::string before = test::DumpDatabase(path_);

  // The same XML gzip-compressed: another file hash, the same identity.
  FakeScan gzip = FromFile(NessusScan("xml-1", 1000), "gz-1", 300);
  gzip.info.file_name = "jan.nessus.gz";
  gzip.info.gzip = true;
  gzip.Host("192.0.2.10").Detect("192.0.2.10");
  const ImportResult again = store_.ImportScan(gzip.Reader());
  EXPECT_EQ(again.status, ImportStatus::kAlreadyImported);
  EXPECT_EQ(again.scan_id, first.scan_id);
  EXPECT_EQ(again.stored_file_name, "jan.nessus");
  EXPECT_EQ(again.detections, 1);
  EXPECT_EQ(test::DumpDatabase(path_), before);  // decided at the end, rolled back whole

  const std::optional<ScanRow> stored = store_.FindScanBySha256("xml-1");
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->info.file_sha256, "xml-1");
  EXPECT_EQ(stored->info.file_size, 5000u);
  // FromFile gives no tail hash: a scan like those stored before schema v8, which a file of
  // its size may be whatever its tail.
  EXPECT_TRUE(store_.MayHoldFile(5000, "any-tail"));
  EXPECT_FALSE(store_.MayHoldFile(300, "any-tail"));
  ASSERT_TRUE(store_.FindScanByFile(5000, "xml-1"));
  EXPECT_FALSE(store_.FindScanByFile(5000, "gz-1"));
}

TEST_F(StoreToleranceTest, ASameSizeFileWithAnotherTailIsNewWithoutHashingItAll) {
  FakeScan night1 = FromFile(NessusScan("xml-1", 1000), "file-1", 5000);
  night1.info.file_tail_sha256 = "tail-1";
  night1.Host("192.0.2.10");
  store_.ImportScan(night1.Reader());
  EXPECT_TRUE(store_.MayHoldFile(5000, "tail-1"));   // maybe the same file: hash it all
  EXPECT_FALSE(store_.MayHoldFile(5000, "tail-2"));  // the next night's export, same size
  EXPECT_FALSE(store_.MayHoldFile(4999, "tail-1"));
}

TEST_F(StoreToleranceTest, AFileHashAlreadyStoredIsARepeatEvenUnderAnotherXmlHash) {
  // Scans stored before schema v4 from gzip files kept the compressed bytes' hash as sha256
  // and file_sha256; their XML hash is unknown. The file's bytes still recognise them.
  FakeScan old = FromFile(NessusScan("gz-bytes", 1000), "gz-bytes", 0);
  old.Host("192.0.2.10");
  store_.ImportScan(old.Reader());
  FakeScan same = FromFile(NessusScan("xml-of-it", 1000), "gz-bytes", 300);
  same.Host("192.0.2.10");
  EXPECT_EQ(store_.ImportScan(same.Reader()).status, ImportStatus::kAlreadyImported);
  EXPECT_EQ(store_.ListScans().size(), 1u);
}

TEST_F(StoreToleranceTest, UnreadableHostTimeImportsAndItsOutcomeNamesIt) {
  FakeScan jan = NessusScan("jan", 1000);
  jan.Host("192.0.2.10").Detect("192.0.2.10");
  store_.ImportScan(jan.Reader());
  // A clean, complete-looking scan that would verify the fix, but its host's end is damaged.
  FakeScan feb = NessusScan("feb", 2000);
  feb.Host("192.0.2.10", core::HostCompletion::kUnknown);
  feb.hosts[0].unreadable_time =
      "HOST_END \"Thu Feb 30 10:20:00 2026\" is not a time: no such date";
  feb.Host("192.0.2.11");
  feb.hosts[1].unreadable_time = "HOST_START \"soon\" is not a time: neither ...";
  const ImportResult result = store_.ImportScan(feb.Reader());
  EXPECT_EQ(result.status, ImportStatus::kImported);
  EXPECT_EQ(result.unreadable_host_times, 2);
  EXPECT_EQ(result.first_unreadable_time,
            "host 192.0.2.10: HOST_END \"Thu Feb 30 10:20:00 2026\" is not a time: no such date");
  const core::Outcome outcome = OutcomeIn("192.0.2.10", result.scan_id);
  EXPECT_EQ(outcome.kind, core::OutcomeKind::kNotCovered);
  EXPECT_EQ(outcome.reason, core::NotCoveredReason::kHostTimeUnreadable);  // I14
  EXPECT_EQ(store_.ListExposures().at(0).state, core::ExposureState::kOpen);
  // A full recomputation decides the same.
  store_.RecomputeLifecycle();
  EXPECT_EQ(OutcomeIn("192.0.2.10", result.scan_id).reason,
            core::NotCoveredReason::kHostTimeUnreadable);
}

TEST_F(StoreToleranceTest, ChangingTheNessusZoneReadsTheKeptTextsAgainAndReordersScans) {
  // A Nessus scan whose host time is zone-less text: 2026-01-05 10:00 at UTC (offset +00:00).
  FakeScan nessus = NessusScan("n1", 0);
  nessus.info.started_at = std::nullopt;  // Nessus scans take their hosts' times
  nessus.info.ended_at = std::nullopt;
  nessus.Host("192.0.2.10").Detect("192.0.2.10");
  nessus.hosts[0].started_at = 1767607200;
  nessus.hosts[0].started_text = "Mon Jan  5 10:00:00 2026";
  nessus.hosts[0].ended_at = 1767608100;
  nessus.hosts[0].ended_text = "Mon Jan  5 10:15:00 2026";
  // An OpenVAS scan at 12:00Z that sees the host clean.
  FakeScan gvm = GvmScan("g1", 1767614400);
  gvm.Host("192.0.2.10");
  const std::int64_t n1 = store_.ImportScan(nessus.Reader()).scan_id;
  const std::int64_t g1 = store_.ImportScan(gvm.Reader()).scan_id;
  EXPECT_EQ(store_.ListExposures().at(0).state, core::ExposureState::kFixed);

  // The scanner ran at UTC-05:00: its 10:00 was 15:00Z, after the OpenVAS scan.
  store_.SetSetting("import.nessus-utc-offset", "-05:00");
  const std::vector<ScanRow> scans = store_.ListScans();
  ASSERT_EQ(scans.size(), 2u);
  EXPECT_EQ(scans[0].id, g1);
  EXPECT_EQ(scans[1].id, n1);
  EXPECT_EQ(scans[1].scan_time, 1767607200 + 5 * 3600);
  EXPECT_EQ(scans[1].info.started_at, 1767607200 + 5 * 3600);
  EXPECT_EQ(scans[1].info.ended_at, 1767608100 + 5 * 3600);
  EXPECT_EQ(store_.ListExposures().at(0).state, core::ExposureState::kOpen);

  // And back: the setting works at any time, in both directions.
  store_.SetSetting("import.nessus-utc-offset", "Z");
  EXPECT_EQ(store_.ListScans().at(0).id, n1);
  EXPECT_EQ(store_.ListScans().at(0).scan_time, 1767607200);
  EXPECT_EQ(store_.ListExposures().at(0).state, core::ExposureState::kFixed);
}

TEST_F(StoreToleranceTest, AScanFromTheFutureIsRefusedAndStoresNothing) {
  const std::string before = test::DumpDatabase(path_);
  FakeScan future = NessusScan("future", kNow + std::int64_t{3} * 86400);
  future.Host("192.0.2.10").Detect("192.0.2.10");
  try {
    store_.ImportScan(future.Reader());
    FAIL() << "a scan three days ahead was imported";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), Error::Kind::kBadInput);
    EXPECT_EQ(e.context().file, "future.nessus");
    EXPECT_EQ(e.message(),
              "the scan is dated 2027-01-18T08:10:00Z, 3 days after this import "
              "(2027-01-15T08:00:00Z): a scan from the future would outrank every real scan "
              "until then, so it is refused. Check the scanner's clock (and "
              "import.nessus-utc-offset for Nessus times without a zone); "
              "import.future-margin-hours (now 24) says how far ahead a scan may be");
  }
  EXPECT_EQ(test::DumpDatabase(path_), before);

  // Within the margin: a scanner clock a few hours fast is fine.
  FakeScan skewed = NessusScan("skewed", kNow + std::int64_t{3} * 3600);
  skewed.Host("192.0.2.10");
  EXPECT_EQ(store_.ImportScan(skewed.Reader()).status, ImportStatus::kImported);
  // The margin is a setting.
  store_.SetSetting("import.future-margin-hours", "96");
  EXPECT_EQ(store_.GetSetting("import.future-margin-hours"), "96");
  EXPECT_EQ(store_.ImportScan(future.Reader()).status, ImportStatus::kImported);
}

TEST_F(StoreToleranceTest, AHostEndedInTheFutureMakesItsScanAFutureScan) {
  FakeScan scan = NessusScan("late-host", 1000);
  scan.Host("192.0.2.10");
  scan.hosts[0].ended_at = kNow + std::int64_t{400} * 86400;
  EXPECT_THROW(store_.ImportScan(scan.Reader()), Error);
  EXPECT_TRUE(store_.ListScans().empty());
}

TEST_F(StoreToleranceTest, FutureMarginTakesWholeHoursUpToTenYears) {
  for (const char* bad : {"-1", "1.5", "87601", "24h", ""}) {
    EXPECT_THROW(store_.SetSetting("import.future-margin-hours", bad), Error) << bad;
  }
  store_.SetSetting("import.future-margin-hours", " 0 ");
  EXPECT_EQ(store_.FutureMarginSeconds(), 0);
}

}  // namespace
}  // namespace ttmtrack::db
