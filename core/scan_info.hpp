#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace ttmtrack::core {

enum class ScanFormat { kNessusV2, kGvm };

// What an export says about the scan as a whole. Times are epoch seconds, UTC.
// The importer fills what it knows at BeginScan and the final values at EndScan.
struct ScanInfo {
  std::string file_name;  // as given on the command line
  // The scan's identity: hex SHA-256 of its XML bytes (decompressed when the file is gzip), so
  // the same scan plain and gzip is one scan. The importer knows it only at the end: it is empty
  // in BeginScan's ScanInfo and set in EndScan's.
  std::string sha256;
  std::string file_sha256;      // hex SHA-256 of the file's bytes as stored; set like sha256
  std::uint64_t file_size = 0;  // bytes of the file as stored (compressed if gzip)
  // Hex SHA-256 of the file's last kFileTailBytes (all of it when smaller), known from the start;
  // empty when the bytes are not a file's. Nightly exports of one estate often have the same
  // size; their ends (the last hosts' times) differ, so a same-size file whose tail matches no
  // stored scan's is new without hashing all of it (docs/importer.md, "Scan identity").
  std::string file_tail_sha256;
  ScanFormat format = ScanFormat::kNessusV2;
  bool gzip = false;
  std::string scanner;          // "Nessus", "OpenVAS"
  std::string scanner_version;  // where the export says
  std::string scan_name;        // Nessus Report@name; GVM task name
  std::string policy_name;      // Nessus policyName; GVM scan config name where present
  std::string report_id;        // GVM report id
  std::string run_status;       // GVM scan_run_status ("Done", "Stopped", ...); empty for Nessus
  std::optional<std::int64_t> started_at;
  std::optional<std::int64_t> ended_at;
};

}  // namespace ttmtrack::core
