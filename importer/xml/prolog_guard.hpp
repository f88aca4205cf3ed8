#pragma once

#include <cstddef>
#include <cstdint>

namespace ttmtrack::importer::xml {

// Watches the bytes before the root element as they stream to libxml2 and spots a DOCTYPE
// before the parser sees it. libxml2 would otherwise parse the internal subset first and, on
// a hostile file, fail on whatever entity trick it hits ("entity reference loop", "attribute
// references external entity") with a message that hides the real problem and a position far
// from it. With the guard the answer is always the same: the DOCTYPE is rejected, at its own
// line and column, and its bytes never reach the parser.
//
// It understands just enough of the prolog: whitespace, a BOM, <?...?> (the XML declaration
// and processing instructions) and <!-- comments -->. NUL bytes are ignored, so the ASCII
// delimiters of a UTF-16 file are recognised too. At the first other thing — normally the
// root element's "<name" — it stops looking (libxml2 judges everything else). Pure state
// machine; not thread-safe.
class PrologGuard {
 public:
  enum class Verdict { kWatching, kDone, kDoctype };

  // Feeds the next bytes of the input. Once the verdict is kDone or kDoctype it no longer
  // changes and further bytes are not looked at.
  Verdict Feed(const char* data, std::size_t size);

  // Position of the "<!" that opened the declaration; valid when the verdict is kDoctype.
  std::int64_t line() const { return doctype_line_; }
  std::int64_t column() const { return doctype_column_; }

 private:
  enum class State { kOutside, kAfterLt, kAfterBang, kAfterBangDash, kComment, kPi };

  void Step(unsigned char c);
  // Moves line_ and column_ past `c`.
  void Count(unsigned char c);

  Verdict verdict_ = Verdict::kWatching;
  State state_ = State::kOutside;
  int dashes_ = 0;         // consecutive '-' inside a comment
  bool question_ = false;  // previous byte inside <?...?> was '?'
  std::int64_t line_ = 1;  // position of the byte being looked at
  std::int64_t column_ = 0;
  std::int64_t lt_line_ = 0;  // position of the last '<'
  std::int64_t lt_column_ = 0;
  std::int64_t doctype_line_ = 0;
  std::int64_t doctype_column_ = 0;
};

}  // namespace ttmtrack::importer::xml
