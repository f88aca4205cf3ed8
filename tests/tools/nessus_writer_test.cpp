#include "tools/scangen/nessus_writer.hpp"

#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "core/detection_constants.hpp"
#include "tests/tools/support/xml_probe.hpp"
#include "tools/scangen/hostile_strings.hpp"
#include "tools/scangen/report_items.hpp"

namespace ttmtrack::scangen {
namespace {

using test::ProbedDocument;
using test::ProbedElement;

constexpr const char* kItems = "NessusClientData_v2/Report/ReportHost/ReportItem";
constexpr const char* kTags = "NessusClientData_v2/Report/ReportHost/HostProperties/tag";
constexpr const char* kPreferences =
    "NessusClientData_v2/Policy/Preferences/ServerPreferences/preference";

class NessusWriterTest : public ::testing::Test {
 protected:
  NessusWriterTest() {
    HostSpec a;
    a.ip = "10.0.0.5";
    a.fqdn = "trd-01.example";
    a.os = "Linux Kernel 6.1 on Debian 12";
    a.mac = "00:50:56:aa:bb:01";
    a.netbios = "TRD01";
    a.detections = {DetectionSpec{5010}, DetectionSpec{10200}};
    HostSpec b;
    b.ip = "10.0.0.6";
    b.completed = false;
    b.open_ports = {22, 443};
    hosts_ = {a, b};
  }

  ProbedDocument Write() {
    VectorHostSource source(hosts_);
    std::ostringstream out;
    stats_ = WriteNessus(scan_, source, out);
    bytes_ = out.str();
    ProbedDocument doc = test::ProbeXml(bytes_);
    EXPECT_TRUE(doc.ok) << doc.error;
    return doc;
  }

  // The value of the ServerPreferences preference `name`, or "<absent>".
  static std::string Preference(const ProbedDocument& doc, const std::string& name) {
    const auto names = doc.All(std::string(kPreferences) + "/name");
    const auto values = doc.All(std::string(kPreferences) + "/value");
    for (std::size_t i = 0; i < names.size(); ++i) {
      if (names[i]->text == name) return values.at(i)->text;
    }
    return "<absent>";
  }

  static std::vector<std::string> Tags(const ProbedDocument& doc, const std::string& name) {
    std::vector<std::string> values;
    for (const ProbedElement* tag : doc.All(kTags)) {
      if (tag->attributes.at("name") == name) values.push_back(tag->text);
    }
    return values;
  }

