#pragma once

#include <iosfwd>

#include "tools/scangen/host_source.hpp"
#include "tools/scangen/scan_spec.hpp"
#include "tools/scangen/write_stats.hpp"

namespace ttmtrack::scangen {

// Writes `scan` with the hosts of `hosts` as a Nessus v2 export (NessusClientData_v2: optional
// Policy with plugin_set, port_range, FamilySelection and IndividualPluginSelection; one Report
// of ReportHosts). Streams: one host in memory at a time. `out` is borrowed. Throws
// ttmtrack::Error (kIo) when the stream fails.
WriteStats WriteNessus(const ScanSpec& scan, HostSource& hosts, std::ostream& out);

}  // namespace ttmtrack::scangen
