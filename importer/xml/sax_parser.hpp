#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "importer/xml/error_capture.hpp"
#include "importer/xml/prolog_guard.hpp"

struct _xmlParserCtxt;

namespace ttmtrack::importer::xml {

enum class NodeKind { kStartElement, kEndElement, kText };

// libxml2's push parser with SAX2 callbacks that record what it parses as a batch of events,
// for XmlReader to pull one at a time. SAX2 and not xmlTextReader: the reader builds and frees
// a tree node for every element, attribute and text, which costs it about three times what the
// tokenizer alone costs (docs/benchmark.md); the callbacks here copy only attribute values and
// text into one arena per batch and point at libxml2's dictionary for names.
//
// The secure options of secure_options.cpp apply; no DTD, entity or network callback does
// anything but refuse: a DOCTYPE is stopped by the PrologGuard before the parser sees its bytes,
// and should a declaration or an entity reference still reach a callback, the parse stops with
// an error. The limits that libxml2 enforces only when it builds a tree are enforced here: a
// text of more than kMaxTextRunBytes between two tags, elements nested deeper than kMaxDepth.
//
// Events are kept in document order; names are qualified names as written ("cm:foo"). After a
// problem (malformed XML, a limit, a hostile construct) no further event is recorded: the
// events parsed before it are delivered, then ThrowFailure says what went wrong, with the
// file, line and column.
//
// Ownership: owns the parser context; borrows nothing. Not copyable or movable (libxml2 holds
// a pointer to it). Not thread-safe: construct, use and destroy it on one thread (it routes
// that thread's global libxml2 error handlers to itself while it lives, ScopedGlobalErrorCapture).
class SaxParser {
 public:
  struct Event {
    NodeKind kind = NodeKind::kText;
    int depth = 0;               // the root element is 0, its children and text 1
    std::int64_t line = 0;       // where the parser was: an element start's line is its tag's
    const char* name = nullptr;  // elements: qualified name, in libxml2's dictionary
    std::size_t name_size = 0;
    std::size_t first = 0;   // text: offset in the arena; start: index of the first attribute
    std::size_t count = 0;   // text: bytes; start: number of attributes
    bool keeps_text = true;  // start: the element's text is recorded (KeepTextOnlyIn)
  };

  // Text larger than this between two tags is refused: libxml2's limit for a text node
  // (XML_MAX_TEXT_LENGTH), which its own SAX2 tree builder enforces and plain SAX does not.
  static constexpr std::size_t kMaxTextRunBytes = 10'000'000;
  // Deeper nesting is refused: libxml2's default (xmlParserMaxDepth) when it builds a tree.
  static constexpr int kMaxDepth = 256;

  // `file_name` is for error messages only.
  explicit SaxParser(std::string file_name);
  ~SaxParser();
  SaxParser(const SaxParser&) = delete;
  SaxParser& operator=(const SaxParser&) = delete;

  // Parses the next `size` bytes of the document; `at_end` once the input has ended (then
  // `size` may be 0). Appends to the batch every event the bytes complete.
  void Parse(const char* data, std::size_t size, bool at_end);
  // Whether a problem stopped the parse (ThrowFailure says which).
  bool failed() const;
  // REQUIRES: failed(). Throws ttmtrack::Error kBadInput with file, line and column.
  [[noreturn]] void ThrowFailure() const;

  // The batch: the events parsed since the last ClearBatch.
  std::size_t size() const { return events_.size(); }
  const Event& operator[](std::size_t i) const { return events_[i]; }
  // Forgets the batch: every view into it becomes invalid.
  void ClearBatch();
  // REQUIRES: `text` is a kText event of the batch. Valid until ClearBatch.
  std::string_view TextOf(const Event& text) const;
  // REQUIRES: `start` is a kStartElement event of the batch. The value of the attribute with
  // this qualified name; nullopt when absent. Valid until ClearBatch.
  std::optional<std::string_view> AttributeOf(const Event& start, std::string_view name) const;

  // From now on, records nothing inside the element at `depth` that is open at the parser's
  // position (no start, end or text of its descendants) until that element's end, which is
  // recorded. For skipping a subtree whose remaining events are not parsed yet.
  void SkipRestOf(int depth) { skip_depth_ = depth; }

  // From now on, records text only inside elements with one of these unprefixed names (and
  // their descendants); all other text is parsed and checked, and dropped: character data is
  // most of an export, and a format reader reads a few elements' worth. Elements that start
  // before the call keep what they had. Names are copied.
  void KeepTextOnlyIn(const std::vector<std::string_view>& names);

  // Newlines in the input so far, plus one: the last line's number.
  std::int64_t input_lines() const { return input_lines_; }

 private:
  struct Attribute {
    const char* name = nullptr;  // qualified, in libxml2's dictionary
    std::size_t name_size = 0;
    std::size_t value_offset = 0;  // in the arena
    std::size_t value_size = 0;
  };
  struct ContextDeleter {
    void operator()(_xmlParserCtxt* context) const;
  };
  // The SAX2 callbacks (sax_parser.cpp) need the private members.
  friend struct SaxCallbacks;

  void Start(const char* data, std::size_t size);
  void InternTextElementNames();
  void Refuse(std::string message);
  std::int64_t Line() const;
  std::string LastElementRead() const;
  bool Skipping(int depth) const { return skip_depth_ >= 0 && depth > skip_depth_; }

  std::string file_name_;
  CapturedError error_;
  ScopedGlobalErrorCapture global_capture_{&error_};  // before context_: outlives it
  PrologGuard prolog_guard_;
  bool doctype_seen_ = false;  // a DOCTYPE: withheld from the parser by the guard, or refused
  std::int64_t doctype_line_ = 0;
  std::int64_t doctype_column_ = 0;
  bool at_end_ = false;  // Parse was told the input ended
  // A problem found by the callbacks themselves (a limit, a hostile construct), and where.
  std::string refusal_;
  std::int64_t refusal_line_ = 0;
  std::int64_t input_lines_ = 1;
  std::unique_ptr<_xmlParserCtxt, ContextDeleter> context_;

  std::vector<Event> events_;
  std::vector<Attribute> attributes_;
  std::string arena_;  // text and attribute values of the batch

  // The elements open at the parser's position, outermost first: their depth, and for "the
  // file ends inside ..." messages their names and lines.
  struct OpenElement {
    const char* name = nullptr;
    std::int64_t line = 0;
    bool keeps_text = true;        // its text is recorded
    bool in_kept_element = false;  // it or an ancestor is named in KeepTextOnlyIn
  };
  std::vector<OpenElement> open_;
  int skip_depth_ = -1;  // SkipRestOf's depth, -1 when not skipping
  // KeepTextOnlyIn: whether the filter is on, the names as given, and the same names interned in
  // libxml2's dictionary (once the parser exists), compared by pointer in the callbacks.
  bool text_filtered_ = false;
  std::vector<std::string> text_element_names_;
  std::vector<const char*> text_elements_;
  std::size_t text_run_ = 0;  // text bytes since the last tag
};

}  // namespace ttmtrack::importer::xml
