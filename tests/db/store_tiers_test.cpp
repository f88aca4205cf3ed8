// Detection tiers through the real store (docs/verification.md, "Detection tiers"): each
// detection takes its rule's tier, both tiers are detections for the lifecycle, and an
// exposure's tier is the strongest evidence it ever had, whatever the import order.
#include <algorithm>
#include <string>

#include <gtest/gtest.h>

#include "core/enum_text.hpp"
#include "db/store.hpp"
#include "tests/core/case_name.hpp"
#include "tests/db/fake_scan.hpp"
#include "tests/support/temp_dir.hpp"

namespace ttmtrack::db {
namespace {

using core::DetectionTier;
using core::ExposureState;
using testing::FakeScan;
using testing::GvmScan;
using testing::NessusScan;

constexpr const char* kIp = "192.0.2.10";

enum class Seen { kConfirmed, kUnconfirmed, kBoth, kAbsent };

FakeScan Scan(const std::string& sha, std::int64_t time, Seen seen) {
  FakeScan s = NessusScan(sha, time);
  s.Host(kIp);
  if (seen == Seen::kConfirmed || seen == Seen::kBoth) s.Detect(kIp);
  if (seen == Seen::kUnconfirmed || seen == Seen::kBoth) s.DetectUnconfirmed(kIp);
  return s;
}

struct TierCase {
  const char* name;
  std::vector<Seen> scans;  // in time order, one hour apart
  ExposureState state;
  DetectionTier tier;
  std::vector<std::string> outcomes;  // per scan: "detected/confirmed", "absent", ...
};

class StoreTiersTest : public ::testing::TestWithParam<TierCase> {
 protected:
  test::TempDir dir_;
};

TEST_P(StoreTiersTest, TierIsTheStrongestEvidenceInEveryImportOrder) {
  const TierCase& c = GetParam();
  std::vector<FakeScan> scans;
  for (std::size_t i = 0; i < c.scans.size(); ++i) {
    scans.push_back(Scan("s" + std::to_string(i), 1000 + 3600 * static_cast<int>(i), c.scans[i]));
  }
  for (const bool reversed : {false, true}) {
    Store store(dir_.File(std::string(reversed ? "rev" : "fwd") + ".db"));
    std::vector<const FakeScan*> order;
    order.reserve(scans.size());
    for (const FakeScan& s : scans) order.push_back(&s);
    if (reversed) std::reverse(order.begin(), order.end());
    for (const FakeScan* s : order) store.ImportScan(s->Reader());
    const auto history = store.History(kIp);
    ASSERT_EQ(history.size(), 1u) << (reversed ? "reversed" : "in order");
    const core::ExposureReport& r = history[0];
    EXPECT_EQ(r.exposure.state, c.state) << (reversed ? "reversed" : "in order");
    EXPECT_EQ(r.exposure.tier, c.tier) << (reversed ? "reversed" : "in order");
    std::vector<std::string> outcomes;
    for (const core::Outcome& o : r.timeline) {
      std::string text = std::string(core::ToText(o.kind));
      if (o.kind == core::OutcomeKind::kDetected) {
        // The scan's strongest detection, as history shows it.
        bool confirmed = false;
        for (const core::Evidence& e : r.evidence) {
          if (e.scan.sha256 == o.scan.sha256 && e.tier == DetectionTier::kConfirmed) {
            confirmed = true;
          }
        }
        text += confirmed ? "/confirmed" : "/unconfirmed";
      }
      outcomes.push_back(text);
    }
    EXPECT_EQ(outcomes, c.outcomes) << (reversed ? "reversed" : "in order");
  }
}

INSTANTIATE_TEST_SUITE_P(
    Cases, StoreTiersTest,
    ::testing::Values(TierCase{"UnconfirmedOnlyIsAnOpenExposure",
                               {Seen::kUnconfirmed},
                               ExposureState::kOpen,
                               DetectionTier::kUnconfirmed,
                               {"detected/unconfirmed"}},
                      TierCase{"ConfirmedLaterRaisesTheTier",
                               {Seen::kUnconfirmed, Seen::kConfirmed},
                               ExposureState::kOpen,
                               DetectionTier::kConfirmed,
                               {"detected/unconfirmed", "detected/confirmed"}},
                      TierCase{"UnconfirmedLaterKeepsTheConfirmedTier",
                               {Seen::kConfirmed, Seen::kUnconfirmed},
                               ExposureState::kOpen,
                               DetectionTier::kConfirmed,
                               {"detected/confirmed", "detected/unconfirmed"}},
                      TierCase{"UnconfirmedThenAbsentIsFixed",
                               {Seen::kUnconfirmed, Seen::kAbsent},
                               ExposureState::kFixed,
                               DetectionTier::kUnconfirmed,
                               {"detected/unconfirmed", "absent"}},
                      TierCase{"FixedThenUnconfirmedReopens",
                               {Seen::kConfirmed, Seen::kAbsent, Seen::kUnconfirmed},
                               ExposureState::kReopened,
                               DetectionTier::kConfirmed,
                               {"detected/confirmed", "absent", "detected/unconfirmed"}},
                      TierCase{"BothTiersInOneScanAreOneConfirmedDetection",
                               {Seen::kBoth},
                               ExposureState::kOpen,
                               DetectionTier::kConfirmed,
                               {"detected/confirmed"}}),
    testing::CaseName<TierCase>);

TEST(StoreTiersGvmTest, TheSiblingOidIsUnconfirmedAndRulesShowTheirTier) {
  test::TempDir dir;
  Store store(dir.File("gvm.db"));
  FakeScan scan = GvmScan("g1", 1000);
  scan.Host(kIp).DetectUnconfirmed(kIp, 10200);
  store.ImportScan(scan.Reader());
  const auto detections = store.ListDetections({});
  ASSERT_EQ(detections.size(), 1u);
  EXPECT_EQ(detections[0].tier, DetectionTier::kUnconfirmed);
  EXPECT_EQ(detections[0].rule->value, core::kOwnUnconfirmedOpenVasOid);
  EXPECT_EQ(detections[0].output, "sent 17 bytes; no reply; silent for 5 s");
  const auto exposures = store.ListExposures();
  ASSERT_EQ(exposures.size(), 1u);
  EXPECT_EQ(exposures[0].port, 10200);
  EXPECT_EQ(exposures[0].tier, DetectionTier::kUnconfirmed);
}

TEST(StoreTiersGvmTest, TheSiblingPluginStaysUnconfirmedWhenTheNameRuleMatchesIt) {
  test::TempDir dir;
  Store store(dir.File("off.db"));
  FakeScan scan = NessusScan("n1", 1000);
  scan.Host(kIp).DetectUnconfirmed(kIp, 5010);
  store.ImportScan(scan.Reader());
  ASSERT_EQ(store.ListExposures().size(), 1u);
  for (const core::Rule& rule : store.ListRules()) {
    if (rule.tier == DetectionTier::kUnconfirmed) {
      ASSERT_TRUE(store.SetRuleEnabled(rule.id, false));
    }
  }
  // The plugin's name contains the needle: the name rule matches it now, and the detection
  // stays unconfirmed (core::TierOf), as does the exposure.
  const auto detections = store.ListDetections({});
  ASSERT_EQ(detections.size(), 1u);
  EXPECT_EQ(detections[0].rule->kind, core::RuleKind::kNameContains);
  EXPECT_EQ(detections[0].tier, DetectionTier::kUnconfirmed);
  const auto exposures = store.ListExposures();
  ASSERT_EQ(exposures.size(), 1u);
  EXPECT_EQ(exposures[0].tier, DetectionTier::kUnconfirmed);
}

}  // namespace
}  // namespace ttmtrack::db
