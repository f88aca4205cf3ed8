#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "tools/scangen/scan_spec.hpp"

namespace ttmtrack::scangen {

// One result as the writers put it on the page. Views point at static catalogue text or at the
// ScanSpec/HostSpec being written; they are valid only during the emit callback.
struct ReportItem {
  std::uint16_t port = 0;  // 0: host-level ("general")
  std::string_view protocol = "tcp";
  std::string_view svc_name = "general";
  int severity = 0;  // Nessus 0..4
  std::string_view nessus_id;
  std::string_view oid;
  std::string_view name;
  std::string_view family;
  std::string_view synopsis;
  std::string_view description;
  std::string_view solution;
  std::string_view fname;
  std::string_view plugin_type = "remote";
  std::string_view risk_factor = "None";
  std::string_view threat = "Log";  // GVM
  std::string_view cvss = "0.0";    // GVM severity / cvss_base
  std::string_view qod_type = "remote_banner";
  bool is_detection = false;
  std::string output;  // the evidence; left empty when the caller asked for no output
};

// The results a host gets, in file order, for the scan's format: host-level information
// (Nessus 19506 for completed hosts, traceroute, OS, FQDN), two per open port (port scanner and
// service), the c564e5ab detections, then `extra_results` host-level items. Deterministic.
// `scratch` is reused between items to keep memory flat; `emit` must not keep the reference.
void ForEachReportItem(const ScanSpec& scan, const HostSpec& host, bool with_output,
                       ReportItem& scratch, const std::function<void(const ReportItem&)>& emit);

std::size_t CountReportItems(const ScanSpec& scan, const HostSpec& host);

// The Nessus svc_name scanners give a well-known port ("ssh", "www", ...; "unknown" otherwise).
std::string_view ServiceNameForPort(std::uint16_t port);

}  // namespace ttmtrack::scangen
