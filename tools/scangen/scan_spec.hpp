#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ttmtrack::scangen {

// What to generate: a small, format-neutral description of one scan. The same ScanSpec written
// as Nessus v2 and as GVM XML tells the same story; fields a format cannot carry (the Nessus
// policy) are ignored by the other. Plain data.

enum class ExportFormat { kNessus, kGvm };

// The plugin that reports c564e5ab in a generated scan. Defaults: the project's own plugin
// (core/detection_constants.hpp).
struct DetectionPlugin {
  std::string nessus_id;
  std::string oid;
  std::string name;
  std::string family;
  std::string svc_name;  // Nessus ReportItem@svc_name on the detection
};
DetectionPlugin OwnDetectionPlugin();

// One c564e5ab result on a host.
struct DetectionSpec {
  std::uint16_t port = 5010;
  std::string protocol = "tcp";
  std::optional<DetectionPlugin> plugin;  // nullopt: ScanSpec::detection_plugin
  std::string output;                     // plugin output; empty: a plausible default
};

// One host as the scan reports it.
struct HostSpec {
  std::string ip;
  std::string report_name;  // Nessus ReportHost@name; empty: the IP
  std::string fqdn;
  std::string netbios;
  std::string os;
  std::string mac;
  // False: the host's scan did not finish (Nessus: no HOST_END tags; GVM: host without <end>).
  bool completed = true;
  std::int64_t start_offset = 0;  // seconds after the scan start
  std::int64_t duration = 900;    // seconds; ignored when !completed
  std::vector<DetectionSpec> detections;
  // Other open TCP ports; each yields a port-scanner result and a service result.
  std::vector<std::uint16_t> open_ports = {22};
  // Host-level informational results beyond the usual ones (big mode uses them to reach an
  // exact result count).
  std::size_t extra_results = 0;
  bool scan_info = true;   // Nessus plugin 19506 (written only for completed hosts)
  bool traceroute = true;  // Nessus 10287 / GVM Traceroute
};

// Nessus plugin_set content.
enum class PluginSet {
  kWithTtm,     // the usual plugins including the detection plugin's ID
  kWithoutTtm,  // the same without it (and the family shown as mixed, the plugin disabled)
  kAbsent,      // no plugin_set preference and no family/plugin selection at all
};

enum class GvmWrapper {
  kReportFormat,        // <report format_id=..> around the inner <report id=..> (XML download)
  kGetReportsResponse,  // <get_reports_response> around that (management protocol)
};

struct ScanSpec {
  ExportFormat format = ExportFormat::kNessus;
  std::string scan_name = "Trading subnet - weekly";
  // Every time the scan writes (start, host starts and ends, end) must fall within the years
  // 0000-9999 (core/civil_time.hpp); the writers throw std::bad_optional_access otherwise.
  std::int64_t start_time = 1767607200;  // 2026-01-05T10:00:00Z
  std::int64_t duration = 1800;          // seconds from start to the end of the scan
  std::uint64_t seed = 1;                // report/result UUIDs and filler variety
  bool gzip = false;
  DetectionPlugin detection_plugin = OwnDetectionPlugin();
  // Every item on a detection's port carries the detection's svc_name, and the port scanner
  // reports the port open — as Nessus writes real files once a service is identified.
  bool port_results_on_detection_ports = false;

  // Nessus only.
  bool with_policy = true;
  std::string policy_name = "TTM verification";
  PluginSet plugin_set = PluginSet::kWithTtm;
  std::vector<std::string> extra_plugin_ids;  // appended to plugin_set (e.g. a foreign detector)
  std::size_t plugin_set_padding = 0;         // more plausible IDs, for a realistically long line
  std::optional<std::string> port_range = "1-65535";  // nullopt: no port_range preference
  std::string scanner_version = "10.7.3";
  std::string targets;  // TARGET preference; empty: the hosts written (a dead host is not)

  // GVM only.
  GvmWrapper gvm_wrapper = GvmWrapper::kReportFormat;
  std::string run_status = "Done";
  // The report's result filter term ("apply_overrides=0 min_qod=70 levels=hml rows=100
  // first=1"); empty: no <filters> element, the export states no filter.
  std::string gvm_filter;
  std::string gvm_version = "22.4";
};

}  // namespace ttmtrack::scangen
