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
  // ReadExport reads, inflates and hashes on a thread of its own, a few blocks ahead of the
  // parser; false keeps everything on the calling thread (the benchmark compares the two).
  bool read_ahead = true;
};

// The two SHA-256 digests of an export, known once it has been read to its end.
struct ScanDigests {
  std::string sha256;       // of the XML (decompressed) bytes: the scan's identity
  std::string file_sha256;  // of the file's bytes as stored
};

// Streams one scan export into `sink` (core/scan_sink.hpp for the call order). The format is
// detected from the content: Nessus v2 (root NessusClientData_v2), GVM/OpenVAS report XML (a
// bare <report> or the <get_reports_response> wrapper), each plain or gzip-compressed.
// The file is read once: its SHA-256 and that of its XML are computed from the bytes the parser
// consumes (a tee in input::InputSource) and are known only at the end, so they are in
// EndScan's ScanInfo (sha256: the XML's, the scan's identity; file_sha256 and file_size: the
// file's as stored) and empty in BeginScan's. Reading, inflating and hashing run on a thread of
// their own, a few blocks ahead of the parser. Memory stays flat whatever the file size: no DOM
// is ever built.
//
// Throws ttmtrack::Error: kNoInput when the file cannot be opened; kBadInput with file, line
// and column when it is malformed, truncated, hostile (DOCTYPE/entities), not a supported
// format, or not a scan (a Nessus policy, a GMP response without a report). After a throw the
// sink has received an incomplete scan and must discard it.
void ReadExport(const std::string& path, const ReadOptions& options, core::ScanSink& sink);

// The same, over bytes already open as a seekable stream (the fuzzer and tests feed memory),
// without a reading thread. `display_name` is what ScanInfo::file_name and error messages show.
// `bytes` is borrowed.
void ReadExportStream(std::istream& bytes, const std::string& display_name,
                      const ReadOptions& options, core::ScanSink& sink);

// Hex SHA-256 of the file's bytes as stored (compressed bytes for gzip), read on their own:
// for recognising a re-import before parsing (docs/importer.md, "Scan identity"). Throws
// kNoInput when the file cannot be opened, kIo when it cannot be read.
std::string Sha256OfFile(const std::string& path);

// Hex SHA-256 of the file's last kFileTailBytes as stored (all of it when smaller): the
// ScanInfo::file_tail_sha256 an import of `path` stores. One short read at the end of the file.
// Throws kNoInput when the file cannot be opened, kIo when it cannot be read.
inline constexpr std::uint64_t kFileTailBytes = std::uint64_t{64} * 1024;
std::string Sha256OfFileTail(const std::string& path);

// The size of the file in bytes (compressed size for gzip). Throws kNoInput.
std::uint64_t FileSize(const std::string& path);

}  // namespace ttmtrack::importer
