#include <filesystem>

#include <gtest/gtest.h>

#include "core/export_filter.hpp"
#include "core/plugin_enablement.hpp"
#include "test_support.hpp"
#include "tests/support/prerequisite.hpp"

namespace ttmtrack::importer {
namespace {

using testing::CorpusDir;
using testing::RecordingSink;

// Real exports published by other projects (../shared/corpus/SOURCES.md). Skipped when the
// corpus is not beside the clone (failed instead when CI=true).
class CorpusTest : public ::testing::Test {
 protected:
  void SetUp() override {
    TTMTRACK_REQUIRE(
        std::filesystem::is_directory(CorpusDir()),
        "no real-export corpus at " << CorpusDir().string() << " (README: the real-export corpus)");
  }

  static RecordingSink ImportCorpus(const std::string& relative) {
    RecordingSink sink;
    ReadExport((CorpusDir() / relative).string(), {}, sink);
    return sink;
  }
};

TEST_F(CorpusTest, EveryNessusAndOpenvasExportImportsWithoutError) {
  int files = 0;
  for (const char* folder : {"nessus", "openvas"}) {
    for (const auto& entry : std::filesystem::directory_iterator(CorpusDir() / folder)) {
      SCOPED_TRACE(entry.path().string());
      RecordingSink sink;
      EXPECT_NO_THROW(ReadExport(entry.path().string(), {}, sink));
      ASSERT_FALSE(sink.calls.empty());
      EXPECT_EQ(sink.calls.front(), "BeginScan");
      EXPECT_EQ(sink.calls.back(), "EndScan");
      ++files;
    }
  }
  EXPECT_GE(files, 7);
}

// Counts: xmllint --xpath 'count(//ReportHost)' FILE and 'count(//ReportItem)' FILE; the
// plugin_set sizes: xmllint --xpath 'string(//preference[name="plugin_set"]/value)' FILE |
// tr ';' '\n' | grep . | sort -u | wc -l.
TEST_F(CorpusTest, NessusReportLocal3HasThreeHostsAnd106Results) {
  const RecordingSink sink = ImportCorpus("nessus/nessus_report_local_3.nessus");
  EXPECT_EQ(sink.hosts.size(), 3u);
  EXPECT_EQ(sink.results.size(), 106u);
  EXPECT_EQ(sink.end->policy_name, "pci");
  EXPECT_EQ(sink.end->scanner_version, "5.2.4");
  ASSERT_TRUE(sink.coverage->enabled_plugin_ids);
  EXPECT_EQ(sink.coverage->enabled_plugin_ids->size(), 17098u);
  EXPECT_EQ(sink.coverage->enabled_plugin_ids->front(), "10001");
  EXPECT_EQ(sink.coverage->port_range, "1-65535");
  // xmllint --xpath 'string(//ReportHost[1]/HostProperties/tag[@name="host-ip"])'
  EXPECT_EQ(sink.hosts[0].ip, "192.168.2.104");
  // HOST_START "Thu Mar 20 00:30:57 2014", read as UTC (the default offset).
  EXPECT_EQ(sink.hosts[0].started_at, 1395275457);
  EXPECT_EQ(sink.hosts[0].completion, core::HostCompletion::kCompleted);
}

TEST_F(CorpusTest, NessusReportLocal2HasOneHostAnd62Results) {
  const RecordingSink sink = ImportCorpus("nessus/nessus_report_local2.nessus");
  EXPECT_EQ(sink.hosts.size(), 1u);
  EXPECT_EQ(sink.results.size(), 62u);
  EXPECT_EQ(sink.end->policy_name, "Internal Network Scan");
  EXPECT_EQ(sink.coverage->enabled_plugin_ids->size(), 58735u);
  EXPECT_EQ(sink.coverage->port_range, "default");
}

TEST_F(CorpusTest, NessusTestLocalHasTwoHostsAnd147Results) {
  const RecordingSink sink = ImportCorpus("nessus/nessus_report_test_local.nessus");
  EXPECT_EQ(sink.hosts.size(), 2u);
  EXPECT_EQ(sink.results.size(), 147u);
  EXPECT_EQ(sink.coverage->enabled_plugin_ids->size(), 58665u);
}

TEST_F(CorpusTest, RubyNessusExampleHasOneHostAnd155Results) {
  const RecordingSink sink = ImportCorpus("nessus/ruby-nessus_example_v3.nessus");
  EXPECT_EQ(sink.hosts.size(), 1u);
  EXPECT_EQ(sink.results.size(), 155u);
  EXPECT_EQ(sink.coverage->enabled_plugin_ids->size(), 60719u);
}

TEST_F(CorpusTest, ForgedReportWithEmptyPluginSetKeepsFamiliesAndIndividualSelectionApart) {
  const RecordingSink sink = ImportCorpus("nessus/nessus_forgedReport_ReportItem.nessus");
  EXPECT_EQ(sink.hosts.size(), 1u);
  EXPECT_EQ(sink.results.size(), 5u);
  // Its <preference><name>plugin_set</name></preference> has no value: no complete list.
  EXPECT_FALSE(sink.coverage->enabled_plugin_ids.has_value());
  // xmllint --xpath 'count(//IndividualPluginSelection/PluginItem[Status="enabled"])' gives 3,
  // all of the mixed family "Port scanners".
  ASSERT_TRUE(sink.coverage->individual_plugins.has_value());
  ASSERT_EQ(sink.coverage->individual_plugins->size(), 3u);
  for (const core::PluginSelectionItem& item : *sink.coverage->individual_plugins) {
    EXPECT_EQ(item.family, "Port scanners");
    EXPECT_TRUE(item.enabled);
  }
  // xmllint --xpath 'count(//FamilyItem[Status="enabled"])' and [Status="disabled"].
  EXPECT_EQ(sink.coverage->enabled_families.size(), 46u);
  EXPECT_EQ(sink.coverage->disabled_families.size(), 0u);
  EXPECT_EQ(sink.coverage->mixed_families, std::vector<std::string>{"Port scanners"});
  EXPECT_EQ(sink.coverage->port_range, "1-65535");
}

// The case the importer's first design got wrong: the individual selection lists three port
// scanners of a mixed family, while "Service detection" (the ttm_cmd plugin's family) is
// enabled as a whole. The plugin was enabled.
TEST_F(CorpusTest, ForgedReportCountsThePluginOfAnEnabledFamilyAsEnabled) {
  const RecordingSink sink = ImportCorpus("nessus/nessus_forgedReport_ReportItem.nessus");
  const core::Judgement j = core::JudgePluginEnabled(*sink.coverage, core::ScanFormat::kNessusV2,
                                                     core::DefaultRules(), false);
  EXPECT_EQ(j.value, core::Knowledge::kYes);
  EXPECT_EQ(j.basis, "the plugin family \"Service detection\" of 9564501 is enabled");
}

// xmllint --xpath 'count(/report/report/results/result)' gives 6; count(//result) gives 8
// because two results carry a nested <detection><result>, which is not a result of the scan.
TEST_F(CorpusTest, OpenvasV7HasSixResultsAndNoHostElements) {
  const RecordingSink sink = ImportCorpus("openvas/dradis_report_v7.xml");
  EXPECT_EQ(sink.results.size(), 6u);
  EXPECT_EQ(sink.hosts.size(), 0u);
  EXPECT_EQ(sink.end->scan_name, "10.10.10.10");
  EXPECT_EQ(sink.end->run_status, "Done");
  EXPECT_EQ(sink.end->started_at, 1411185333);  // 2014-09-20T03:55:33Z
  EXPECT_EQ(sink.results[0].port, 1443);
  EXPECT_EQ(sink.results[0].plugin_id, "1.3.6.1.4.1.25623.1.0.105042");
  EXPECT_EQ(sink.results[0].severity, 2);
}

// Line 17: <filters id="0">hmlg<term>sort-reverse=severity result_hosts_only=1 min_cvss_base=
// levels=hmlg autofp=0 notes=1 overrides=1 first=1 rows=50 delta_states=gn</term>...
// <apply_overrides>1</apply_overrides>...</filters>, and <results max="50" start="1">. OpenVAS 7
// had no QoD, so no min_qod; no <result_count>.
TEST_F(CorpusTest, OpenvasV7FilterIsAFirstPageOfFiftyRowsHoldingAllSixResults) {
  const RecordingSink sink = ImportCorpus("openvas/dradis_report_v7.xml");
  ASSERT_TRUE(sink.coverage->result_filter.has_value());
  const core::ResultFilter& f = *sink.coverage->result_filter;
  EXPECT_EQ(f.term,
            "sort-reverse=severity result_hosts_only=1 min_cvss_base= levels=hmlg autofp=0 "
            "notes=1 overrides=1 first=1 rows=50 delta_states=gn");
  EXPECT_EQ(f.levels, "hmlg");
  EXPECT_EQ(f.rows, 50);
  EXPECT_EQ(f.first, 1);
  EXPECT_EQ(f.apply_overrides, true);
  EXPECT_FALSE(f.min_qod.has_value());
  EXPECT_FALSE(f.filtered_count.has_value());
  EXPECT_EQ(f.results_in_export, 6);
  // Six results on a page of fifty: the export is whole, and Medium results are let in.
  const core::Judgement j = core::JudgeExportFilter(f, {});
  EXPECT_EQ(j.value, core::Knowledge::kYes) << j.basis;
}

TEST_F(CorpusTest, OpenvasV24OmpPortIsSplitIntoServiceAndNumber) {
  const RecordingSink sink = ImportCorpus("openvas/dradis_report_v24.xml");
  ASSERT_EQ(sink.results.size(), 1u);
  const core::ResultRecord& r = sink.results[0];
  EXPECT_EQ(r.host_ip, "188.111.11.85");
  EXPECT_EQ(r.host_name, "www.google.com");
  EXPECT_EQ(r.port, 80);
  EXPECT_EQ(r.protocol, "tcp");
  EXPECT_EQ(r.service_name, "http");
  EXPECT_EQ(r.severity, 2);
  EXPECT_EQ(r.output.rfind("Summary:\n A weakness", 0), 0u);
}

TEST_F(CorpusTest, BrokenExampleIsRejectedAtLine1488) {
  const Error e = testing::ImportError(
      (CorpusDir() / "invalid/ruby-nessus_spec_example_v2_broken.nessus").string());
  EXPECT_EQ(e.kind(), Error::Kind::kBadInput);
  EXPECT_EQ(e.context().line, 1488);
  EXPECT_EQ(e.context().column, 34);
  EXPECT_EQ(e.message(), "malformed XML: StartTag: invalid element name");
}

TEST_F(CorpusTest, WrongVersionRootIsAnUnsupportedFormat) {
  const Error e =
      testing::ImportError((CorpusDir() / "invalid/ruby-nessus_example_v_wrong.nessus").string());
  EXPECT_EQ(e.kind(), Error::Kind::kBadInput);
  EXPECT_EQ(e.context().line, 2);
  EXPECT_EQ(e.message(),
            "unsupported format: root element <NessusClientData_vwrong>; expected "
            "NessusClientData_v2, report or get_reports_response");
}

}  // namespace
}  // namespace ttmtrack::importer
