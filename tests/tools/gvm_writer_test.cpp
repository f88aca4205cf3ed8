#include "tools/scangen/gvm_writer.hpp"

#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "core/detection_constants.hpp"
#include "tests/tools/support/xml_probe.hpp"
#include "tools/scangen/hostile_strings.hpp"

namespace ttmtrack::scangen {
namespace {

using test::ProbedDocument;
using test::ProbedElement;

constexpr const char* kInner = "report/report";

class GvmWriterTest : public ::testing::Test {
 protected:
  GvmWriterTest() {
    scan_.format = ExportFormat::kGvm;
    scan_.scan_name = "Trading subnet verification";
    HostSpec a;
    a.ip = "10.0.0.5";
    a.fqdn = "trd-01.example";
    a.os = "Debian GNU/Linux 12";
    a.detections = {DetectionSpec{5010}};
    HostSpec b;
    b.ip = "2001:db8::6";
    b.completed = false;
    b.open_ports = {22, 443};
    hosts_ = {a, b};
  }

  ProbedDocument Write() {
    VectorHostSource source(hosts_);
    std::ostringstream out;
    stats_ = WriteGvm(scan_, source, out);
    bytes_ = out.str();
    ProbedDocument doc = test::ProbeXml(bytes_);
    EXPECT_TRUE(doc.ok) << doc.error;
    return doc;
  }

  std::string Inner(const std::string& path) const { return std::string(kInner) + "/" + path; }

