#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/host_record.hpp"
#include "core/knowledge.hpp"
#include "core/scan_ref.hpp"

namespace ttmtrack::core {

// Everything one scan says that bears on one exposure (ip, port, protocol). The store gathers
// these facts; DecideOutcome turns them into an Outcome. Pure data.
struct ExposureObservation {
  std::int64_t exposure_id = 0;
  std::uint16_t port = 0;
  std::string protocol;       // "tcp", "udp"
  ScanRef scan;               // scan.time must be set
  bool detected = false;      // a c564e5ab detection at this (ip, port, protocol) in this scan
  bool host_in_scan = false;  // the scan reports this ip at all
  HostCompletion host_completion = HostCompletion::kUnknown;
  // The export spells a time of this host that cannot be read (HostRecord::unreadable_time):
  // nothing in the scan says when, or whether, the host's scan finished.
  bool host_time_unreadable = false;
  Judgement plugin_enabled;           // JudgePluginEnabled for this scan
  bool plugin_coverage_only = false;  // its kYes rests only on coverage-scope rules
  Judgement export_filter;            // JudgeExportFilter for this scan; kUnknown: states no filter
  std::optional<std::string> port_range;  // the scan's port range spec, nullopt when unknown
  bool port_seen_open = false;  // some result of this scan sits on this host's port: it was probed
};

}  // namespace ttmtrack::core
