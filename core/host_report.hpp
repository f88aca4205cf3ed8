#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/exposure.hpp"
#include "core/outcome.hpp"
#include "core/scan_ref.hpp"
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
};

}  // namespace ttmtrack::core
