#pragma once

#include <string>
#include <vector>

#include "tools/scangen/host_source.hpp"
#include "tools/scangen/scan_spec.hpp"
#include "tools/scangen/write_stats.hpp"

namespace ttmtrack::scangen {

// Writes one scan export to `path` in the spec's format, gzip-compressed when scan.gzip (a real
// gzip member, as `gzip -c` writes, deterministic: no file name or time in its header).
// Replaces an existing file. Throws ttmtrack::Error: kIo when the file cannot be created or
// written.
WriteStats WriteScanFile(const ScanSpec& scan, HostSource& hosts, const std::string& path);
WriteStats WriteScanFile(const ScanSpec& scan, const std::vector<HostSpec>& hosts,
                         const std::string& path);

}  // namespace ttmtrack::scangen
