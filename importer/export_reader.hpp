#pragma once

#include <cstdint>
#include <functional>
#include <iosfwd>
#include <string>

#include "core/scan_sink.hpp"

namespace ttmtrack::importer {

struct ReadOptions {
  // Offset from UTC, in seconds, of Nessus HOST_START/HOST_END strings, which carry no zone.
  // Used only when the epoch *_TIMESTAMP tags are absent (docs/importer.md).
  int nessus_local_utc_offset_seconds = 0;
  // Called now and then (about every MiB read, and once at the end) with the bytes of the file
  // consumed so far and the file's size, for progress display on long imports. May be empty.
  std::function<void(std::uint64_t bytes_read, std::uint64_t file_size)> progress;
};

// Streams one scan export into `sink` (core/scan_sink.hpp for the call order). The format is
// detected from the content: Nessus v2 (root NessusClientData_v2), GVM/OpenVAS report XML (a
// bare <report> or the <get_reports_response> wrapper), each plain or gzip-compressed.
// `sha256` is the hex SHA-256 of the file's bytes (Sha256OfFile) and goes into ScanInfo.
// Memory stays flat whatever the file size: no DOM is ever built.
//
// Throws ttmtrack::Error: kNoInput when the file cannot be opened; kBadInput with file, line
// and column when it is malformed, truncated, hostile (DOCTYPE/entities), or not a supported
// format. After a throw the sink has received an incomplete scan and must discard it.
void ReadExport(const std::string& path, const std::string& sha256, const ReadOptions& options,
                core::ScanSink& sink);

// The same, over bytes already open as a seekable stream (the fuzzer and tests feed memory).
// `display_name` is what ScanInfo::file_name and error messages show. `bytes` is borrowed.
void ReadExportStream(std::istream& bytes, const std::string& display_name,
                      const std::string& sha256, const ReadOptions& options, core::ScanSink& sink);

// Hex SHA-256 of the file's raw bytes (compressed bytes for gzip). Throws kNoInput.
std::string Sha256OfFile(const std::string& path);

}  // namespace ttmtrack::importer
