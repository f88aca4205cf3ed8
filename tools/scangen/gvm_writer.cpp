#include "tools/scangen/gvm_writer.hpp"

#include <vector>

#include <fmt/core.h>

#include "core/civil_time.hpp"
#include "core/detection_constants.hpp"
#include "tools/scangen/report_items.hpp"
#include "tools/scangen/split_mix.hpp"
#include "tools/scangen/xml_writer.hpp"

namespace ttmtrack::scangen {
namespace {

// The format ID of GVM's built-in XML report format (public, the same on every installation).
constexpr std::string_view kXmlFormatId = "a994b278-1f62-11e1-96ac-406186ea4fc5";

// GVM writes its times as ISO 8601 UTC. REQUIRES: within the years 0000-9999 (ScanSpec).
std::string Iso(std::int64_t epoch) { return core::FormatIso8601Utc(epoch).value(); }

struct Ids {
  std::string report;
  std::string task;
  std::string target;
};

struct Totals {
  std::size_t hosts = 0;
  std::size_t results = 0;
  std::size_t ports = 0;  // (host, port) pairs with a result on a real port
};

std::string PortText(const ReportItem& item) {
  return item.port == 0 ? fmt::format("general/{}", item.protocol)
                        : fmt::format("{}/{}", item.port, item.protocol);
}

// The distinct (port, protocol) pairs of one host that have a result, with the highest threat
// among their results: what GVM lists in the report's ports summary.
struct PortEntry {
  std::uint16_t port;
  std::string_view protocol;
  bool detection;
};

std::vector<PortEntry> HostPorts(const ScanSpec& scan, const HostSpec& host, ReportItem& item) {
  std::vector<PortEntry> ports;
  ForEachReportItem(scan, host, false, item, [&ports](const ReportItem& r) {
    if (r.port == 0) return;
    for (PortEntry& e : ports) {
      if (e.port == r.port && e.protocol == r.protocol) {
        e.detection = e.detection || r.is_detection;
        return;
      }
    }
    ports.push_back(PortEntry{r.port, r.protocol, r.is_detection});
  });
  return ports;
}

Totals Count(const ScanSpec& scan, HostSource& hosts) {
  Totals totals;
  HostSpec host;
  ReportItem item;
  hosts.Rewind();
  while (hosts.Next(host)) {
    ++totals.hosts;
    totals.results += CountReportItems(scan, host);
    totals.ports += HostPorts(scan, host, item).size();
  }
  return totals;
}

void Ports(XmlWriter& w, const ScanSpec& scan, HostSource& hosts, std::size_t count) {
  w.Start("ports");
  w.Attribute("start", "1");
  w.Attribute("max", "-1");
  w.Leaf("count", std::to_string(count));
  HostSpec host;
  ReportItem item;
  hosts.Rewind();
  while (hosts.Next(host)) {
    for (const PortEntry& e : HostPorts(scan, host, item)) {
      w.Start("port");
      w.Text(fmt::format("{}/{}", e.port, e.protocol));
      w.Leaf("host", host.ip);
      w.Leaf("severity", e.detection ? "5.0" : "0.0");
      w.Leaf("threat", e.detection ? "Medium" : "Log");
      w.End();
    }
  }
  w.End();
}

void Result(XmlWriter& w, const HostSpec& host, const ReportItem& r, SplitMix& rng) {
  w.Start("result");
  w.Attribute("id", rng.Uuid());
  w.Leaf("name", r.name);
  w.Start("owner");
  w.Leaf("name", "admin");
  w.End();
  w.Start("host");
  w.Text(host.ip);
  w.Start("asset");
  w.Attribute("asset_id", "");
  w.End();
  w.Leaf("hostname", host.fqdn);
  w.End();
  w.Leaf("port", PortText(r));
  w.Start("nvt");
  w.Attribute("oid", r.oid);
  w.Leaf("type", "nvt");
  w.Leaf("name", r.name);
  w.Leaf("family", r.family);
  w.Leaf("cvss_base", r.cvss);
  w.Leaf("tags", fmt::format("cvss_base_vector=AV:N/AC:L/Au:N/C:N/I:N/A:N|summary={}|"
                             "solution_type={}",
                             r.synopsis, r.is_detection ? "Mitigation" : "NoneAvailable"));
  w.End();
  w.Leaf("scan_nvt_version", "2025-11-04T08:12:33Z");
  w.Leaf("threat", r.threat);
  w.Leaf("severity", r.cvss);
  w.Start("qod");
  w.Leaf("value", r.is_detection ? std::to_string(core::kOwnPluginQod) : "80");
  w.Leaf("type", r.qod_type);
  w.End();
  w.Leaf("description", r.output);
  w.Leaf("original_threat", r.threat);
  w.Leaf("original_severity", r.cvss);
  w.End();
}

void Detail(XmlWriter& w, std::string_view name, std::string_view value, std::string_view source) {
  w.Start("detail");
  w.Leaf("name", name);
  w.Leaf("value", value);
  w.Start("source");
  w.Leaf("type", "nvt");
  w.Leaf("name", source);
  w.Leaf("description", "");
  w.End();
  w.Leaf("extra", "");
  w.End();
}

void Host(XmlWriter& w, const ScanSpec& scan, const HostSpec& host, ReportItem& item) {
  const std::vector<PortEntry> entries = HostPorts(scan, host, item);
  std::string ports;
  for (const PortEntry& e : entries) {
    if (e.protocol != "tcp") continue;
    if (!ports.empty()) ports += ',';
    ports += std::to_string(e.port);
  }
  const std::int64_t start = scan.start_time + host.start_offset;
  w.Start("host");
  w.Leaf("ip", host.ip);
  w.Start("asset");
  w.Attribute("asset_id", "");
  w.End();
  w.Leaf("start", Iso(start));
  if (host.completed) w.Leaf("end", Iso(start + host.duration));
  w.Start("port_count");
  w.Leaf("page", std::to_string(entries.size()));
  w.End();
  w.Start("result_count");
  w.Leaf("page", std::to_string(CountReportItems(scan, host)));
  w.End();
  if (!host.fqdn.empty()) Detail(w, "hostname", host.fqdn, "1.3.6.1.4.1.25623.1.0.103997");
  if (!host.os.empty()) Detail(w, "best_os_txt", host.os, "1.3.6.1.4.1.25623.1.0.105937");
  if (!host.mac.empty()) Detail(w, "MAC", host.mac, "1.3.6.1.4.1.25623.1.0.103585");
  if (!ports.empty()) Detail(w, "ports", ports, "1.3.6.1.4.1.25623.1.0.900239");
  w.End();
}

// The report's <task>, with the target it scanned.
void Task(XmlWriter& w, const ScanSpec& scan, const Ids& ids) {
  w.Start("task");
  w.Attribute("id", ids.task);
  w.Leaf("name", scan.scan_name);
  w.Leaf("comment", "");
  w.Start("target");
  w.Attribute("id", ids.target);
  w.Leaf("trash", "0");
  w.Leaf("name", fmt::format("Targets of {}", scan.scan_name));
  w.End();
  w.Leaf("progress", "-1");
  w.End();
}

void InnerReport(XmlWriter& w, const ScanSpec& scan, HostSource& hosts, const Ids& ids,
                 WriteStats& stats) {
  const Totals totals = Count(scan, hosts);
  w.Start("report");
  w.Attribute("id", ids.report);
  w.Start("gmp");
  w.Leaf("version", scan.gvm_version);
  w.End();
  if (!scan.gvm_filter.empty()) {
    w.Start("filters");
    w.Attribute("id", "");
    w.Leaf("term", scan.gvm_filter);
    w.End();
  }
  w.Leaf("scan_run_status", scan.run_status);
  w.Start("hosts");
  w.Leaf("count", std::to_string(totals.hosts));
  w.End();
  Task(w, scan, ids);
  w.Leaf("timestamp", Iso(scan.start_time - 5));
  w.Leaf("scan_start", Iso(scan.start_time));
  w.Leaf("timezone", "UTC");
  w.Leaf("timezone_abbrev", "UTC");
  Ports(w, scan, hosts, totals.ports);
  w.Start("results");
  w.Attribute("start", "1");
  w.Attribute("max", "-1");
  SplitMix rng(scan.seed ^ 0x726573756C7473ull);
  HostSpec host;
  ReportItem item;
  hosts.Rewind();
  while (hosts.Next(host)) {
    ForEachReportItem(scan, host, true, item, [&](const ReportItem& r) {
      Result(w, host, r, rng);
      ++stats.results;
      if (r.is_detection) ++stats.detections;
    });
  }
  w.End();
  w.Start("result_count");
  w.Text(std::to_string(totals.results));
  w.Leaf("full", std::to_string(totals.results));
  w.Leaf("filtered", std::to_string(totals.results));
  w.End();
  hosts.Rewind();
  while (hosts.Next(host)) {
    Host(w, scan, host, item);
    ++stats.hosts;
  }
  w.Leaf("scan_end",
         scan.run_status == "Done" ? Iso(scan.start_time + scan.duration) : std::string());
  w.Start("errors");
  w.Leaf("count", "0");
  w.End();
  w.End();
}

void OuterReport(XmlWriter& w, const ScanSpec& scan, HostSource& hosts, const Ids& ids,
                 WriteStats& stats) {
  const std::string created = Iso(scan.start_time);
  w.Start("report");
  w.Attribute("id", ids.report);
  w.Attribute("format_id", kXmlFormatId);
  w.Attribute("extension", "xml");
  w.Attribute("content_type", "text/xml");
  w.Start("owner");
  w.Leaf("name", "admin");
  w.End();
  w.Leaf("name", created);
  w.Leaf("comment", "");
  w.Leaf("creation_time", created);
  w.Leaf("modification_time", Iso(scan.start_time + scan.duration));
  w.Leaf("writable", "0");
  w.Leaf("in_use", "0");
  w.Start("task");
  w.Attribute("id", ids.task);
  w.Leaf("name", scan.scan_name);
  w.End();
  w.Start("report_format");
  w.Attribute("id", kXmlFormatId);
  w.Leaf("name", "XML");
  w.End();
  InnerReport(w, scan, hosts, ids, stats);
  w.End();
}

}  // namespace

WriteStats WriteGvm(const ScanSpec& scan, HostSource& hosts, std::ostream& out) {
  WriteStats stats;
  SplitMix rng(scan.seed);
  const Ids ids{rng.Uuid(), rng.Uuid(), rng.Uuid()};
  XmlWriter w(out, 2);
  w.Declaration();
  if (scan.gvm_wrapper == GvmWrapper::kGetReportsResponse) {
    w.Start("get_reports_response");
    w.Attribute("status", "200");
    w.Attribute("status_text", "OK");
    OuterReport(w, scan, hosts, ids, stats);
    w.Start("report_count");
    w.Text("1");
    w.Leaf("filtered", "1");
    w.Leaf("page", "1");
    w.End();
    w.End();
  } else {
    OuterReport(w, scan, hosts, ids, stats);
  }
  w.Finish();
  stats.bytes = w.bytes_written();
  return stats;
}

}  // namespace ttmtrack::scangen
