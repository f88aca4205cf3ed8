#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "importer/xml/byte_source.hpp"
#include "importer/xml/sax_parser.hpp"

namespace ttmtrack::importer::xml {

// A pull reader over libxml2's SAX2 push parser (SaxParser), fed from a ByteSource with the
// secure options (secure_options.cpp). It never builds a DOM of the document: the parser turns
// each block of input into a batch of events, which Next() hands out one at a time, so memory
// depends on the block size and the largest text an element holds, not on the file.
//
// Three kinds of events: element start, element end (also for <empty/> elements), and text
// (text, CDATA and whitespace, undistinguished; character references already resolved).
// Comments and processing instructions are skipped. A DOCTYPE or an entity reference throws.
//
// Element names are qualified names as written: a namespaced element is seen as "cm:foo" and
// so never matches the plain names the format readers look for.
//
// Ownership: `source` is borrowed and must outlive the reader. Not copyable or movable (libxml2
// holds a pointer to the parser). Not thread-safe: use it on one thread; independent readers
// may run on different threads. Throws ttmtrack::Error kBadInput (with file, line, column) on
// malformed, truncated or hostile input, once the events before the problem have been read;
// errors thrown by the ByteSource (kBadInput for corrupt gzip, kIo) come out of Next() with the
// number of XML bytes read before them.
class XmlReader {
 public:
  // `max_text_bytes` bounds ReadText (kMaxTextBytes unless a test wants a small bound).
  XmlReader(ByteSource& source, std::string file_name, std::size_t max_text_bytes = kMaxTextBytes);
  ~XmlReader();
  XmlReader(const XmlReader&) = delete;
  XmlReader& operator=(const XmlReader&) = delete;

  // Advances to the next element start, element end or text. Returns false at the end of a
  // well-formed document, once the whole input has been read.
  bool Next();

  NodeKind kind() const { return current_.kind; }
  // Depth of the current event: the root element is 0, its children and its text 1.
  int depth() const { return current_.depth; }
  // REQUIRES: kind() is an element start or end. Valid as long as the reader lives.
  std::string_view name() const { return {current_.name, current_.name_size}; }
  // REQUIRES: kind() == kText. Valid only until the next Next().
  std::string_view text() const { return parser_.TextOf(current_); }
  // REQUIRES: kind() == kStartElement. The value of the attribute with this qualified name,
  // nullopt when absent. Valid only until the next Next().
  std::optional<std::string_view> Attribute(std::string_view attribute_name) const {
    return parser_.AttributeOf(current_, attribute_name);
  }
  // REQUIRES: kind() == kStartElement. Source line of the element's start tag (of its end
  // when the tag spans lines).
  std::int64_t line() const { return current_.line; }

  // REQUIRES: kind() == kStartElement. Reads to the matching end and returns the text of the
  // element and all its descendants, concatenated verbatim. Throws kBadInput when the text
  // exceeds the reader's bound (kMaxTextBytes by default), which keeps memory bounded whatever a
  // hostile file nests.
  std::string ReadText();
  // REQUIRES: kind() == kStartElement. Reads to the matching end, keeping nothing: what the
  // parser has not reached yet of the element is parsed without being recorded.
  void Skip();

  // REQUIRES: kind() == kStartElement. Calls on_child(name) at each child element start (the
  // name is valid during the call) and on_text(text) for each text directly inside this
  // element, then leaves the reader on this element's end. A child the callback does not
  // consume (ReadText, Skip, ForEachChild) is skipped for it, so callbacks only handle what
  // they want.
  template <typename OnChild, typename OnText>
  void ForEachChild(OnChild&& on_child, OnText&& on_text);
  template <typename OnChild>
  void ForEachChild(OnChild&& on_child) {
    EachChild(on_child, [](std::string_view) {});
  }

  // From now on only the text inside elements with these unprefixed names (and their
  // descendants) is read (SaxParser::KeepTextOnlyIn): ReadText, and ForEachChild's on_text, on
  // any other element is a programmer error (throws kInternal) rather than an empty text.
  void KeepTextOnlyIn(const std::vector<std::string_view>& names) { parser_.KeepTextOnlyIn(names); }

  // Throws kBadInput "FILE:LINE: message" for a problem found in the content.
  [[noreturn]] void Fail(const std::string& message, std::int64_t at_line,
                         const std::string& host = {}) const;

  const std::string& file_name() const { return file_name_; }

  static constexpr std::size_t kMaxTextBytes = 32u << 20;

 private:
  bool Refill();
  std::size_t ReadSource();
  // REQUIRES: kind() == kStartElement. Throws kInternal when the element's text is not kept.
  void RequireText(const char* caller) const;
  template <typename OnChild, typename OnText>
  void EachChild(OnChild&& on_child, OnText&& on_text);

  ByteSource& source_;
  std::string file_name_;
  std::size_t max_text_bytes_;
  SaxParser parser_;
  std::vector<char> block_;       // input bytes handed to the parser
  std::size_t cursor_ = 0;        // next event of the parser's batch
  SaxParser::Event current_;      // a copy: the batch may be cleared under it
  bool input_ended_ = false;      // the ByteSource said end of input
  std::uint64_t bytes_read_ = 0;  // (decompressed) bytes handed to the parser
};

template <typename OnChild, typename OnText>
void XmlReader::ForEachChild(OnChild&& on_child, OnText&& on_text) {
  RequireText("ForEachChild with on_text");
  EachChild(on_child, on_text);
}

template <typename OnChild, typename OnText>
void XmlReader::EachChild(OnChild&& on_child, OnText&& on_text) {
  const int element_depth = depth();
  while (Next()) {
    if (depth() == element_depth && kind() == NodeKind::kEndElement) return;
    if (depth() != element_depth + 1) continue;
    if (kind() == NodeKind::kText) {
      on_text(text());
    } else if (kind() == NodeKind::kStartElement) {
      on_child(name());
      if (kind() == NodeKind::kStartElement && depth() == element_depth + 1) Skip();
    }
  }
}

}  // namespace ttmtrack::importer::xml