  ScanSpec scan_;
  std::vector<HostSpec> hosts_;
  WriteStats stats_;
  std::string bytes_;
};

TEST_F(GvmWriterTest, WritesTheDownloadWrapperAroundTheInnerReport) {
  const ProbedDocument doc = Write();
  const ProbedElement* outer = doc.All("report").at(0);
  EXPECT_EQ(outer->attributes.at("format_id"), "a994b278-1f62-11e1-96ac-406186ea4fc5");
  EXPECT_EQ(doc.All(kInner).at(0)->attributes.at("id"), outer->attributes.at("id"));
  EXPECT_EQ(doc.All(Inner("task/name")).at(0)->text, "Trading subnet verification");
  EXPECT_EQ(doc.All(Inner("scan_start")).at(0)->text, "2026-01-05T10:00:00Z");
  EXPECT_EQ(doc.All(Inner("scan_end")).at(0)->text, "2026-01-05T10:30:00Z");
  EXPECT_EQ(doc.All(Inner("scan_run_status")).at(0)->text, "Done");
}

TEST_F(GvmWriterTest, GetReportsResponseWrapsTheSameReport) {
  scan_.gvm_wrapper = GvmWrapper::kGetReportsResponse;
  const ProbedDocument doc = Write();
  const ProbedElement* root =
      doc.elements.at(0).path == "get_reports_response" ? &doc.elements[0] : nullptr;
  ASSERT_NE(root, nullptr);
  EXPECT_EQ(root->attributes.at("status"), "200");
  EXPECT_EQ(doc.Count("get_reports_response/report/report/results/result"), stats_.results);
}

TEST_F(GvmWriterTest, CountsMatchWhatAParserSees) {
  const ProbedDocument doc = Write();
  EXPECT_EQ(doc.Count(Inner("results/result")), stats_.results);
  EXPECT_EQ(doc.Count(Inner("host")), 2u);
  EXPECT_EQ(stats_.hosts, 2u);
  EXPECT_EQ(doc.All(Inner("result_count")).at(0)->text, std::to_string(stats_.results));
  std::size_t detections = 0;
  const auto oids = doc.All(Inner("results/result/nvt"));
  const auto ports = doc.All(Inner("results/result/port"));
  const auto hosts = doc.All(Inner("results/result/host"));
  ASSERT_EQ(oids.size(), stats_.results);
  for (std::size_t i = 0; i < oids.size(); ++i) {
    if (oids[i]->attributes.at("oid") != core::kOwnOpenVasOid) continue;
    ++detections;
    EXPECT_EQ(ports.at(i)->text, "5010/tcp");
    EXPECT_EQ(hosts.at(i)->text, "10.0.0.5");
  }
  EXPECT_EQ(detections, 1u);
  EXPECT_EQ(stats_.detections, 1u);
}

TEST_F(GvmWriterTest, PortsSummaryListsEachHostPortOnce) {
  const ProbedDocument doc = Write();
  std::vector<std::string> ports;
  for (const ProbedElement* port : doc.All(Inner("ports/port"))) ports.push_back(port->text);
  EXPECT_EQ(ports, (std::vector<std::string>{"22/tcp", "5010/tcp", "22/tcp", "443/tcp"}));
  EXPECT_EQ(doc.All(Inner("ports/count")).at(0)->text, "4");
}

TEST_F(GvmWriterTest, AStatedFilterIsWrittenAndNoneByDefault) {
  EXPECT_EQ(Write().Count(Inner("filters")), 0u);
  scan_.gvm_filter = "apply_overrides=0 min_qod=70 levels=hml rows=100 first=1";
  const ProbedDocument doc = Write();
  EXPECT_EQ(doc.All(Inner("filters/term")).at(0)->text, scan_.gvm_filter);
}

TEST_F(GvmWriterTest, TheDetectionCarriesThePluginsQualityOfDetection) {
  const ProbedDocument doc = Write();
  const auto oids = doc.All(Inner("results/result/nvt"));
  const auto qods = doc.All(Inner("results/result/qod/value"));
  ASSERT_EQ(oids.size(), qods.size());
  for (std::size_t i = 0; i < oids.size(); ++i) {
    if (oids[i]->attributes.at("oid") == core::kOwnOpenVasOid) {
      EXPECT_EQ(qods[i]->text, std::to_string(core::kOwnPluginQod));
    }
  }
}

TEST_F(GvmWriterTest, AnInterruptedHostHasNoEnd) {
  const ProbedDocument doc = Write();
  const auto ips = doc.All(Inner("host/ip"));
  ASSERT_EQ(ips.size(), 2u);
  EXPECT_EQ(ips[0]->text, "10.0.0.5");
  EXPECT_EQ(ips[1]->text, "2001:db8::6");
  EXPECT_EQ(doc.Count(Inner("host/start")), 2u);
  const auto ends = doc.All(Inner("host/end"));
  ASSERT_EQ(ends.size(), 1u);
  EXPECT_EQ(ends[0]->text, "2026-01-05T10:15:00Z");
}

TEST_F(GvmWriterTest, HostDetailsNameHostnameOsAndOpenPorts) {
  const ProbedDocument doc = Write();
  const auto names = doc.All(Inner("host/detail/name"));
  const auto values = doc.All(Inner("host/detail/value"));
  std::map<std::string, std::vector<std::string>> details;
  for (std::size_t i = 0; i < names.size(); ++i) details[names[i]->text].push_back(values[i]->text);
  EXPECT_EQ(details["hostname"], (std::vector<std::string>{"trd-01.example"}));
  EXPECT_EQ(details["best_os_txt"], (std::vector<std::string>{"Debian GNU/Linux 12"}));
  EXPECT_EQ(details["ports"], (std::vector<std::string>{"22,5010", "22,443"}));
}

TEST_F(GvmWriterTest, HostileStringsRoundTripExactly) {
  MakeHostile(scan_, hosts_);
  const ProbedDocument doc = Write();
  EXPECT_EQ(doc.All(Inner("task/name")).at(0)->text, hostile::kScanName);
  std::size_t hostile_outputs = 0;
  for (const ProbedElement* d : doc.All(Inner("results/result/description"))) {
    if (d->text == hostile::kOutput) ++hostile_outputs;
  }
  EXPECT_EQ(hostile_outputs, 1u);
  EXPECT_EQ(doc.All(Inner("results/result/host/hostname")).at(0)->text, hostile::kFqdn);
  EXPECT_EQ(bytes_.find("<script>"), std::string::npos);
}

TEST_F(GvmWriterTest, SameSeedGivesTheSameBytesAndAnotherSeedOtherIds) {
  Write();
  const std::string first = bytes_;
  Write();
  EXPECT_EQ(bytes_, first);
  scan_.seed = 2;
  Write();
  EXPECT_NE(bytes_, first);
}

}  // namespace
}  // namespace ttmtrack::scangen
