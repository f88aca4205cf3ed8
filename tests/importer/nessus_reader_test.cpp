#include <algorithm>

#include <gtest/gtest.h>

#include "test_support.hpp"

namespace ttmtrack::importer {
namespace {

using testing::Import;
using testing::RecordingSink;

class NessusReaderTest : public ::testing::Test {};

TEST_F(NessusReaderTest, ReadsScanHostAndEveryResultInContractOrder) {
  const RecordingSink sink = Import("nessus/policy-plugin-set-and-port-range.nessus");
  const std::vector<std::string> expected_calls = {"BeginScan", "Host",   "Result",
                                                   "Result",    "Result", "EndScan"};
  EXPECT_EQ(sink.calls, expected_calls);
  ASSERT_TRUE(sink.begin && sink.end);
  EXPECT_EQ(sink.begin->scanner, "Nessus");
  EXPECT_EQ(sink.begin->format, core::ScanFormat::kNessusV2);
  EXPECT_EQ(sink.begin->scan_name, "Weekly TTM sweep 2024-03-10");
  EXPECT_EQ(sink.begin->policy_name, "Weekly TTM sweep");
  EXPECT_EQ(sink.begin->sha256, "");  // known only once the whole file is read
  EXPECT_FALSE(sink.begin->gzip);
  // `sha256sum`: of a plain file the XML and the file are the same bytes.
  EXPECT_EQ(sink.end->sha256, "36d031e024ccec72e5e7c7d1c1b2adb08241b170a13920af9f3942c43ea4f242");
  EXPECT_EQ(sink.end->file_sha256, sink.end->sha256);
  EXPECT_EQ(sink.end->scanner_version, "10.6.4");
  EXPECT_EQ(sink.end->started_at, 1710078807);
  EXPECT_EQ(sink.end->ended_at, 1710079502);
}

TEST_F(NessusReaderTest, FillsHostFromHostPropertiesPreferringEpochTags) {
  const RecordingSink sink = Import("nessus/policy-plugin-set-and-port-range.nessus");
  ASSERT_EQ(sink.hosts.size(), 1u);
  const core::HostRecord& host = sink.hosts[0];
  EXPECT_EQ(host.ip, "192.0.2.10");
  EXPECT_EQ(host.name, "192.0.2.10");
  EXPECT_EQ(host.fqdn, "trader01.example.com");
  EXPECT_EQ(host.netbios_name, "TRADER01");
  EXPECT_EQ(host.os, "Linux Kernel 5.10 on Debian 11");
  EXPECT_EQ(host.mac, "00:16:3e:12:34:56");
  // HOST_START_TIMESTAMP wins over the zone-less HOST_START string.
  EXPECT_EQ(host.started_at, 1710078807);
  EXPECT_EQ(host.ended_at, 1710079502);
  EXPECT_EQ(host.completion, core::HostCompletion::kCompleted);
  EXPECT_EQ(host.line, 39);
}

TEST_F(NessusReaderTest, FillsResultsVerbatimWithLowerCaseProtocol) {
  const RecordingSink sink = Import("nessus/policy-plugin-set-and-port-range.nessus");
  ASSERT_EQ(sink.results.size(), 3u);
  const core::ResultRecord& ttm = sink.results[1];
  EXPECT_EQ(ttm.host_ip, "192.0.2.10");
  EXPECT_EQ(ttm.port, 5010);
  EXPECT_EQ(ttm.protocol, "tcp");  // written "TCP" in the file
  EXPECT_EQ(ttm.service_name, "ttm_cmd");
  EXPECT_EQ(ttm.plugin_id, "9564501");
  EXPECT_EQ(ttm.plugin_name, "Trading Technologies Messaging ttm_cmd Listener Detection");
  EXPECT_EQ(ttm.plugin_family, "Service detection");
  EXPECT_EQ(ttm.severity, 2);
  EXPECT_EQ(ttm.severity_label, "2");
  EXPECT_EQ(ttm.output, "\nThe remote ttm_cmd listener answered:\n  banner : TTM/3.2 ready\n");
  EXPECT_EQ(ttm.line, 60);
  EXPECT_EQ(sink.results[0].plugin_id, "19506");
  EXPECT_EQ(sink.results[0].port, 0);
}

TEST_F(NessusReaderTest, PolicyPluginSetIsSortedUniqueAndPortRangeComesFromPolicy) {
  const RecordingSink sink = Import("nessus/policy-plugin-set-and-port-range.nessus");
  ASSERT_TRUE(sink.coverage && sink.coverage->enabled_plugin_ids);
  const std::vector<std::string> expected = {"10180", "11219", "19506", "22964", "9564501"};
  EXPECT_EQ(*sink.coverage->enabled_plugin_ids, expected);
  // The policy says 1-1024,5010,10200; plugin 19506 says "default": the policy wins.
  EXPECT_EQ(sink.coverage->port_range, "1-1024,5010,10200");
  EXPECT_EQ(sink.coverage->enabled_families, std::vector<std::string>{"Service detection"});
  EXPECT_EQ(sink.coverage->disabled_families, std::vector<std::string>{"Windows"});
}

TEST_F(NessusReaderTest, PortRangeFallsBackToScanInformationPlugin) {
  const RecordingSink sink = Import("nessus/scan-information-port-range.nessus");
  ASSERT_TRUE(sink.coverage);
  EXPECT_EQ(sink.coverage->port_range, "1-65535");
  EXPECT_EQ(sink.end->scanner_version, "8.9.0");
  EXPECT_EQ(sink.end->policy_name, "No port_range preference");
}

TEST_F(NessusReaderTest, IndividualPluginSelectionIsPassedOnBesideTheFamilies) {
  const RecordingSink sink = Import("nessus/individual-plugin-selection.nessus");
  ASSERT_TRUE(sink.coverage);
  // Without plugin_set there is no complete list: the individual items name only plugins of
  // mixed families, so they are not turned into one.
  EXPECT_FALSE(sink.coverage->enabled_plugin_ids.has_value());
  ASSERT_TRUE(sink.coverage->individual_plugins.has_value());
  const auto& items = *sink.coverage->individual_plugins;
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(items[0].plugin_id, "9564501");
  EXPECT_EQ(items[0].family, "Service detection");
  EXPECT_TRUE(items[0].enabled);
  EXPECT_EQ(items[1].plugin_id, "22964");
  EXPECT_FALSE(items[1].enabled);
  EXPECT_EQ(items[2].plugin_id, "10107");
  EXPECT_TRUE(items[2].enabled);
  EXPECT_EQ(sink.coverage->enabled_families, std::vector<std::string>{"Settings"});
  EXPECT_TRUE(sink.coverage->disabled_families.empty());
  EXPECT_EQ(sink.coverage->mixed_families, std::vector<std::string>{"Service detection"});
  EXPECT_EQ(sink.coverage->port_range, "all");
}

TEST_F(NessusReaderTest, PolicyWithoutIndividualSelectionHasNone) {
  const RecordingSink sink = Import("nessus/policy-plugin-set-and-port-range.nessus");
  ASSERT_TRUE(sink.coverage);
  EXPECT_FALSE(sink.coverage->individual_plugins.has_value());
  EXPECT_EQ(sink.coverage->mixed_families, std::vector<std::string>{"General"});
}

TEST_F(NessusReaderTest, EmptyReportGivesScanWithoutHosts) {
  const RecordingSink sink = Import("nessus/empty-report.nessus");
  EXPECT_EQ(sink.calls, (std::vector<std::string>{"BeginScan", "EndScan"}));
  EXPECT_EQ(sink.end->scan_name, "Nothing alive");
  EXPECT_FALSE(sink.end->started_at.has_value());
  EXPECT_FALSE(sink.coverage->enabled_plugin_ids.has_value());
  EXPECT_FALSE(sink.coverage->port_range.has_value());
}

TEST_F(NessusReaderTest, DuplicateReportHostBlocksAreEmittedAsTheyCome) {
  const RecordingSink sink = Import("nessus/duplicate-reporthost.nessus");
  EXPECT_EQ(sink.calls,
            (std::vector<std::string>{"BeginScan", "Host", "Result", "Host", "Result", "EndScan"}));
  ASSERT_EQ(sink.hosts.size(), 2u);
  EXPECT_EQ(sink.hosts[0].ip, "192.0.2.30");
  EXPECT_EQ(sink.hosts[1].ip, "192.0.2.30");
  EXPECT_EQ(sink.results[0].output, "first block");
  EXPECT_EQ(sink.results[1].output, "second block");
  EXPECT_EQ(sink.end->started_at, 1700000000);  // earliest host start
  EXPECT_EQ(sink.end->ended_at, 1700004200);    // latest host end
}

TEST_F(NessusReaderTest, MissingHostEndMeansIncompleteHost) {
  const RecordingSink sink = Import("nessus/missing-host-end.nessus");
  ASSERT_EQ(sink.hosts.size(), 1u);
  EXPECT_EQ(sink.hosts[0].completion, core::HostCompletion::kIncomplete);
  EXPECT_TRUE(sink.hosts[0].started_at.has_value());
  EXPECT_FALSE(sink.hosts[0].ended_at.has_value());
  EXPECT_FALSE(sink.end->ended_at.has_value());
}

TEST_F(NessusReaderTest, HostNameInsteadOfIpLeavesIpEmptyUnlessHostIpTagGivesIt) {
  const RecordingSink sink = Import("nessus/hostname-instead-of-ip.nessus");
  ASSERT_EQ(sink.hosts.size(), 2u);
  EXPECT_EQ(sink.hosts[0].ip, "");
  EXPECT_EQ(sink.hosts[0].name, "ttm-gw.example.net");
  EXPECT_EQ(sink.results[0].host_ip, "");
  EXPECT_EQ(sink.results[0].host_name, "ttm-gw.example.net");
  EXPECT_EQ(sink.hosts[1].ip, "198.51.100.7");
  EXPECT_EQ(sink.hosts[1].name, "ttm-gw2.example.net");
  EXPECT_EQ(sink.results[1].host_ip, "198.51.100.7");
}

TEST_F(NessusReaderTest, Ipv6HostsAreNormalised) {
  const RecordingSink sink = Import("nessus/ipv6-hosts.nessus");
  ASSERT_EQ(sink.hosts.size(), 2u);
  EXPECT_EQ(sink.hosts[0].ip, "2001:db8::1");
  EXPECT_EQ(sink.results[0].host_ip, "2001:db8::1");
  EXPECT_EQ(sink.hosts[0].name, "2001:db8::1");  // "2001:DB8:0:0:0:0:0:1", in its one spelling
  EXPECT_EQ(sink.hosts[1].ip, "fe80::a");        // from host-ip "[FE80:0000::0A%eth0]"
  EXPECT_EQ(sink.hosts[1].name, "link-local");
}

TEST_F(NessusReaderTest, Ipv4MappedHostsAreTheirIpv4Host) {
  const RecordingSink sink = Import("nessus/ipv4-mapped-hosts.nessus");
  ASSERT_EQ(sink.hosts.size(), 3u);
  ASSERT_EQ(sink.results.size(), 2u);
  // ReportHost name "::ffff:192.0.2.38": the name is the address, so it is no host name either.
  EXPECT_EQ(sink.hosts[0].ip, "192.0.2.38");
  EXPECT_EQ(sink.hosts[0].name, "192.0.2.38");
  EXPECT_EQ(sink.results[0].host_ip, "192.0.2.38");
  // host-ip "::FFFF:C000:0227" beside a DNS name, which stays.
  EXPECT_EQ(sink.hosts[1].ip, "192.0.2.39");
  EXPECT_EQ(sink.hosts[1].name, "ttm-gw3.example.net");
  EXPECT_EQ(sink.results[1].host_ip, "192.0.2.39");
  // "[::ffff:192.0.2.40%eth0]": brackets and zone go too.
  EXPECT_EQ(sink.hosts[2].ip, "192.0.2.40");
}

TEST_F(NessusReaderTest, UnicodeHostNamesAndOutputArriveAsUtf8) {
  const RecordingSink sink = Import("nessus/unicode-host-and-output.nessus");
  ASSERT_EQ(sink.hosts.size(), 1u);
  EXPECT_EQ(sink.begin->scan_name, "Unicode \u2014 \u6771\u4eac");
  EXPECT_EQ(sink.hosts[0].name, "h\u00e4ndler.example.org");
  EXPECT_EQ(sink.hosts[0].fqdn, "h\u00e4ndler.b\u00f6rse.example.org");
  EXPECT_EQ(sink.hosts[0].netbios_name, "\u041c\u041e\u0421\u041a\u0412\u0410-01");
  EXPECT_EQ(sink.results[0].output, "banner: \u6771\u4eac\u8a3c\u5238 \U0001F4C8 \u00fcber");
}

TEST_F(NessusReaderTest, CdataAndCharacterReferencesAreResolvedVerbatim) {
  const RecordingSink sink = Import("nessus/cdata-and-character-references.nessus");
  ASSERT_EQ(sink.results.size(), 1u);
  EXPECT_EQ(sink.results[0].plugin_name, "Trading & Technologies Messaging <ttm_cmd>");
  // Tab, carriage return, an astral character, a CDATA section kept as text, DEL and the C1
  // control NEL: all legal XML 1.0 characters, all passed on unchanged.
  EXPECT_EQ(sink.results[0].output,
            "A\tB\r\nC\U0001F600<script>alert(\"x\")</script> & \x7f\u0085end");
}

TEST_F(NessusReaderTest, NamespacedCmElementsAreNotMistakenForOurs) {
  const RecordingSink sink = Import("nessus/namespaced-cm-elements.nessus");
  ASSERT_EQ(sink.results.size(), 1u);  // cm:ReportItem is not a ReportItem
  EXPECT_EQ(sink.results[0].output, "\"Minimum password length\": [FAILED]");
  EXPECT_EQ(sink.results[0].severity, 3);
}

TEST_F(NessusReaderTest, LocalHostTimesUseTheConfiguredUtcOffset) {
  const RecordingSink utc = Import("nessus/local-time-without-timestamps.nessus");
  ASSERT_EQ(utc.hosts.size(), 2u);
  EXPECT_EQ(utc.hosts[0].started_at, 1583848407);  // 2020-03-10 13:53:27 UTC
  EXPECT_EQ(utc.end->started_at, 1583848200);      // the second host started earlier
  EXPECT_EQ(utc.end->ended_at, 1583849400);

  ReadOptions new_york;
  new_york.nessus_local_utc_offset_seconds = -4 * 3600;  // EDT
  const RecordingSink edt = Import("nessus/local-time-without-timestamps.nessus", new_york);
  EXPECT_EQ(edt.hosts[0].started_at, 1583848407 + 4 * 3600);
  EXPECT_EQ(edt.hosts[0].ended_at, *utc.hosts[0].ended_at + std::int64_t{4} * 3600);
}

TEST_F(NessusReaderTest, HostTimesAreReadInEverySpellingRealExportsUse) {
  // Every host ran 10:00:00-10:20:00 UTC on 2026-01-01; each spells it differently.
  const RecordingSink utc = Import("nessus/host-time-spellings.nessus");
  ASSERT_EQ(utc.hosts.size(), 4u);
  for (const core::HostRecord& host : utc.hosts) {
    EXPECT_EQ(host.started_at, 1767261600) << host.name;
    EXPECT_EQ(host.ended_at, 1767262800) << host.name;
  }
  // The configured offset applies to the zone-less spellings only: ctime and ISO without zone.
  ReadOptions cet;
  cet.nessus_local_utc_offset_seconds = 3600;
  const RecordingSink local = Import("nessus/host-time-spellings.nessus", cet);
  ASSERT_EQ(local.hosts.size(), 4u);
  EXPECT_EQ(local.hosts[0].started_at, 1767261600 - 3600);
  EXPECT_EQ(local.hosts[1].started_at, 1767261600 - 3600);
  EXPECT_EQ(local.hosts[2].started_at, 1767261600);  // +02:00 stated in the text
  EXPECT_EQ(local.hosts[2].ended_at, 1767262800);    // Z stated in the text
  EXPECT_EQ(local.hosts[3].started_at, 1767261600 - 3600);
}

TEST_F(NessusReaderTest, GzipExportGivesTheSameRecordsAsPlain) {
  const RecordingSink plain = Import("nessus/policy-plugin-set-and-port-range.nessus");
  const RecordingSink gzip = Import("nessus/policy-plugin-set-and-port-range.nessus.gz");
  EXPECT_TRUE(gzip.begin->gzip);
  EXPECT_EQ(gzip.calls, plain.calls);
  ASSERT_EQ(gzip.results.size(), plain.results.size());
  for (std::size_t i = 0; i < plain.results.size(); ++i) {
    EXPECT_EQ(gzip.results[i].output, plain.results[i].output);
    EXPECT_EQ(gzip.results[i].line, plain.results[i].line);
  }
  EXPECT_EQ(gzip.coverage->enabled_plugin_ids, plain.coverage->enabled_plugin_ids);
}

TEST_F(NessusReaderTest, UnparseablePortIsRejectedWithLineAndHost) {
  const Error e = testing::ImportError(testing::DataPath("nessus/bad-port.nessus"));
  EXPECT_EQ(e.kind(), Error::Kind::kBadInput);
  EXPECT_EQ(e.context().line, 9);
  EXPECT_EQ(e.context().host, "192.0.2.90");
  EXPECT_EQ(e.message(), "ReportItem port \"70000\" is not a port number (0-65535)");
}

TEST_F(NessusReaderTest, UnreadableHostTimeLeavesTheHostsTimesUnknownAndSaysWhy) {
  const RecordingSink sink = Import("nessus/bad-host-time.nessus");
  ASSERT_EQ(sink.hosts.size(), 1u);
  const core::HostRecord& host = sink.hosts[0];
  EXPECT_EQ(host.started_at, std::nullopt);
  EXPECT_EQ(host.ended_at, std::nullopt);
  EXPECT_EQ(host.completion, core::HostCompletion::kUnknown);
  EXPECT_EQ(host.unreadable_time,
            "HOST_START \"yesterday at noon\" is not a time: neither ctime (such as \"Thu Jan  "
            "1 10:00:00 2026\") nor ISO 8601 (such as 2026-01-05T10:00:00Z) (line 4)");
  EXPECT_EQ(sink.calls.back(), "EndScan");  // the file imports
}

TEST_F(NessusReaderTest, ZonelessHostTimesAreKeptAsRead) {
  const RecordingSink sink = Import("nessus/host-time-spellings.nessus");
  ASSERT_EQ(sink.hosts.size(), 4u);
  EXPECT_EQ(sink.hosts[0].started_text, "Thu Jan  1 10:00:00 2026");
  EXPECT_EQ(sink.hosts[1].ended_text, "Thu Jan 01 10:20:00 2026");
  // A stated zone makes the time independent of the setting: nothing to keep.
  EXPECT_EQ(sink.hosts[2].started_text, std::nullopt);
  EXPECT_EQ(sink.hosts[2].ended_text, std::nullopt);
  EXPECT_EQ(sink.hosts[3].started_text, "2026-01-01T10:00:00");
  // The epoch tags are preferred and carry no zone question either.
  const RecordingSink epoch = Import("nessus/policy-plugin-set-and-port-range.nessus");
  EXPECT_EQ(epoch.hosts[0].started_text, std::nullopt);
}

TEST_F(NessusReaderTest, PolicyWithoutReportIsNotAScan) {
  RecordingSink sink;
  const Error e = testing::ImportError(testing::DataPath("nessus/policy-only.nessus"), &sink);
  EXPECT_EQ(e.kind(), Error::Kind::kBadInput);
  EXPECT_EQ(e.context().line, 2);
  EXPECT_EQ(e.message(),
            "a Nessus scan policy, not a scan: the file has a <Policy> and no <Report> (export "
            "the scan's results, not its policy); nothing imported");
  EXPECT_EQ(std::count(sink.calls.begin(), sink.calls.end(), "EndScan"), 0);
}

}  // namespace
}  // namespace ttmtrack::importer
