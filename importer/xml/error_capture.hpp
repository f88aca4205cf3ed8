#pragma once

#include <cstdint>
#include <string>

struct _xmlError;

namespace ttmtrack::importer::xml {

// The first error libxml2 reported for one parser, captured by the per-parser structured error
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

// Records libxml2's `error` (an xmlErrorPtr) into `target`, for a structured error handler
// (the parser's own, SaxParser's serror, and the thread's global one below). Warnings and
// namespace errors (an undeclared prefix such as cm: — not a well-formedness error) are
// ignored; every other error is recorded, because libxml2 keeps going after some recoverable
// errors and an export with any of them is not one to trust.
void RecordError(CapturedError& target, const _xmlError* error);

// Some libxml2 errors bypass the parser's handler: encoding conversion and I/O errors are
// raised without a parser context and go to the thread's global handlers, which by default
// print to stderr ("encoding error : input conversion failed..."). While an instance lives,
// the calling thread's global structured handler records into `target` as well and the
// generic handler prints nothing; the destructor restores what was there. libxml2 keeps these
// handlers per thread, so other threads are unaffected.
// REQUIRES: constructed and destroyed on the same thread, strictly nested with any other
// instance on that thread; `target` outlives it. Not copyable or movable.
class ScopedGlobalErrorCapture {
 public:
  explicit ScopedGlobalErrorCapture(CapturedError* target);
  ~ScopedGlobalErrorCapture();
  ScopedGlobalErrorCapture(const ScopedGlobalErrorCapture&) = delete;
  ScopedGlobalErrorCapture& operator=(const ScopedGlobalErrorCapture&) = delete;

 private:
  void* saved_structured_context_;
  void* saved_structured_handler_;  // xmlStructuredErrorFunc, as void* to keep libxml2 out
  void* saved_generic_context_;
  void* saved_generic_handler_;  // xmlGenericErrorFunc
};

}  // namespace ttmtrack::importer::xml
