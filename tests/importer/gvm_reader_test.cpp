#include <gtest/gtest.h>

#include "test_support.hpp"

namespace ttmtrack::importer {
namespace {

using testing::Import;
using testing::RecordingSink;

class GvmReaderTest : public ::testing::Test {};

TEST_F(GvmReaderTest, BareReportGivesScanResultsBeforeHostAndNoScanConfiguration) {
  const RecordingSink sink = Import("gvm/bare-report.xml");
  EXPECT_EQ(sink.calls, (std::vector<std::string>{"BeginScan", "Result", "Result", "Result", "Host",
                                                  "EndScan"}));
  ASSERT_TRUE(sink.begin && sink.end && sink.coverage);
  EXPECT_EQ(sink.begin->format, core::ScanFormat::kGvm);
  EXPECT_EQ(sink.begin->scanner, "OpenVAS");
  EXPECT_EQ(sink.begin->scan_name, "TTM weekly");
  EXPECT_EQ(sink.begin->report_id, "0b6a1e1c-3c52-4d8e-9f55-6f2c3a1d0001");
  EXPECT_EQ(sink.begin->run_status, "Done");
  EXPECT_EQ(sink.end->scanner_version, "GMP 22.4");
  EXPECT_EQ(sink.end->started_at, 1710078612);  // 2024-03-10T13:50:12Z
  EXPECT_EQ(sink.end->ended_at, 1710079380);    // 2024-03-10T14:03:00Z
  EXPECT_FALSE(sink.coverage->enabled_plugin_ids.has_value());
  EXPECT_FALSE(sink.coverage->port_range.has_value());
  EXPECT_TRUE(sink.coverage->enabled_families.empty());
  // No <filters>, but <results start="1" max="100"> states the paging.
  ASSERT_TRUE(sink.coverage->result_filter.has_value());
  EXPECT_EQ(sink.coverage->result_filter->first, 1);
  EXPECT_EQ(sink.coverage->result_filter->rows, 100);
  EXPECT_EQ(sink.coverage->result_filter->results_in_export, 3);
  EXPECT_EQ(sink.coverage->result_filter->term, "");
  EXPECT_FALSE(sink.coverage->result_filter->min_qod.has_value());
}

// A GSA download with Greenbone's default filter: the term and its keyword list agree.
TEST_F(GvmReaderTest, FilterTermCountsAndQodAreRead) {
  const RecordingSink sink = Import("gvm/filter-min-qod-70.xml");
  ASSERT_TRUE(sink.coverage && sink.coverage->result_filter);
  const core::ResultFilter& f = *sink.coverage->result_filter;
  EXPECT_EQ(f.term,
            "apply_overrides=0 min_qod=70 levels=hml rows=100 first=1 sort-reverse=severity");
  EXPECT_EQ(f.min_qod, 70);
  EXPECT_EQ(f.levels, "hml");
  EXPECT_EQ(f.apply_overrides, false);
  EXPECT_EQ(f.first, 1);
  EXPECT_EQ(f.rows, 100);
  EXPECT_EQ(f.full_count, 5);
  EXPECT_EQ(f.filtered_count, 2);  // not the per-level <warning><filtered>1</filtered>
  EXPECT_EQ(f.results_in_export, 2);
  ASSERT_EQ(sink.results.size(), 2u);
  EXPECT_EQ(sink.results[0].qod, 80);
  EXPECT_FALSE(sink.results[1].qod.has_value());  // "not-a-number" states nothing
}

// OMP era: levels as the text before <term>, min_qod as an element, the page in both the term
// and <results start= max=>.
TEST_F(GvmReaderTest, OmpEraFilterElementsFillWhatTheTermDoesNotSay) {
  const RecordingSink sink = Import("gvm/paginated-omp-report.xml");
  ASSERT_TRUE(sink.coverage && sink.coverage->result_filter);
  const core::ResultFilter& f = *sink.coverage->result_filter;
  EXPECT_EQ(f.levels, "hmld");
  EXPECT_EQ(f.min_qod, 30);
  EXPECT_EQ(f.apply_overrides, true);
  EXPECT_EQ(f.first, 3);
  EXPECT_EQ(f.rows, 2);
  EXPECT_EQ(f.full_count, 7);
  EXPECT_EQ(f.filtered_count, 6);
  EXPECT_EQ(f.results_in_export, 2);
  EXPECT_EQ(sink.results[0].qod, 98);
}

TEST_F(GvmReaderTest, FilterKeywordsAloneAreRead) {
  const RecordingSink sink = Import("gvm/filter-keywords-only.xml");
  ASSERT_TRUE(sink.coverage && sink.coverage->result_filter);
  const core::ResultFilter& f = *sink.coverage->result_filter;
  EXPECT_EQ(f.term, "");
  EXPECT_EQ(f.min_qod, 40);   // column names compare ignoring case; quotes dropped
  EXPECT_EQ(f.levels, "hl");  // lower-cased
  EXPECT_EQ(f.rows, -1);      // every result
  EXPECT_FALSE(f.first.has_value());
  EXPECT_EQ(f.results_in_export, 1);
}

TEST_F(GvmReaderTest, ReportWithoutFilterPagingOrCountsStatesNoFilter) {
  const RecordingSink sink = Import("gvm/interrupted-scan.xml");
  ASSERT_TRUE(sink.coverage);
  EXPECT_FALSE(sink.coverage->result_filter.has_value());
}

// The response's own <filters> and counts page the list of reports, not the results.
TEST_F(GvmReaderTest, ResponseLevelFilterIsNotTheReportsFilter) {
  const RecordingSink sink = Import("gvm/get-reports-response-list-filter.xml");
  ASSERT_TRUE(sink.coverage);
  EXPECT_FALSE(sink.coverage->result_filter.has_value());
  EXPECT_EQ(sink.results.size(), 1u);
}

TEST_F(GvmReaderTest, ResultFieldsComeFromHostPortNvtThreatAndDescription) {
  const RecordingSink sink = Import("gvm/bare-report.xml");
  ASSERT_EQ(sink.results.size(), 3u);
  const core::ResultRecord& ttm = sink.results[0];
  EXPECT_EQ(ttm.host_ip, "192.0.2.10");
  EXPECT_EQ(ttm.host_name, "trader01.example.com");
  EXPECT_EQ(ttm.port, 5010);
  EXPECT_EQ(ttm.protocol, "tcp");
  EXPECT_EQ(ttm.plugin_id, "1.3.6.1.4.1.32473.564.1");
  EXPECT_EQ(ttm.plugin_name, "Trading Technologies Messaging ttm_cmd Listener Detection");
  EXPECT_EQ(ttm.plugin_family, "Service detection");
  EXPECT_EQ(ttm.severity, 2);
  EXPECT_EQ(ttm.severity_label, "Medium");
  EXPECT_EQ(ttm.output, "banner: TTM/3.2 ready");
  EXPECT_EQ(ttm.line, 15);

  EXPECT_EQ(sink.results[1].port, 0);  // general/tcp
  EXPECT_EQ(sink.results[1].protocol, "tcp");
  EXPECT_EQ(sink.results[1].service_name, "general");
  EXPECT_EQ(sink.results[1].severity, 0);  // Log
  EXPECT_EQ(sink.results[2].port, 0);      // package
  EXPECT_EQ(sink.results[2].protocol, "");
  EXPECT_EQ(sink.results[2].service_name, "package");
  EXPECT_EQ(sink.results[2].severity, 3);  // High, although 9.8
}

TEST_F(GvmReaderTest, ReportLevelHostGivesTimesDetailsAndOpenPorts) {
  const RecordingSink sink = Import("gvm/bare-report.xml");
  ASSERT_EQ(sink.hosts.size(), 1u);
  const core::HostRecord& host = sink.hosts[0];
  EXPECT_EQ(host.ip, "192.0.2.10");
  EXPECT_EQ(host.fqdn, "trader01.example.com");
  EXPECT_EQ(host.os, "Debian GNU/Linux 11");  // best_os_txt over best_os_cpe
  EXPECT_EQ(host.mac, "00:16:3E:12:34:56");
  EXPECT_EQ(host.started_at, 1710078615);
  EXPECT_EQ(host.ended_at, 1710079360 - 3600);  // 14:02:40+01:00 is 13:02:40Z
  EXPECT_EQ(host.completion, core::HostCompletion::kCompleted);
  EXPECT_EQ(host.open_tcp_ports, (std::vector<std::uint16_t>{22, 443, 5010}));
}

TEST_F(GvmReaderTest, DownloadedFormWithInnerReportIgnoresDeltaAndDetectionResults) {
  const RecordingSink sink = Import("gvm/downloaded-report.xml");
  ASSERT_EQ(sink.results.size(), 1u);  // not the detection or delta sub-results
  EXPECT_EQ(sink.results[0].host_ip, "198.51.100.20");
  EXPECT_EQ(sink.begin->scan_name, "Nightly exchange network");
  EXPECT_EQ(sink.begin->report_id, "5e1c0000-0000-4000-8000-00000000d0c5");
  EXPECT_EQ(sink.begin->started_at, 1710136805);  // 08:00:05+02:00
  ASSERT_EQ(sink.hosts.size(), 1u);               // not the <host/> of the scan's slave
  EXPECT_EQ(sink.hosts[0].ip, "198.51.100.20");
}

TEST_F(GvmReaderTest, GetReportsResponseWrapperGivesTheSameRecords) {
  const RecordingSink plain = Import("gvm/downloaded-report.xml");
  const RecordingSink wrapped = Import("gvm/get-reports-response.xml");
  EXPECT_EQ(wrapped.calls, plain.calls);
  EXPECT_EQ(wrapped.end->scan_name, plain.end->scan_name);
  EXPECT_EQ(wrapped.end->ended_at, plain.end->ended_at);
  EXPECT_EQ(wrapped.results[0].plugin_id, plain.results[0].plugin_id);
}

TEST_F(GvmReaderTest, GetReportsResponseAroundBareOmpReport) {
  const RecordingSink sink = Import("gvm/get-reports-response-bare.xml");
  EXPECT_EQ(sink.end->run_status, "Stopped");
  EXPECT_EQ(sink.end->scanner_version, "OMP 7.0");
  EXPECT_EQ(sink.end->started_at, 1411185333);  // ctime-style, read as UTC
  ASSERT_EQ(sink.results.size(), 1u);
  EXPECT_EQ(sink.results[0].port, 10200);
}

TEST_F(GvmReaderTest, GmpErrorResponseIsRejected) {
  const Error e = testing::ImportError(testing::DataPath("gvm/get-reports-response-error.xml"));
  EXPECT_EQ(e.kind(), Error::Kind::kBadInput);
  EXPECT_EQ(e.message(),
            "the GMP response reports an error: status 404 (Failed to find report 'bogus')");
}

TEST_F(GvmReaderTest, ResponseWithoutReportIsRejected) {
  RecordingSink sink;
  const Error e =
      testing::ImportError(testing::DataPath("gvm/get-reports-response-without-report.xml"), &sink);
  EXPECT_EQ(e.message(),
            "a GMP response without a report, not a scan: <get_reports_response> holds no "
            "<report> (a report ID that matched nothing, or a filter that left no report?); "
            "nothing imported");
  EXPECT_EQ(std::count(sink.calls.begin(), sink.calls.end(), "EndScan"), 0);
}

TEST_F(GvmReaderTest, UnreadableHostTimeLeavesTheHostsTimesUnknownAndSaysWhy) {
  const RecordingSink sink = Import("gvm/unreadable-host-time.xml");
  ASSERT_EQ(sink.hosts.size(), 2u);
  EXPECT_EQ(sink.hosts[0].started_at, std::nullopt);
  EXPECT_EQ(sink.hosts[0].ended_at, std::nullopt);
  EXPECT_EQ(sink.hosts[0].completion, core::HostCompletion::kUnknown);
  EXPECT_EQ(sink.hosts[0].unreadable_time,
            "host end \"when the coffee was ready\" is not a time: neither ctime (such as \"Thu "
            "Jan  1 10:00:00 2026\") nor ISO 8601 (such as 2026-01-05T10:00:00Z) (line 20)");
  EXPECT_EQ(sink.hosts[1].unreadable_time, "");
  EXPECT_EQ(sink.hosts[1].completion, core::HostCompletion::kCompleted);
  EXPECT_EQ(sink.calls.back(), "EndScan");
}

TEST_F(GvmReaderTest, InterruptedScanHostsWithoutEndAreIncomplete) {
  const RecordingSink sink = Import("gvm/interrupted-scan.xml");
  EXPECT_EQ(sink.end->run_status, "Interrupted");
  EXPECT_FALSE(sink.end->ended_at.has_value());  // <scan_end></scan_end>
  ASSERT_EQ(sink.hosts.size(), 3u);
  EXPECT_EQ(sink.hosts[0].completion, core::HostCompletion::kIncomplete);  // <end></end>
  EXPECT_EQ(sink.hosts[1].completion, core::HostCompletion::kIncomplete);  // no <end>
  EXPECT_EQ(sink.hosts[2].completion, core::HostCompletion::kCompleted);
  EXPECT_EQ(sink.results[0].protocol, "icmp");
}

TEST_F(GvmReaderTest, OmpEraPortIpv6HostAndHostNames) {
  const RecordingSink sink = Import("gvm/omp-era-port-and-ipv6.xml");
  ASSERT_EQ(sink.results.size(), 2u);
  EXPECT_EQ(sink.results[0].host_ip, "2001:db8::5");
  EXPECT_EQ(sink.results[0].host_name, "v6.example.org");
  EXPECT_EQ(sink.results[0].port, 5010);
  EXPECT_EQ(sink.results[0].protocol, "tcp");
  EXPECT_EQ(sink.results[0].service_name, "ttm_cmd");
  EXPECT_EQ(sink.results[0].output, "v6 listener \u2014 caf\u00e9");
  EXPECT_EQ(sink.results[1].host_ip, "");  // a name, not an address
  EXPECT_EQ(sink.results[1].host_name, "web.example.org");
  EXPECT_EQ(sink.results[1].protocol, "cpe-t");
  EXPECT_EQ(sink.results[1].severity_label, "Debug");
}

TEST_F(GvmReaderTest, Ipv4MappedHostsAreTheirIpv4Host) {
  const RecordingSink sink = Import("gvm/ipv4-mapped-hosts.xml");
  ASSERT_EQ(sink.results.size(), 1u);
  ASSERT_EQ(sink.hosts.size(), 1u);
  EXPECT_EQ(sink.results[0].host_ip, "192.0.2.38");
  EXPECT_EQ(sink.results[0].host_name, "gw.example.org");
  EXPECT_EQ(sink.hosts[0].ip, "192.0.2.38");
  EXPECT_EQ(sink.hosts[0].name, "192.0.2.38");
}

TEST_F(GvmReaderTest, SeverityFallsBackToNumberWhenThreatIsMissing) {
  const RecordingSink sink = Import("gvm/severity-without-threat.xml");
  std::vector<int> levels;
  std::vector<std::string> labels;
  for (const auto& r : sink.results) {
    levels.push_back(r.severity);
    labels.push_back(r.severity_label);
  }
  EXPECT_EQ(levels, (std::vector<int>{3, 2, 1, 0, 4, 0}));
  EXPECT_EQ(labels,
            (std::vector<std::string>{"9.8", "4.0", "0.1", "0.0", "Critical", "False Positive"}));
}

TEST_F(GvmReaderTest, GzipReportIsRead) {
  const RecordingSink sink = Import("gvm/bare-report.xml.gz");
  EXPECT_TRUE(sink.begin->gzip);
  EXPECT_EQ(sink.results.size(), 3u);
  EXPECT_EQ(sink.hosts.size(), 1u);
}

TEST_F(GvmReaderTest, UnparseableResultPortIsRejectedWithLineAndHost) {
  const Error e = testing::ImportError(testing::DataPath("gvm/bad-port.xml"));
  EXPECT_EQ(e.context().line, 3);
  EXPECT_EQ(e.context().host, "192.0.2.5");
  EXPECT_NE(e.message().find("result port \"99999/tcp\" is not a port"), std::string::npos);
}

TEST_F(GvmReaderTest, UnparseableScanTimeIsRejected) {
  const Error e = testing::ImportError(testing::DataPath("gvm/bad-scan-start.xml"));
  EXPECT_EQ(e.context().line, 2);
  EXPECT_NE(e.message().find("scan_start \"the tenth of March\" is not a time"), std::string::npos);
}

}  // namespace
}  // namespace ttmtrack::importer
