#include "core/exposure.hpp"
#include "core/outcome.hpp"
#include "core/scan_info.hpp"

namespace ttmtrack::core {

const char* ToString(ScanFormat format) {
  switch (format) {
    case ScanFormat::kNessusV2: return "nessus-v2";
    case ScanFormat::kGvm: return "gvm";
  }
  return "unknown";
}

const char* ToString(OutcomeKind kind) {
  switch (kind) {
    case OutcomeKind::kDetected: return "detected";
    case OutcomeKind::kAbsent: return "absent";
    case OutcomeKind::kNotCovered: return "not-covered";
  }
  return "unknown";
}

const char* ToString(NotCoveredReason reason) {
  switch (reason) {
    case NotCoveredReason::kNone: return "";
    case NotCoveredReason::kHostNotInScan: return "host-not-in-scan";
    case NotCoveredReason::kHostScanIncomplete: return "host-scan-incomplete";
    case NotCoveredReason::kHostTimeUnreadable: return "host-time-unreadable";
    case NotCoveredReason::kPluginNotEnabled: return "plugin-not-enabled";
    case NotCoveredReason::kPortOutsideRange: return "port-outside-range";
    case NotCoveredReason::kCoverageUnknown: return "coverage-unknown";
    case NotCoveredReason::kExportFiltered: return "export-filtered";
  }
  return "unknown";
}

const char* ToString(ExposureState state) {
  switch (state) {
    case ExposureState::kOpen: return "open";
    case ExposureState::kFixed: return "fixed";
    case ExposureState::kReopened: return "reopened";
  }
  return "unknown";
}

}  // namespace ttmtrack::core
