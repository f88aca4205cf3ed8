#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/error.hpp"
#include "importer/xml/byte_source.hpp"
#include "importer/xml/error_capture.hpp"
#include "importer/xml/prolog_guard.hpp"

struct _xmlTextReader;

namespace ttmtrack::importer::xml {

enum class NodeKind { kStartElement, kEndElement, kText };

// A pull reader over libxml2's xmlTextReader, fed through xmlReaderForIO from a ByteSource, with
// the secure options (secure_options.cpp) and a per-reader structured error handler. It never
// builds a DOM of the document and never expands a subtree: libxml2 frees each node once the
// reader has moved past it, so memory depends on the largest single element, not the file.
//
// It reduces libxml2's node types to three: element start, element end (also for <empty/>
// elements, which libxml2 reports as a start only), and text (text, CDATA and whitespace,
// undistinguished; character references already resolved). Comments and processing
// instructions are skipped. A DOCTYPE or an entity reference throws at once.
//
// Element names are qualified names as written: a namespaced element is seen as "cm:foo" and
// so never matches the plain names the format readers look for.
//
// Ownership: `source` is borrowed and must outlive the reader. Not copyable or movable (libxml2
// holds a pointer to it). Not thread-safe; independent readers may run on different threads.
// Throws ttmtrack::Error kBadInput (with file, line, column) on malformed, truncated or hostile
// input; errors thrown by the ByteSource (kBadInput for corrupt gzip, kIo) come out of Next()
// with the parser's position added.
class XmlReader {
 public:
  // `max_text_bytes` bounds ReadText (kMaxTextBytes unless a test wants a small bound).
  XmlReader(ByteSource& source, std::string file_name, std::size_t max_text_bytes = kMaxTextBytes);
  ~XmlReader();
  XmlReader(const XmlReader&) = delete;
  XmlReader& operator=(const XmlReader&) = delete;

  // Advances to the next element start, element end or text node. Returns false at the end of
  // a well-formed document.
  bool Next();

  NodeKind kind() const { return kind_; }
  // Depth of the current node: the root element is 0, its children 1, their text 2.
  int depth() const { return depth_; }
  // REQUIRES: kind() is an element start or end. Valid only until the next Next().
  std::string_view name() const;
  // REQUIRES: kind() == kText. Valid only until the next Next().
  std::string_view text() const;
  // REQUIRES: kind() == kStartElement. The attribute's value, nullopt when absent. A copy:
  // libxml2 allocates it and the wrapper frees it.
  std::optional<std::string> Attribute(const char* attribute_name) const;
  // Source line of the current element start (exact; from the node, not the parser, which
  // reads ahead).
  std::int64_t line() const;

  // REQUIRES: kind() == kStartElement. Reads to the matching end and returns the text of the
  // element and all its descendants, concatenated verbatim. Throws kBadInput when the text
  // exceeds the reader's bound (kMaxTextBytes by default), which keeps memory bounded whatever a
  // hostile file nests.
  std::string ReadText();
  // REQUIRES: kind() == kStartElement. Reads to the matching end, keeping nothing.
  void Skip();

  // REQUIRES: kind() == kStartElement. Calls on_child(name) at each child element start (the
  // name is valid only during the call) and on_text(text) for each text node directly inside
  // this element, then leaves the reader on this element's end. A child the callback does not
  // consume (ReadText, Skip, ForEachChild) is skipped for it, so callbacks only handle what
  // they want.
  template <typename OnChild, typename OnText>
  void ForEachChild(OnChild&& on_child, OnText&& on_text);
  template <typename OnChild>
  void ForEachChild(OnChild&& on_child) {
    ForEachChild(on_child, [](std::string_view) {});
  }

  // Throws kBadInput "FILE:LINE: message" for a problem found in the content.
  [[noreturn]] void Fail(const std::string& message, std::int64_t at_line,
                         const std::string& host = {}) const;

  const std::string& file_name() const { return file_name_; }

  static constexpr std::size_t kMaxTextBytes = 32u << 20;

 private:
  struct ReaderDeleter {
    void operator()(_xmlTextReader* reader) const;
  };
  static int ReadCallback(void* context, char* buffer, int size);
  [[noreturn]] void ThrowReadFailure();
  [[noreturn]] void ThrowHostileNode(int node_type);
  [[noreturn]] void ThrowDoctype(std::int64_t at_line, std::int64_t at_column) const;
  std::string LastElementRead() const;
  void CountLines(const char* data, std::size_t size);

  ByteSource& source_;
  std::string file_name_;
  CapturedError error_;
  ScopedGlobalErrorCapture global_capture_{&error_};  // before reader_: outlives it
  std::unique_ptr<Error> source_error_;  // thrown by the ByteSource inside the callback
  PrologGuard prolog_guard_;
  bool doctype_seen_ = false;     // the guard withheld a DOCTYPE from the parser
  bool source_at_end_ = false;    // the ByteSource said end of input
  std::uint64_t bytes_read_ = 0;  // (decompressed) bytes handed to libxml2
  std::int64_t input_lines_ = 1;  // 1 + newlines handed to libxml2: the last line's number
  std::unique_ptr<_xmlTextReader, ReaderDeleter> reader_;
  NodeKind kind_ = NodeKind::kText;
  std::size_t max_text_bytes_;
  int depth_ = -1;
  bool pending_end_ = false;  // the current start was <empty/>: the next Next() yields its end
};

template <typename OnChild, typename OnText>
void XmlReader::ForEachChild(OnChild&& on_child, OnText&& on_text) {
  const int element_depth = depth_;
  while (Next()) {
    if (depth_ == element_depth && kind_ == NodeKind::kEndElement) return;
    if (depth_ != element_depth + 1) continue;
    if (kind_ == NodeKind::kText) {
      on_text(text());
    } else if (kind_ == NodeKind::kStartElement) {
      on_child(name());
      if (kind_ == NodeKind::kStartElement && depth_ == element_depth + 1) Skip();
    }
  }
}

}  // namespace ttmtrack::importer::xml
