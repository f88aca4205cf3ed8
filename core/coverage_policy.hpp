#pragma once

namespace ttmtrack::core {

// What ttmtrack assumes when an export does not say whether the scan could have seen an
// exposure (docs/verification.md, "Assumptions"). Stored in the database's settings so every
// recomputation uses the same policy; changed with `ttmtrack config set`.
//
// kAssumeCovered: a missing fact counts as covered, and the outcome records the assumption
//   (the default: OpenVAS reports never carry their scan configuration, and a tool that could
//   never verify an OpenVAS re-scan would be no use to OpenVAS users).
// kNotCovered: a missing fact makes the outcome not-covered (coverage-unknown): strict mode
//   for auditors who accept only facts stated in the export.
enum class UnknownCoverage { kAssumeCovered, kNotCovered };

struct CoveragePolicy {
  UnknownCoverage plugin_enabled = UnknownCoverage::kAssumeCovered;
  UnknownCoverage port_scanned = UnknownCoverage::kAssumeCovered;
  UnknownCoverage host_completed = UnknownCoverage::kAssumeCovered;
};

}  // namespace ttmtrack::core
