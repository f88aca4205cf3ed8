#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <memory>
#include <string>

#include "importer/input/sha256.hpp"
#include "importer/xml/byte_source.hpp"

namespace ttmtrack::importer::input {

class GzipInflater;
class ReadAhead;

// The bytes of one export, read once: decompressed on the fly when they are gzip, and hashed
// as they pass — the file's bytes as stored (compressed for gzip) and the XML bytes handed to
// the parser — so that identifying the scan costs no second read (docs/importer.md, "Scan
// identity"). Gzip is recognised by its magic bytes (1f 8b), never by the file name; it is
// inflated as the parser pulls (GzipInflater), so neither the compressed nor the inflated
// file is ever in memory whole.
//
// StartReadAhead moves the reading, inflating and hashing to a thread of its own (ReadAhead),
// a few blocks ahead of Read; without it everything happens inside Read.
//
// Ownership: Open() owns its file; the stream constructor borrows `raw`, which must outlive
// the source and be seekable (the magic bytes are peeked and the stream rewound).
// Read and the accessors are for one thread. Read throws ttmtrack::Error kBadInput for
// corrupt or truncated gzip data (GzipInflater's messages), kIo for a read failure.
class InputSource final : public xml::ByteSource {
 public:
  // Throws Error kNoInput (with the path as file) when `path` is missing, a directory or
  // unreadable.
  static std::unique_ptr<InputSource> Open(const std::string& path);

  explicit InputSource(std::istream& raw);
  ~InputSource() override;
  InputSource(const InputSource&) = delete;
  InputSource& operator=(const InputSource&) = delete;

  bool gzip() const { return gzip_; }
  // True when the raw input has no byte at all.
  bool empty() const { return empty_; }
  // Size of the raw input in bytes (compressed size for gzip).
  std::uint64_t size() const { return size_; }

  // Called from Read(), on Read's thread, each time about another MiB of raw input has been
  // consumed, with the raw bytes consumed so far and size(). May be empty.
  using Progress = std::function<void(std::uint64_t bytes_read, std::uint64_t size)>;
  void set_progress(Progress progress) { progress_ = std::move(progress); }

  // From now on a thread of its own reads ahead of Read. REQUIRES: Read not called yet.
  void StartReadAhead();

  std::size_t Read(char* buffer, std::size_t size) override;

  // Lower-case hex SHA-256 of the raw bytes (the file as stored) and of the bytes Read returned
  // (the XML; the same for a plain file). REQUIRES: Read has returned 0 (the end).
  const std::string& file_sha256() const { return file_sha256_; }
  const std::string& xml_sha256() const { return xml_sha256_; }

 private:
  InputSource(std::unique_ptr<std::istream> owned, std::istream& raw);

  // The reading side: raw bytes, inflated when gzip, both hashed. On the read-ahead thread
  // once it runs.
  std::size_t Produce(char* buffer, std::size_t size);
  std::size_t ReadRaw(char* buffer, std::size_t size);
  void ReportProgress();

  std::unique_ptr<std::istream> owned_;  // the file, when opened by path
  std::istream& raw_;
  bool gzip_ = false;
  bool empty_ = false;
  std::uint64_t size_ = 0;

  // The reading side's state (the read-ahead thread's, once it runs).
  std::unique_ptr<GzipInflater> inflater_;
  Sha256 file_sha_;
  Sha256 xml_sha_;  // gzip only: for a plain file the two are one
  bool produced_end_ = false;
  // Written by the reading side; Read reads them only after the end reached it (through
  // ReadAhead's mutex when a thread reads ahead).
  std::string file_sha256_;
  std::string xml_sha256_;
  std::atomic<std::uint64_t> raw_consumed_{0};  // progress, read on Read's thread

  // Read's side.
  std::uint64_t last_reported_ = 0;
  Progress progress_;

  std::unique_ptr<ReadAhead> read_ahead_;  // last: stopped (and joined) before the rest goes
};

}  // namespace ttmtrack::importer::input
