#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "importer/export_reader.hpp"

namespace ttmtrack::importer {

// When an export's scan started, read from the head of the file only: the scan's start when
// the export states it before any host (GVM <scan_start>), else the first host's start that
// has one (Nessus HOST_START), else — having read the whole file — its end time. Reading stops
// at the first of these, so a 2 GB export typically costs a few KiB.
//
// An ordering hint for drop-folder imports (docs/cli.md, "import --from"), not the stored scan
// time (scans.scan_time: the earliest host start), which it equals for GVM and may exceed by
// the spread of host start times for Nessus. nullopt when the export states no time at all.
// Throws like ReadExport (kNoInput, kBadInput) when the file is unreadable or malformed before
// that point; the import then reports the same error.
std::optional<std::int64_t> ReadScanStartHint(const std::string& path, const ReadOptions& options);

}  // namespace ttmtrack::importer
