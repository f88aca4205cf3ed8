#pragma once

#include <cstddef>

namespace ttmtrack::importer::xml {

// Where an XmlReader pulls its bytes from. Decouples the XML layer from files and gzip
// (importer/input/ implements it), and lets the fuzzer feed memory.
//
// Read fills up to `size` bytes and returns how many it wrote; 0 means end of input. It may
// throw ttmtrack::Error (corrupt compressed data, I/O failure): XmlReader catches it inside the
// libxml2 callback, stops the parse and rethrows it with the parser's position added.
// Not thread-safe; one reader per source.
class ByteSource {
 public:
  virtual ~ByteSource() = default;
  virtual std::size_t Read(char* buffer, std::size_t size) = 0;
};

}  // namespace ttmtrack::importer::xml
