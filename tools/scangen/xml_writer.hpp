#pragma once

#include <cstddef>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

namespace ttmtrack::scangen {

// Appends `text` to `out` escaped for XML character data: `&`, `<`, `>` (so "]]>" cannot end a
// CDATA-like run) and CR (as &#13;, or a parser would fold CRLF into LF). What XML 1.0 can not
// carry at all becomes U+FFFD, so the output is always well-formed whatever the input: C0
// controls other than TAB/LF/CR, U+FFFE and U+FFFF (one U+FFFD each), and malformed UTF-8 —
// overlongs, surrogates, values above U+10FFFF, truncated sequences — one U+FFFD per maximal
// invalid subpart (core/utf8.hpp), as the reports show it.
void AppendEscapedText(std::string& out, std::string_view text);

// As AppendEscapedText, for a double-quoted attribute value: also escapes `"` and `'`, and TAB,
// LF and CR as character references so attribute-value normalisation keeps them.
void AppendEscapedAttribute(std::string& out, std::string_view value);

// What a conforming parser hands back for `text` written by the functions above: the input with
// every character XML cannot carry replaced by U+FFFD. Tests compare parsed values with this.
std::string XmlRoundTrip(std::string_view text);

// A small streaming XML writer: start tags, attributes, text, end tags, nothing else.
//
// Element and attribute names come from our own code and are written as given; every value is
// escaped. Output is buffered (64 KiB) and flushed to the borrowed stream, which must outlive the
// writer. Memory is bounded by the buffer and the nesting depth, never by the document size.
// `indent` > 0 writes a newline and `indent` spaces per level before each start tag and each
// end tag that follows a child element (GVM style); 0 writes a bare newline there (Nessus style).
// No whitespace is ever added inside an element that has text (mixed content such as GVM's
// `<port>5010/tcp<host>..</host></port>`), so text values are exactly what was given.
// Not thread-safe. Finish() throws ttmtrack::Error (kIo) when the stream reports a failure; the
// destructor never flushes (a half-written document is the caller's to discard).
class XmlWriter {
 public:
  XmlWriter(std::ostream& out, int indent);
  XmlWriter(const XmlWriter&) = delete;
  XmlWriter& operator=(const XmlWriter&) = delete;

  // `<?xml version="1.0" encoding="UTF-8"?>` — REQUIRES: nothing written yet.
  void Declaration();
  void Start(std::string_view name);
  // REQUIRES: directly after Start or another Attribute.
  void Attribute(std::string_view name, std::string_view value);
  void Text(std::string_view text);
  // Closes the innermost open element; `<name/>` when it got no content.
  void End();
  // Start + Text + End.
  void Leaf(std::string_view name, std::string_view text);

  // REQUIRES: every element closed. Flushes and checks the stream.
  void Finish();

  // Bytes produced so far (before any compression the stream applies).
  std::size_t bytes_written() const { return flushed_ + buffer_.size(); }

 private:
  void CloseStartTag();
  void Break(std::size_t depth);
  void FlushIfFull();

  std::ostream& out_;
  int indent_;
  std::string buffer_;
  std::size_t flushed_ = 0;
  struct Open {
    std::string name;
    bool has_text = false;
    bool has_children = false;
  };
  std::vector<Open> open_;  // open elements, outermost first
  bool start_tag_open_ = false;
};

}  // namespace ttmtrack::scangen
