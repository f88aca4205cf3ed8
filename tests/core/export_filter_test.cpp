// Table-driven tests of JudgeExportFilter (I13 in core/lifecycle.cpp): each row a GVM export's
// filter and paging as the importer reads them.
#include "core/export_filter.hpp"

#include <gtest/gtest.h>

#include "tests/core/case_name.hpp"

namespace ttmtrack::core {
namespace {

struct FilterCase {
  const char* name;
  std::optional<ResultFilter> filter;
  ExportedDetections detections;
  Knowledge expected;
  const char* basis;  // the whole basis
};

// A GSA-style export of 8 results: "apply_overrides=0 min_qod=70 levels=hml rows=100 first=1".
ResultFilter Gsa() {
  ResultFilter f;
  f.term = "apply_overrides=0 min_qod=70 levels=hml rows=100 first=1";
  f.min_qod = 70;
  f.levels = "hml";
  f.apply_overrides = false;
  f.first = 1;
  f.rows = 100;
  f.results_in_export = 8;
  return f;
}

template <typename F>
ResultFilter With(ResultFilter f, F change) {
  change(f);
  return f;
}

const ExportedDetections kNone{};
const ExportedDetections kConfirmedSeenAt80{{true, 80}, {}};
const ExportedDetections kConfirmedSeenAt50{{true, 50}, {}};
const ExportedDetections kBothTiersSeen{{true, 80}, {true, 75}};

class ExportFilterTest : public ::testing::TestWithParam<FilterCase> {};

TEST_P(ExportFilterTest, JudgesWhetherTheExportCouldShowTheDetection) {
  const FilterCase& c = GetParam();
  const Judgement j = JudgeExportFilter(c.filter, c.detections);
  EXPECT_EQ(j.value, c.expected) << j.basis;
  EXPECT_EQ(j.basis, c.basis);
}

const FilterCase kFilterCases[] = {
    // No filter stated (Nessus, or a GVM report without <filters>): taken as complete.
    {"NoFilterFactsSayNothing", std::nullopt, kNone, Knowledge::kUnknown, ""},
    // Greenbone's default min_qod=70 hides both plugins: the confirmed QoD 50, the unconfirmed
    // listener's QoD 30.
    {"DefaultMinQodHidesThePlugin", Gsa(), kNone, Knowledge::kNo,
     "the export's filter min_qod=70 hides results below QoD 70; the ttm_cmd plugin reports at "
     "QoD 50 and the unconfirmed-listener plugin at QoD 30"},
    // Tier-aware: min_qod between 31 and 50 lets confirmed results through but hides an
    // unconfirmed listener, which counts as a detection, so the export's silence proves nothing.
    {"MinQodAtTheConfirmedPluginsQodHidesTheUnconfirmedTier",
     With(Gsa(), [](auto& f) { f.min_qod = 50; }), kNone, Knowledge::kNo,
     "the export's filter min_qod=50 hides results below QoD 50; the unconfirmed-listener plugin "
     "reports at QoD 30"},
    {"MinQod40HidesTheUnconfirmedTier", With(Gsa(), [](auto& f) { f.min_qod = 40; }), kNone,
     Knowledge::kNo,
     "the export's filter min_qod=40 hides results below QoD 40; the unconfirmed-listener plugin "
     "reports at QoD 30"},
    {"MinQodAtTheUnconfirmedPluginsQodShowsBothTiers", With(Gsa(), [](auto& f) { f.min_qod = 30; }),
     kNone, Knowledge::kYes,
     "the export holds 8 results, fewer than its page size rows=100; the export's filter "
     "levels=hml includes Medium; the export's filter min_qod=30 lets the ttm_cmd plugin's QoD 50 "
     "and the unconfirmed-listener plugin's QoD 30 through"},
    {"ZeroMinQodShowsIt", With(Gsa(), [](auto& f) { f.min_qod = 0; }), kNone, Knowledge::kYes,
     "the export holds 8 results, fewer than its page size rows=100; the export's filter "
     "levels=hml includes Medium; the export's filter min_qod=0 lets the ttm_cmd plugin's QoD 50 "
     "and the unconfirmed-listener plugin's QoD 30 through"},
    {"LevelsWithoutMediumHideIt",
     With(Gsa(),
          [](auto& f) {
            f.min_qod = 30;
            f.levels = "hl";
          }),
     kNone, Knowledge::kNo,
     "the export's filter levels=hl leaves out Medium results; the ttm_cmd plugin reports at "
     "Medium"},
    // A confirmed result settles levels and its own tier's QoD only: min_qod=70 still hides the
    // unconfirmed listener's QoD 30.
    {"AConfirmedDetectionInTheExportDoesNotSettleTheUnconfirmedTier", Gsa(), kConfirmedSeenAt80,
     Knowledge::kNo,
     "the export's filter min_qod=70 hides results below QoD 70; the unconfirmed-listener plugin "
     "reports at QoD 30"},
    {"AConfirmedDetectionAtQod50ProvesMinQodAtMost50NotAtMost30",
     With(Gsa(), [](auto& f) { f.min_qod = 40; }), kConfirmedSeenAt50, Knowledge::kNo,
     "the export's filter min_qod=40 hides results below QoD 40; the unconfirmed-listener plugin "
     "reports at QoD 30"},
    {"AConfirmedDetectionWithMinQod30ShowsIt", With(Gsa(), [](auto& f) { f.min_qod = 30; }),
     kConfirmedSeenAt50, Knowledge::kYes,
     "the export holds 8 results, fewer than its page size rows=100; the export shows c564e5ab "
     "results of tier confirmed (QoD 50), so its filter lets them through; the export's filter "
     "min_qod=30 lets the unconfirmed-listener plugin's QoD 30 through"},
    // Results of both tiers in the export: the filter evidently lets both through (a site that
    // re-numbered the plugins at other QoDs).
    {"DetectionsOfBothTiersInTheExportSettleQodAndLevels", Gsa(), kBothTiersSeen, Knowledge::kYes,
     "the export holds 8 results, fewer than its page size rows=100; the export shows c564e5ab "
     "results of tier confirmed (QoD 80) and unconfirmed (QoD 75), so its filter lets them "
     "through"},
    // ... but not paging: another page may hold the exposure.
    {"ADetectionDoesNotSettleAPage",
     With(Gsa(),
          [](auto& f) {
            f.rows = 8;
            f.filtered_count = 20;
          }),
     kBothTiersSeen, Knowledge::kNo,
     "the export holds 8 of the 20 results its filter matched: it is one page of the report "
     "(first=1 rows=8)"},
    {"FewerResultsThanFilteredIsAPage",
     With(Gsa(),
          [](auto& f) {
            f.min_qod = 0;
            f.filtered_count = 120;
          }),
     kNone, Knowledge::kNo,
     "the export holds 8 of the 120 results its filter matched: it is one page of the report "
     "(first=1 rows=100)"},
    // gvmd ignores first/rows for downloads (ignore_pagination): the count says it is whole.
    {"AllFilteredResultsPresentIsWholeWhateverTheRows",
     With(Gsa(),
          [](auto& f) {
            f.min_qod = 0;
            f.rows = 5;
            f.first = 6;
            f.filtered_count = 8;
            f.full_count = 11;
          }),
     kNone, Knowledge::kYes,
     "the export holds all 8 results its filter matched; the export's filter levels=hml includes "
     "Medium; the export's filter min_qod=0 lets the ttm_cmd plugin's QoD 50 and the "
     "unconfirmed-listener plugin's QoD 30 through"},
    {"AsManyResultsAsRowsWithoutACountMayBeCut",
     With(Gsa(),
          [](auto& f) {
            f.min_qod.reset();
            f.levels.reset();
            f.rows = 8;
          }),
     kNone, Knowledge::kNo,
     "the export holds 8 results, as many as its page size rows=8, and states no result count: "
     "later results may be cut off"},
    {"ALaterPageWithoutACountMissesEarlierResults",
     With(Gsa(),
          [](auto& f) {
            f.min_qod.reset();
            f.first = 51;
          }),
     kNone, Knowledge::kNo,
     "the export is a page starting at result 51 (first=51): the results before it are not in "
     "it"},
    {"NoRowLimitIsNoPage",
     With(Gsa(),
          [](auto& f) {
            f.min_qod.reset();
            f.rows = -1;
            f.results_in_export = 500;
          }),
     kNone, Knowledge::kYes, "the export's filter levels=hml includes Medium"},
    // The corpus's OpenVAS 7 export: "levels=hmlg ... first=1 rows=50", 8 results, no QoD yet.
    {"OpenVas7CorpusFilterShowsIt",
     [] {
       ResultFilter f;
       f.levels = "hmlg";
       f.apply_overrides = true;
       f.first = 1;
       f.rows = 50;
       f.results_in_export = 8;
       return f;
     }(),
     kNone, Knowledge::kYes,
     "the export holds 8 results, fewer than its page size rows=50; the export's filter "
     "levels=hmlg includes Medium"},
    {"AFilterStatingNothingRestrictiveShowsIt", ResultFilter{}, kNone, Knowledge::kYes,
     "the export's filter states nothing that hides results"},
};

INSTANTIATE_TEST_SUITE_P(Cases, ExportFilterTest, ::testing::ValuesIn(kFilterCases),
                         testing::CaseName<FilterCase>);

}  // namespace
}  // namespace ttmtrack::core
