#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

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

// The last component of a file name as given to `import` ("scans/feb.nessus" -> "feb.nessus"):
// how a scan's file is shown to people (JSON carries the name as given).
std::string_view FileBaseName(std::string_view file_name);

// How a scan is named to people, wherever the reports or the CLI's tables name one (the
// verifying scan, evidence, timelines): its name, scanner and file,
//   “weekly-dmz” (Nessus, feb.nessus)
// Without a name, the file's base name takes its place (“feb.nessus” (Nessus)); without either,
// the SHA-256's first 12 hex digits (SHA-256 1b0d78e117b7). Every part comes from the export:
// escape the result where it is shown.
std::string ScanLabel(const ScanRef& scan);

}  // namespace ttmtrack::core
