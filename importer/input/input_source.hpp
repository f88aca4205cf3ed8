#pragma once

#include <cstddef>
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

  std::size_t Read(char* buffer, std::size_t size) override;

 private:
  InputSource(std::unique_ptr<std::istream> owned, std::istream& raw);

  std::unique_ptr<std::istream> owned_;  // the file, when opened by path
  std::istream& raw_;
  std::unique_ptr<Poco::InflatingInputStream> inflater_;
  std::istream* in_ = nullptr;  // raw_ or *inflater_
  bool gzip_ = false;
  bool empty_ = false;
};

}  // namespace ttmtrack::importer::input
