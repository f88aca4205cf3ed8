#include "importer/xml/prolog_guard.hpp"

namespace ttmtrack::importer::xml {
namespace {

bool IsXmlSpace(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
// Bytes of the UTF-8 (EF BB BF) and UTF-16 (FE FF / FF FE) byte order marks.
bool IsBomByte(unsigned char c) { return c == 0xEF || c == 0xBB || c == 0xBF || c >= 0xFE; }

}  // namespace

PrologGuard::Verdict PrologGuard::Feed(const char* data, std::size_t size) {
  for (std::size_t i = 0; i < size && verdict_ == Verdict::kWatching; ++i) {
    Step(static_cast<unsigned char>(data[i]));
  }
  return verdict_;
}

void PrologGuard::Count(unsigned char c) {
  if (c == '\n') {
    ++line_;
    column_ = 0;
  } else {
    ++column_;
  }
}

void PrologGuard::Step(unsigned char c) {
  if (c == 0) return;
  Count(c);
  switch (state_) {
    case State::kOutside:
      if (c == '<') {
        state_ = State::kAfterLt;
        lt_line_ = line_;
        lt_column_ = column_;
      } else if (line_ == 1 && column_ <= 3 && IsBomByte(c)) {
        --column_;  // a BOM is not a column
      } else if (!IsXmlSpace(c)) {
        verdict_ = Verdict::kDone;  // not markup: libxml2 will say what is wrong
      }
      break;
    case State::kAfterLt:
      if (c == '?') {
        state_ = State::kPi;
        question_ = false;
      } else if (c == '!') {
        state_ = State::kAfterBang;
      } else {
        verdict_ = Verdict::kDone;  // the root element (or garbage)
      }
      break;
    case State::kAfterBang:
      if (c == '-') {
        state_ = State::kAfterBangDash;
      } else {
        // <!DOCTYPE (or another declaration, which is as unwelcome before the root).
        verdict_ = Verdict::kDoctype;
        doctype_line_ = lt_line_;
        doctype_column_ = lt_column_;
      }
      break;
    case State::kAfterBangDash:
      if (c == '-') {
        state_ = State::kComment;
        dashes_ = 0;
      } else {
        verdict_ = Verdict::kDone;
      }
      break;
    case State::kComment:
      if (c == '-') {
        ++dashes_;
      } else {
        if (c == '>' && dashes_ >= 2) state_ = State::kOutside;
        dashes_ = 0;
      }
      break;
    case State::kPi:
      if (c == '>' && question_) state_ = State::kOutside;
      question_ = c == '?';
      break;
  }
}

}  // namespace ttmtrack::importer::xml
