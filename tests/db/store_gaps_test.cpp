// Store::HostsDroppedOutOfScanning and Store::ChangesSince: the run summary's queries.
#include <gtest/gtest.h>

#include "db/store.hpp"
#include "tests/db/fake_scan.hpp"
#include "tests/support/temp_dir.hpp"

namespace ttmtrack::db {
namespace {

using testing::FakeScan;
using testing::GvmScan;
using testing::NessusScan;

class StoreGapsTest : public ::testing::Test {
 protected:
  void Import(const FakeScan& scan) { store_.ImportScan(scan.Reader()); }

  test::TempDir dir_;
  Store store_{dir_.File("gaps.db")};
};

TEST_F(StoreGapsTest, AHostMissingFromItsTasksLatestScanDroppedOut) {
  FakeScan w1 = NessusScan("w1", 1000);  // task "weekly"
  w1.Host("192.0.2.1").Host("192.0.2.2").Host("192.0.2.3");
  w1.hosts[1].fqdn = "gone.example";
  FakeScan w2 = NessusScan("w2", 2000);
  w2.Host("192.0.2.1").Host("192.0.2.2");
  FakeScan w3 = NessusScan("w3", 3000);
  w3.Host("192.0.2.1");
  Import(w3);  // import order does not matter
  Import(w1);
  Import(w2);
  const std::vector<DroppedOutHost> hosts = store_.HostsDroppedOutOfScanning();
  ASSERT_EQ(hosts.size(), 2u);
  EXPECT_EQ(hosts[0].ip, "192.0.2.2");
  EXPECT_EQ(hosts[0].last_seen_by.sha256, "w2");  // the most recent scan that saw it
  EXPECT_EQ(hosts[0].latest_scan.sha256, "w3");
  EXPECT_EQ(hosts[0].latest_scan.scan_name, "weekly");
  EXPECT_EQ(hosts[0].hostname, "");  // w2 gave it no name; w1's is older
  EXPECT_EQ(hosts[1].ip, "192.0.2.3");
  EXPECT_EQ(hosts[1].last_seen_by.sha256, "w1");
}

TEST_F(StoreGapsTest, AHostBackInTheLatestScanIsNoLongerMissing) {
  FakeScan w1 = NessusScan("w1", 1000);
  w1.Host("192.0.2.1").Host("192.0.2.2");
  FakeScan w2 = NessusScan("w2", 2000);
  w2.Host("192.0.2.1");
  Import(w1);
  Import(w2);
  EXPECT_EQ(store_.HostsDroppedOutOfScanning().size(), 1u);
  FakeScan w3 = NessusScan("w3", 3000);
  w3.Host("192.0.2.1").Host("192.0.2.2");
  Import(w3);
  EXPECT_TRUE(store_.HostsDroppedOutOfScanning().empty());
}

TEST_F(StoreGapsTest, TasksAreTheScannerAndTheScanNameAndUnnamedScansAreNone) {
  FakeScan nessus = NessusScan("n1", 1000);
  nessus.info.scan_name = "nightly";
  nessus.Host("192.0.2.1").Host("192.0.2.2");
  FakeScan openvas = GvmScan("g1", 2000);  // task "nightly" too, but another scanner
  openvas.Host("192.0.2.1");
  FakeScan unnamed1 = NessusScan("u1", 1000);
  unnamed1.info.scan_name = "";
  unnamed1.Host("192.0.2.7");
  FakeScan unnamed2 = NessusScan("u2", 2000);
  unnamed2.info.scan_name = "";
  unnamed2.Host("192.0.2.8");
  for (const FakeScan* s : {&nessus, &openvas, &unnamed1, &unnamed2}) Import(*s);
  EXPECT_TRUE(store_.HostsDroppedOutOfScanning().empty());
}

TEST_F(StoreGapsTest, ChangesSinceClassifiesEachExposureOverTheNewScans) {
  FakeScan w1 = NessusScan("w1", 1000);
  w1.Host("192.0.2.1").Host("192.0.2.2").Host("192.0.2.3").Host("192.0.2.4");
  w1.Detect("192.0.2.1").Detect("192.0.2.2").Detect("192.0.2.3");
  FakeScan w2 = NessusScan("w2", 2000);
  w2.Host("192.0.2.1").Host("192.0.2.2").Host("192.0.2.3").Host("192.0.2.4");
  w2.Detect("192.0.2.1");  // .2 and .3 proved fixed
  Import(w1);
  Import(w2);
  const std::vector<core::Exposure> before = store_.ListExposures();

  // The "run": two scans. .1 proved fixed, .2 detected again (reopened), .3 not in either scan
  // (not covered), .4 newly exposed.
  FakeScan w3 = NessusScan("w3", 3000);
  w3.Host("192.0.2.1").Host("192.0.2.2").Host("192.0.2.4");
  w3.Detect("192.0.2.2").Detect("192.0.2.4");
  FakeScan w4 = NessusScan("w4", 4000);
  w4.Host("192.0.2.2");
  w4.Detect("192.0.2.2");
  const ImportResult r3 = store_.ImportScan(w3.Reader());
  const ImportResult r4 = store_.ImportScan(w4.Reader());
  const ExposureChanges changes = store_.ChangesSince(before, {r3.scan_id, r4.scan_id});
  EXPECT_EQ(changes.counts.new_exposures, 1);
  EXPECT_EQ(changes.counts.verified_fixed, 1);
  EXPECT_EQ(changes.counts.reopened, 1);
  EXPECT_EQ(changes.counts.not_checked, 1);
  EXPECT_EQ(changes.counts.still_open, 0);
  EXPECT_EQ(changes.counts.still_fixed, 0);
  ASSERT_EQ(changes.new_exposures.size(), 1u);
  EXPECT_EQ(changes.new_exposures[0].ip, "192.0.2.4");
  ASSERT_EQ(changes.reopened.size(), 1u);
  EXPECT_EQ(changes.reopened[0].ip, "192.0.2.2");
  ASSERT_EQ(changes.verified_fixed.size(), 1u);
  EXPECT_EQ(changes.verified_fixed[0].ip, "192.0.2.1");

  // No scans in between: nothing is "not covered", everything is still what it was.
  const ExposureChanges none = store_.ChangesSince(store_.ListExposures(), {});
  EXPECT_EQ(none.counts.still_open, 2);
  EXPECT_EQ(none.counts.still_fixed, 2);
  EXPECT_EQ(none.counts.not_checked, 0);
}

}  // namespace
}  // namespace ttmtrack::db
