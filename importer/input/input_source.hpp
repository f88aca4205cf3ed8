#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <memory>
#include <string>

#include "importer/xml/byte_source.hpp"

namespace Poco {
class InflatingInputStream;
}

namespace ttmtrack::importer::input {

// The bytes of one export, decompressed on the fly when they are gzip. Gzip is recognised by
// its magic bytes (1f 8b), never by the file name; Poco's InflatingInputStream (STREAM_GZIP)
// inflates as the XML parser pulls, so neither the compressed nor the inflated file is ever in
// memory whole.
//
// Ownership: Open() owns its file; the stream constructor borrows `raw`, which must outlive
// the source and be seekable (the magic bytes are peeked and the stream rewound).
// Not thread-safe. Read() throws ttmtrack::Error kBadInput for corrupt or truncated gzip data
// (message "corrupt gzip stream: ..."), kIo for a read failure.
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

  // Called from Read() each time about another MiB of raw input has been consumed, with the
  // raw bytes consumed so far and size(). May be empty.
  using Progress = std::function<void(std::uint64_t bytes_read, std::uint64_t size)>;
  void set_progress(Progress progress) { progress_ = std::move(progress); }

  std::size_t Read(char* buffer, std::size_t size) override;

 private:
  InputSource(std::unique_ptr<std::istream> owned, std::istream& raw);

  std::unique_ptr<std::istream> owned_;  // the file, when opened by path
  std::istream& raw_;
  std::unique_ptr<Poco::InflatingInputStream> inflater_;
  std::istream* in_ = nullptr;  // raw_ or *inflater_
  bool gzip_ = false;
  bool empty_ = false;
  std::uint64_t size_ = 0;
  std::uint64_t plain_consumed_ = 0;
  std::uint64_t last_reported_ = 0;
  Progress progress_;

  void ReportProgress();
};

}  // namespace ttmtrack::importer::input
