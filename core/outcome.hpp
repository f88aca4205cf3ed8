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
  kPluginNotEnabled,
  kPortOutsideRange,
  kCoverageUnknown,
};

const char* ToString(OutcomeKind kind);         // "detected", "absent", "not-covered"
const char* ToString(NotCoveredReason reason);  // "", "host-not-in-scan", ...

struct Outcome {
  std::int64_t exposure_id = 0;
  ScanRef scan;
  OutcomeKind kind = OutcomeKind::kNotCovered;
  NotCoveredReason reason = NotCoveredReason::kNone;
  // Human-readable assumptions the decision rests on, e.g. "plugin assumed enabled: GVM reports
  // carry no scan configuration". Empty when every fact came from the export.
  std::string assumption;
};

}  // namespace ttmtrack::core
