#pragma once

#include <string>

#include "core/scan_ref.hpp"

namespace ttmtrack::core {

// A host that earlier scans of a task reported and the task's latest scan does not: it dropped
// out of scanning, and "not in the latest scan" proves nothing about it (docs/cli.md, "run";
// docs/triage.md, "Coverage gaps"). A task is a scanner and a scan name together (Nessus
// Report@name, GVM task name); scans without a name belong to no task. The store finds them
// (db::Store::HostsDroppedOutOfScanning); run summaries, `gaps` and the report show them.
struct DroppedOutHost {
  std::string ip;              // host identity: the normalised IP, or the name when no IP
  std::string hostname;        // as the last scan that saw it named it; may be empty
  core::ScanRef last_seen_by;  // the task's most recent scan that reported the host
  core::ScanRef latest_scan;   // the task's latest scan, which does not
};

}  // namespace ttmtrack::core