  ScanSpec scan_;
  std::vector<HostSpec> hosts_;
  WriteStats stats_;
  std::string bytes_;
};

TEST_F(NessusWriterTest, CountsMatchWhatAParserSees) {
  const ProbedDocument doc = Write();
  EXPECT_EQ(doc.Count("NessusClientData_v2/Report/ReportHost"), 2u);
  EXPECT_EQ(stats_.hosts, 2u);
  EXPECT_EQ(doc.Count(kItems), stats_.results);
  EXPECT_EQ(stats_.results,
            CountReportItems(scan_, hosts_[0]) + CountReportItems(scan_, hosts_[1]));
  std::size_t detections = 0;
  for (const ProbedElement* item : doc.All(kItems)) {
    if (item->attributes.at("pluginID") == core::kOwnNessusPluginId) {
      ++detections;
      EXPECT_EQ(item->attributes.at("svc_name"), core::kTtmServiceName);
      EXPECT_EQ(item->attributes.at("pluginName"),
                "Trading Technologies Messaging (TTM) ttm_cmd Detection");
    }
  }
  EXPECT_EQ(detections, 2u);
  EXPECT_EQ(stats_.detections, 2u);
  EXPECT_EQ(stats_.bytes, bytes_.size());
}

TEST_F(NessusWriterTest, HostPropertiesCarryIdentityAndTimes) {
  const ProbedDocument doc = Write();
  EXPECT_EQ(Tags(doc, "host-ip"), (std::vector<std::string>{"10.0.0.5", "10.0.0.6"}));
  EXPECT_EQ(Tags(doc, "host-fqdn"), (std::vector<std::string>{"trd-01.example"}));
  EXPECT_EQ(Tags(doc, "netbios-name"), (std::vector<std::string>{"TRD01"}));
  EXPECT_EQ(Tags(doc, "mac-address"), (std::vector<std::string>{"00:50:56:aa:bb:01"}));
  EXPECT_EQ(Tags(doc, "operating-system"),
            (std::vector<std::string>{"Linux Kernel 6.1 on Debian 12"}));
  EXPECT_EQ(Tags(doc, "HOST_START_TIMESTAMP"),
            (std::vector<std::string>{"1767607200", "1767607200"}));
  EXPECT_EQ(Tags(doc, "HOST_START"),
            (std::vector<std::string>{"Mon Jan  5 10:00:00 2026", "Mon Jan  5 10:00:00 2026"}));
  // Only the completed host has an end.
  EXPECT_EQ(Tags(doc, "HOST_END_TIMESTAMP"), (std::vector<std::string>{"1767608100"}));
  EXPECT_EQ(Tags(doc, "HOST_END"), (std::vector<std::string>{"Mon Jan  5 10:15:00 2026"}));
}

TEST_F(NessusWriterTest, PolicyStatesPluginSetAndPortRange) {
  scan_.port_range = "1-1024";
  const ProbedDocument doc = Write();
  const std::string plugin_set = Preference(doc, "plugin_set");
  EXPECT_NE((";" + plugin_set + ";").find(";9564501;"), std::string::npos) << plugin_set;
  EXPECT_EQ(Preference(doc, "port_range"), "1-1024");
  EXPECT_EQ(Preference(doc, "TARGET"), "10.0.0.5,10.0.0.6");
  EXPECT_EQ(doc.All("NessusClientData_v2/Policy/policyName").at(0)->text, "TTM verification");
  EXPECT_EQ(doc.Count("NessusClientData_v2/Policy/IndividualPluginSelection"), 0u);
  // 19506 repeats the port range, as Nessus does.
  EXPECT_NE(bytes_.find("Port range : 1-1024\n"), std::string::npos);
  // ... and the host's start in Nessus's own unpadded layout.
  EXPECT_NE(bytes_.find("Scan Start Date : 2026/1/5 10:00 UTC\n"), std::string::npos);
}

TEST_F(NessusWriterTest, WithoutTtmLeavesThePluginOutAndDisablesItIndividually) {
  scan_.plugin_set = PluginSet::kWithoutTtm;
  scan_.extra_plugin_ids = {"990001"};
  const ProbedDocument doc = Write();
  const std::string plugin_set = ";" + Preference(doc, "plugin_set") + ";";
  EXPECT_EQ(plugin_set.find(";9564501;"), std::string::npos);
  EXPECT_NE(plugin_set.find(";990001;"), std::string::npos);
  const auto ids =
      doc.All("NessusClientData_v2/Policy/IndividualPluginSelection/PluginItem/PluginId");
  const auto statuses =
      doc.All("NessusClientData_v2/Policy/IndividualPluginSelection/PluginItem/Status");
  bool disabled = false;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (ids[i]->text == "9564501") disabled = statuses.at(i)->text == "disabled";
  }
  EXPECT_TRUE(disabled);
}

TEST_F(NessusWriterTest, AbsentPluginSetAndPortRangeAreLeftOut) {
  scan_.plugin_set = PluginSet::kAbsent;
  scan_.port_range.reset();
  const ProbedDocument doc = Write();
  EXPECT_EQ(Preference(doc, "plugin_set"), "<absent>");
  EXPECT_EQ(Preference(doc, "port_range"), "<absent>");
  EXPECT_EQ(doc.Count("NessusClientData_v2/Policy/FamilySelection"), 0u);
}

TEST_F(NessusWriterTest, NoPolicyWritesOnlyTheReport) {
  scan_.with_policy = false;
  const ProbedDocument doc = Write();
  EXPECT_EQ(doc.Count("NessusClientData_v2/Policy"), 0u);
  EXPECT_EQ(doc.Count("NessusClientData_v2/Report"), 1u);
}

TEST_F(NessusWriterTest, PluginSetPaddingMakesALongSingleLine) {
  scan_.plugin_set_padding = 20000;
  const ProbedDocument doc = Write();
  const std::string plugin_set = Preference(doc, "plugin_set");
  EXPECT_GT(plugin_set.size(), 100000u);
  EXPECT_EQ(plugin_set.find('\n'), std::string::npos);
  EXPECT_NE(plugin_set.back(), ';');
}

TEST_F(NessusWriterTest, HostileStringsRoundTripExactly) {
  MakeHostile(scan_, hosts_);
  const ProbedDocument doc = Write();
  EXPECT_EQ(doc.All("NessusClientData_v2/Report").at(0)->attributes.at("name"), hostile::kScanName);
  EXPECT_EQ(Tags(doc, "host-fqdn").at(0), hostile::kFqdn);
  EXPECT_EQ(Tags(doc, "netbios-name").at(0), hostile::kNetbios);
  EXPECT_EQ(Tags(doc, "operating-system").at(0), hostile::kOs);
  std::size_t hostile_outputs = 0;
  for (const ProbedElement* output : doc.All(std::string(kItems) + "/plugin_output")) {
    if (output->text == hostile::kOutput) ++hostile_outputs;
  }
  EXPECT_EQ(hostile_outputs, 2u);
  EXPECT_EQ(bytes_.find("<script>"), std::string::npos);
}

TEST_F(NessusWriterTest, RealisticSvcNamesAddPortScannerResultsOnDetectionPorts) {
  scan_.port_results_on_detection_ports = true;
  const ProbedDocument doc = Write();
  std::size_t syn_on_ttm = 0;
  for (const ProbedElement* item : doc.All(kItems)) {
    if (item->attributes.at("pluginID") == "11219" &&
        item->attributes.at("svc_name") == "ttm_cmd") {
      ++syn_on_ttm;
    }
  }
  EXPECT_EQ(syn_on_ttm, 2u);
}

TEST_F(NessusWriterTest, SameSpecGivesTheSameBytes) {
  Write();
  const std::string first = bytes_;
  Write();
  EXPECT_EQ(bytes_, first);
}

}  // namespace
}  // namespace ttmtrack::scangen
