#pragma once

#include <iosfwd>

#include "tools/scangen/host_source.hpp"
#include "tools/scangen/scan_spec.hpp"
#include "tools/scangen/write_stats.hpp"

namespace ttmtrack::scangen {

// Writes `scan` with the hosts of `hosts` as a GVM/OpenVAS XML report: the downloaded
// `<report format_id=..>` wrapper (optionally inside `<get_reports_response>`) around the inner
// `<report id=..>` with task, scan_start/scan_end, scan_run_status, the ports summary, results,
// and one host element per host (no <end> for an interrupted host). GVM lists results before
// hosts, so the writer makes four passes over `hosts` (counts, ports, results, hosts) and keeps
// one host in memory at a time. `out` is borrowed. Throws ttmtrack::Error (kIo).
WriteStats WriteGvm(const ScanSpec& scan, HostSource& hosts, std::ostream& out);

}  // namespace ttmtrack::scangen
