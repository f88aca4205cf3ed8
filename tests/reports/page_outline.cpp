#include "tests/reports/page_outline.hpp"

#include <algorithm>
#include <cctype>
#include <map>

namespace ttmtrack::reports::testing {
namespace {

bool IsVoid(std::string_view tag) {
  return tag == "meta" || tag == "br" || tag == "hr" || tag == "link" || tag == "img" ||
         tag == "input";
}

// True when `text` at `pos` starts a character reference (&name; or &#digits;).
bool IsReference(std::string_view text, std::size_t pos) {
  std::size_t end = pos + 1;
  if (end < text.size() && text[end] == '#') ++end;
  const std::size_t start = end;
  while (end < text.size() && std::isalnum(static_cast<unsigned char>(text[end]))) ++end;
  return end > start && end < text.size() && text[end] == ';';
}

std::string Collapse(std::string_view text) {
  std::string out;
  bool space = false;
  for (const char c : text) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  if (out.size() > 300) out = out.substr(0, 300) + "...";
  return out;
}

class Reader {
 public:
  explicit Reader(std::string_view html) : html_(html) {}

  PageOutline Run() {
    while (pos_ < html_.size()) {
      if (html_.compare(pos_, 9, "<!DOCTYPE") == 0) {
        pos_ = std::min(FindOrEnd(">", pos_) + 1, html_.size());
        Line("!DOCTYPE");
      } else if (html_.compare(pos_, 2, "</") == 0) {
        CloseTag();
      } else if (At(pos_) == '<') {
        OpenTag();
      } else {
        TextNode();
      }
    }
    for (const std::string& open : stack_) Error("unclosed <" + open + ">");
    return std::move(result_);
  }

 private:
  void Error(const std::string& what) {
    result_.errors.push_back("at byte " + std::to_string(pos_) + ": " + what);
  }
  void Line(const std::string& text) {
    result_.outline += std::string(2 * stack_.size(), ' ') + text + "\n";
  }

  void TextNode() {
    const std::size_t end = std::min(html_.find('<', pos_), html_.size());
    const std::string_view text = html_.substr(pos_, end - pos_);
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '>') Error("raw '>' in text");
      if (text[i] == '&' && !IsReference(text, i)) Error("bare '&' in text");
    }
    const std::string collapsed = Collapse(text);
    if (!collapsed.empty()) Line("\"" + collapsed + "\"");
    pos_ = end;
  }

  void CloseTag() {
    const std::size_t end = FindOrEnd(">", pos_);
    const std::string name(html_.substr(pos_ + 2, end - pos_ - 2));
    if (stack_.empty() || stack_.back() != name) {
      Error("</" + name + "> does not close <" + (stack_.empty() ? "" : stack_.back()) + ">");
    } else {
      stack_.pop_back();
    }
    pos_ = std::min(end + 1, html_.size());
  }

  // Reads attributes up to '>' or '/>'; returns false on a malformed one.
  bool Attributes(std::map<std::string, std::string>& attributes, bool& self_closed) {
    while (pos_ < html_.size()) {
      while (At(pos_) == ' ' || At(pos_) == '\n') ++pos_;
      if (At(pos_) == '>') return ++pos_, true;
      if (html_.compare(pos_, 2, "/>") == 0) return pos_ += 2, self_closed = true;
      std::size_t end = pos_;
      while (std::isalnum(static_cast<unsigned char>(At(end))) || At(end) == '-') ++end;
      const std::string name(html_.substr(pos_, end - pos_));
      if (name.empty() || html_.compare(end, 2, "=\"") != 0) return false;
      const std::size_t close = FindOrEnd("\"", end + 2);
      const std::string_view value = html_.substr(end + 2, close - end - 2);
      if (value.find('<') != std::string_view::npos) Error("raw '<' in attribute " + name);
      for (std::size_t i = 0; i < value.size(); ++i) {
        if (value[i] == '&' && !IsReference(value, i)) Error("bare '&' in attribute " + name);
      }
      if (name.size() > 1 && name[0] == 'o' && name[1] == 'n') Error("event handler " + name);
      attributes[name] = std::string(value);
      pos_ = std::min(close + 1, html_.size());
    }
    return false;
  }

  void OpenTag() {
    std::size_t end = pos_ + 1;
    while (std::isalnum(static_cast<unsigned char>(At(end)))) ++end;
    const std::string name(html_.substr(pos_ + 1, end - pos_ - 1));
    if (name.empty()) {
      Error("raw '<' in text");
      ++pos_;
      return;
    }
    result_.elements.push_back(name);
    if (name == "script") Error("a <script> element");
    pos_ = end;
    std::map<std::string, std::string> attributes;
    bool self_closed = false;
    if (!Attributes(attributes, self_closed)) {
      Error("malformed attributes in <" + name + ">");
      pos_ = std::min(FindOrEnd(">", pos_) + 1, html_.size());
    }
    std::string line = name;
    if (attributes.count("id")) line += "#" + attributes["id"];
    if (attributes.count("class")) {
      std::string classes = attributes["class"];
      std::replace(classes.begin(), classes.end(), ' ', '.');
      line += "." + classes;
    }
    if (attributes.count("href")) line += " [" + attributes["href"] + "]";
    Line(line);
    if (name == "style") {
      pos_ = std::min(FindOrEnd("</style>", pos_) + 8, html_.size());
      return;
    }
    if (!self_closed && !IsVoid(name)) stack_.push_back(name);
  }

  // Position of `needle` from `from`; the end of the page (and an error) when it is missing, so
  // a truncated page ends the walk instead of looping.
  std::size_t FindOrEnd(std::string_view needle, std::size_t from) {
    const std::size_t found = html_.find(needle, from);
    if (found != std::string_view::npos) return found;
    Error("missing '" + std::string(needle) + "'");
    return html_.size();
  }

  char At(std::size_t i) const { return i < html_.size() ? html_[i] : '\0'; }

  std::string_view html_;
  std::size_t pos_ = 0;
  std::vector<std::string> stack_;
  PageOutline result_;
};

}  // namespace

PageOutline OutlinePage(std::string_view html) { return Reader(html).Run(); }

std::size_t Count(std::string_view text, std::string_view needle) {
  std::size_t count = 0;
  for (std::size_t pos = text.find(needle); pos != std::string_view::npos;
       pos = text.find(needle, pos + needle.size())) {
    ++count;
  }
  return count;
}

}  // namespace ttmtrack::reports::testing
