#include "reports/html_writer.hpp"

#include <cassert>
#include <charconv>

#include "reports/escape.hpp"

namespace ttmtrack::reports {

namespace detail {
void RejectedAtCompileTime(const char* why) {
  // Unreachable at run time: every caller is a consteval constructor, where calling this
  // non-constexpr function is a compile error.
  static_cast<void>(why);
  assert(false);
}
}  // namespace detail

namespace {
std::string ToDecimal(std::int64_t value) {
  char buffer[24];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  return {buffer, result.ptr};
}
}  // namespace

Url& Url::Literal(Markup trusted) {
  text_.append(trusted.view());
  return *this;
}

Url& Url::Segment(std::string_view untrusted) {
  assert(untrusted != "." && untrusted != "..");
  AppendUrlSegmentEncoded(text_, untrusted);
  return *this;
}

Attr::Attr(AttrName name, std::int64_t value) : name_(name.view()), value_(ToDecimal(value)) {}

void HtmlWriter::Text(std::string_view untrusted) { AppendHtmlEscaped(out_, untrusted); }

void HtmlWriter::Number(std::int64_t value) { out_.append(ToDecimal(value)); }

void HtmlWriter::AppendAttrs(Attrs attrs) {
  for (const Attr& attr : attrs) {
    out_.push_back(' ');
    out_.append(attr.name());
    out_.append("=\"");
    AppendHtmlEscaped(out_, attr.value());
    out_.push_back('"');
  }
}

void HtmlWriter::Open(Tag tag, Attrs attrs) {
  out_.push_back('<');
  out_.append(tag.view());
  AppendAttrs(attrs);
  out_.push_back('>');
}

void HtmlWriter::Close(Tag tag) {
  out_.append("</");
  out_.append(tag.view());
  out_.push_back('>');
}

void HtmlWriter::Element(Tag tag, Attrs attrs, std::string_view text) {
  Open(tag, attrs);
  Text(text);
  Close(tag);
}

void HtmlWriter::Void(Tag tag, Attrs attrs) {
  out_.push_back('<');
  out_.append(tag.view());
  AppendAttrs(attrs);
  out_.append("/>");
}

}  // namespace ttmtrack::reports
