#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/dropped_out_host.hpp"
#include "core/exposure.hpp"
#include "core/exposure_status.hpp"
#include "core/firewall_check.hpp"
#include "core/outcome.hpp"
#include "core/scan_ref.hpp"
#include "core/triage.hpp"
#include "core/vantage_check.hpp"

namespace ttmtrack::core {

// Everything a remediation report shows for one host. Built by the store, rendered by reports/.
struct HostIdentity {
  std::string ip;
  std::string fqdn;
  std::string netbios_name;
  std::string os;
  std::string mac;
  std::vector<ScanRef> scans;  // every scan the host appeared in, oldest first
};

struct ExposureReport {
  Exposure exposure;
  std::vector<Evidence> evidence;  // every detection, oldest first
  std::vector<Outcome> timeline;   // every outcome, in scan-time order
  // Every vantage-point check of (ip, port, protocol), oldest first (`ttmtrack verify`).
  std::vector<VantageCheckRecord> vantage_checks;
  // Every firewall-ruleset answer for (ip, port, protocol), oldest collection first
  // (`ttmtrack evidence firewall`).
  std::vector<FirewallCheck> firewall_checks;
  // The decision, deadline and staleness at the report's time (status.exposure == exposure),
  // and every decision record covering the exposure, in the order made (docs/triage.md).
  ExposureStatus status;
  std::vector<DecisionRecord> decisions;
};

struct HostReport {
  HostIdentity identity;
  std::vector<ExposureReport> exposures;  // ordered by port, protocol
};

// One point of the "open exposures over time" chart.
struct OpenCountPoint {
  std::int64_t scan_time = 0;  // epoch seconds UTC
  int open = 0;                // open + reopened after this scan
};

// The summary page's facts.
struct SummaryReport {
  int hosts_in_latest_scans = 0;  // distinct hosts in the latest scan of each scanner/scan name
  int open = 0;
  int reopened = 0;
  int fixed = 0;
  std::vector<OpenCountPoint> open_over_time;
  std::vector<Exposure> exposures;  // every exposure; reports/ sorts by urgency
  std::vector<ScanRef> latest_scans;
  // At the report's time, in the order of `exposures`: decision, deadline, staleness.
  std::vector<ExposureStatus> statuses;
  std::vector<DroppedOutHost> dropped_out;  // hosts that dropped out of scanning
  std::vector<DecisionRecord> decisions;    // every triage record, in the order made
};

}  // namespace ttmtrack::core
