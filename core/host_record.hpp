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
  // A Nessus time written without a zone, as read ("Thu Jan  1 10:00:00 2026"): started_at or
  // ended_at is it read at the import.nessus-utc-offset setting, and the store reads it again
  // when the setting changes. nullopt when the time came with its zone, or not at all.
  std::optional<std::string> started_text;
  std::optional<std::string> ended_text;
  // Why the host's times are unknown when the export spells one that cannot be read
  // ("HOST_START \"yesterday\" is not a time: ..."); empty when every time could be read. Such
  // a host cannot prove its scan complete (NotCoveredReason::kHostTimeUnreadable).
  std::string unreadable_time;
  HostCompletion completion = HostCompletion::kUnknown;
  // Open TCP ports where the export lists them (GVM host detail "ports"); results add more.
  std::vector<std::uint16_t> open_tcp_ports;
  std::int64_t line = 0;  // source line of the host element, for messages
};

}  // namespace ttmtrack::core
