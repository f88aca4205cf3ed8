#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace ttmtrack::core {

// A short reference to an imported scan, as shown next to outcomes and verifications.
struct ScanRef {
  std::int64_t id = 0;  // scans.id in the store
  std::string file_name;
  std::string scanner;  // "Nessus", "OpenVAS"
  std::string scan_name;
  std::optional<std::int64_t> time;  // scan time used for ordering (epoch seconds UTC)
  // SHA-256 of the export's bytes: breaks ties between scans with the same time, so ordering
  // never depends on import order (ids do), and lets an auditor match a report to its file.
  std::string sha256;
};

}  // namespace ttmtrack::core
