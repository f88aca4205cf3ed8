#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ttmtrack::core {

enum class HostCompletion { kCompleted, kIncomplete, kUnknown };

// One host as an export reports it. `ip` is the identity: the address in its canonical text
// (core/ip_address.hpp; IPv4-mapped IPv6 is the IPv4 address); when the export gives only a
// name, ip is empty and `name` carries it. A host may be reported more than once per export (merged
// reports): the sink merges records with the same ip.
struct HostRecord {
  std::string ip;
  // Nessus ReportHost@name / GVM host ip, as scanned: a host name, or an address — then in its
  // canonical text, equal to `ip` when the export gives no other address.
  std::string name;
  std::string fqdn;
  std::string netbios_name;
  std::string os;
  std::string mac;
  std::optional<std::int64_t> started_at;  // epoch seconds UTC
  std::optional<std::int64_t> ended_at;
  HostCompletion completion = HostCompletion::kUnknown;
  // Open TCP ports where the export lists them (GVM host detail "ports"); results add more.
  std::vector<std::uint16_t> open_tcp_ports;
  std::int64_t line = 0;  // source line of the host element, for messages
};

}  // namespace ttmtrack::core
