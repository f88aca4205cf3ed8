#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/scan_ref.hpp"

namespace ttmtrack::core {

// What one scan says about one exposure (docs/verification.md).
enum class OutcomeKind { kDetected, kAbsent, kNotCovered };

// Why a scan could not have seen an exposure. kNone for detected/absent.
enum class NotCoveredReason {
  kNone,
  kHostNotInScan,
  kHostScanIncomplete,
  kHostTimeUnreadable,
  kPluginNotEnabled,
  kPortOutsideRange,
  kCoverageUnknown,
  kExportFiltered,
};

struct Outcome {
  std::int64_t exposure_id = 0;
  ScanRef scan;
  OutcomeKind kind = OutcomeKind::kNotCovered;
  NotCoveredReason reason = NotCoveredReason::kNone;
  // Human-readable assumptions the decision rests on, e.g. "plugin assumed enabled: GVM reports
  // carry no scan configuration". Empty when every fact came from the export, and for every
  // outcome but absent (I6).
  std::string assumption;
  // Human-readable facts from the export the decision rests on, e.g. "host scan completed;
  // plugin_set lists 9564501; port 5010/tcp is inside the scanned range 1-65535". Empty for
  // host-not-in-scan.
  std::string basis;
};

}  // namespace ttmtrack::core
