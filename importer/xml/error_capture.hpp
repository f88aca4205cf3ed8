#pragma once

#include <cstdint>
#include <string>

namespace ttmtrack::importer::xml {

// The first error libxml2 reported for one reader, captured by the per-reader structured error
// handler (never libxml2's global handlers, so concurrent readers do not mix their errors and
// nothing is printed to stderr). Only the first error is kept: later ones are usually
// consequences of it.
struct CapturedError {
  bool present = false;
  std::string message;  // libxml2's text, trailing newline removed
  std::int64_t line = 0;
  std::int64_t column = 0;
  int code = 0;  // xmlParserErrors value
};

// Installs itself as the structured error handler of a reader and records into a
// CapturedError. REQUIRES: `target` outlives the reader. Warnings and namespace errors (an
// undeclared prefix such as cm: — not a well-formedness error) are ignored; every other error
// is recorded, because libxml2 keeps going after some recoverable errors and an export with
// any of them is not one to trust.
class ErrorCapture {
 public:
  // `reader` is an xmlTextReaderPtr; void* keeps libxml2 out of this header.
  static void Install(void* reader, CapturedError* target);
};

}  // namespace ttmtrack::importer::xml
