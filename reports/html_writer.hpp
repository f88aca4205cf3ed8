#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

namespace ttmtrack::reports {

// The one escaping layer of the reports (docs/reports.md, "Escaping"). Markup can only come from
// string literals; every runtime value goes through a method that escapes it for its context.
// The types below make the unsafe versions fail to compile rather than relying on review:
//
//   Markup   raw markup; its constructor is consteval and takes `const char (&)[N]`, so only a
//            literal (or a constexpr array) converts to it. A std::string cannot.
//   Tag      an element name, checked at compile time; elements that load, run or navigate
//            (script, iframe, object, embed, base, link, meta, img, form, ...) are refused.
//   AttrName an attribute name, checked at compile time; event handlers (on*) and URL- or
//            style-carrying attributes (href, src, style, ...) are refused, so an untrusted
//            value can never be written into one.
//   Url      the only way to fill an href: trusted literal parts plus percent-encoded segments.

namespace detail {
// Not constexpr on purpose: calling it from a consteval constructor stops compilation, and the
// compiler's note names this function and the rejected literal.
void RejectedAtCompileTime(const char* why);

consteval bool IsLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
consteval bool IsDigit(char c) { return c >= '0' && c <= '9'; }
consteval char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }
consteval bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (Lower(a[i]) != Lower(b[i])) return false;
  }
  return true;
}
template <std::size_t N>
consteval std::string_view LiteralView(const char (&text)[N]) {
  if (text[N - 1] != '\0') RejectedAtCompileTime("not a NUL-terminated literal");
  for (std::size_t i = 0; i + 1 < N; ++i) {
    if (text[i] == '\0') RejectedAtCompileTime("literal contains NUL");
  }
  return std::string_view(text, N - 1);
}
}  // namespace detail

class Markup {
 public:
  template <std::size_t N>
  consteval Markup(const char (&text)[N])  // NOLINT(google-explicit-constructor): literals only
      : text_(detail::LiteralView(text)) {}
  std::string_view view() const { return text_; }

 private:
  std::string_view text_;
};

class Tag {
 public:
  template <std::size_t N>
  consteval Tag(const char (&name)[N])  // NOLINT(google-explicit-constructor)
      : name_(detail::LiteralView(name)) {
    if (name_.empty() || !detail::IsLetter(name_[0])) detail::RejectedAtCompileTime("bad tag");
    for (const char c : name_) {
      if (!detail::IsLetter(c) && !detail::IsDigit(c)) detail::RejectedAtCompileTime("bad tag");
    }
    constexpr std::string_view kRefused[] = {
        "script", "style", "iframe", "frame", "frameset", "object", "embed",        "applet",
        "base",   "link",  "meta",   "img",   "image",    "form",   "input",        "button",
        "audio",  "video", "source", "track", "picture",  "use",    "foreignObject"};
    for (const std::string_view refused : kRefused) {
      if (detail::EqualsIgnoreCase(name_, refused)) detail::RejectedAtCompileTime("tag refused");
    }
  }
  std::string_view view() const { return name_; }

 private:
  std::string_view name_;
};

class AttrName {
 public:
  template <std::size_t N>
  consteval AttrName(const char (&name)[N])  // NOLINT(google-explicit-constructor)
      : name_(detail::LiteralView(name)) {
    if (name_.empty() || !detail::IsLetter(name_[0])) detail::RejectedAtCompileTime("bad attr");
    for (const char c : name_) {
      if (!detail::IsLetter(c) && !detail::IsDigit(c) && c != '-') {
        detail::RejectedAtCompileTime("bad attribute name");
      }
    }
    if (name_.size() >= 2 && detail::Lower(name_[0]) == 'o' && detail::Lower(name_[1]) == 'n') {
      detail::RejectedAtCompileTime("event handler attributes are refused");
    }
    constexpr std::string_view kRefused[] = {
        "href",    "src",      "srcset",     "srcdoc", "style",      "action",
        "data",    "codebase", "formaction", "poster", "background", "http-equiv",
        "content", "ping",     "manifest",   "xmlns",  "cite",       "longdesc"};
    for (const std::string_view refused : kRefused) {
      if (detail::EqualsIgnoreCase(name_, refused)) {
        detail::RejectedAtCompileTime("URL or style attribute: use Attr::Href or a class");
      }
    }
  }
  std::string_view view() const { return name_; }

 private:
  std::string_view name_;
};

// A relative URL built from trusted literal parts and percent-encoded untrusted segments.
// Example: Url("hosts/").Segment(file_name).Literal("#").Segment(anchor).
class Url {
 public:
  explicit Url(Markup trusted_prefix) : text_(trusted_prefix.view()) {}
  Url& Literal(Markup trusted);
  // REQUIRES: `untrusted` is not "." or ".." (a caller bug: it would climb out of the folder).
  Url& Segment(std::string_view untrusted);
  const std::string& str() const { return text_; }

 private:
  std::string text_;
};

// One attribute of an element. The value is always escaped and double-quoted by HtmlWriter.
class Attr {
 public:
  Attr(AttrName name, std::string_view value) : name_(name.view()), value_(value) {}
  Attr(AttrName name, std::int64_t value);
  static Attr Href(const Url& url) { return Attr(FromUrl{}, url.str()); }

  std::string_view name() const { return name_; }
  const std::string& value() const { return value_; }

 private:
  struct FromUrl {};
  Attr(FromUrl, std::string_view url) : name_("href"), value_(url) {}
  std::string_view name_;
  std::string value_;
};

using Attrs = std::initializer_list<Attr>;

// Builds one HTML document in memory. Not thread-safe; one writer per page. Never throws except
// std::bad_alloc. Well-formedness (every Open has its Close) is the caller's job; the tests
// parse every page to check it.
class HtmlWriter {
 public:
  HtmlWriter() { out_.reserve(std::size_t{32} * 1024); }

  void Raw(Markup markup) { out_.append(markup.view()); }
  void Text(std::string_view untrusted);
  void Number(std::int64_t value);

  void Open(Tag tag, Attrs attrs = {});
  void Close(Tag tag);
  // <tag attrs>text</tag>
  void Element(Tag tag, std::string_view text) { Element(tag, {}, text); }
  void Element(Tag tag, Attrs attrs, std::string_view text);
  // A void element (<br>) or, inside SVG, a self-closed one (<circle .../>).
  void Void(Tag tag, Attrs attrs = {});

  const std::string& str() const { return out_; }
  std::string Release() { return std::move(out_); }

 private:
  void AppendAttrs(Attrs attrs);
  std::string out_;
};

}  // namespace ttmtrack::reports
