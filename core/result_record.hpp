#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace ttmtrack::core {

// One result (Nessus ReportItem, GVM result) as read, before any rule decides whether it is a
// c564e5ab detection. Every string is attacker-controlled text from the export.
struct ResultRecord {
  std::string host_ip;       // normalised IP; empty when the export gives only a name
  std::string host_name;     // ReportHost@name or GVM hostname, for messages
  std::uint16_t port = 0;    // 0 for host-level results ("general/tcp")
  std::string protocol;      // "tcp", "udp", "icmp", ... lower-case
  std::string service_name;  // Nessus svc_name; GVM port's service part where given
  std::string plugin_id;     // Nessus pluginID or GVM NVT OID
  std::string plugin_name;
  std::string plugin_family;
  int severity = 0;            // 0 info .. 4 critical (GVM threat mapped onto the same scale)
  std::string severity_label;  // as the export says: "3", "High", "Log"
  std::string output;          // plugin_output / description: the evidence, verbatim
  std::optional<int> qod;      // GVM Quality of Detection, 0-100 (qod/value); nullopt: not given
  std::int64_t line = 0;       // source line, for messages
};

}  // namespace ttmtrack::core
