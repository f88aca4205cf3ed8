#include "tools/scangen/xml_writer.hpp"

#include <cassert>
#include <ostream>

#include "core/error.hpp"
#include "core/utf8.hpp"

namespace ttmtrack::scangen {
namespace {

constexpr std::size_t kFlushThreshold = std::size_t{64} * 1024;

// Whether XML 1.0 can carry the character (its Char production): TAB, LF, CR and everything
// from U+0020 but U+FFFE and U+FFFF (surrogates never come out of the decoder). C1 controls
// (U+0080..U+009F) are legal XML 1.0 characters and pass through.
bool XmlAllows(char32_t code_point) {
  if (code_point < 0x20) return code_point == '\t' || code_point == '\n' || code_point == '\r';
  return code_point != 0xFFFE && code_point != 0xFFFF;
}

// Appends the character `text` starts with when XML allows it, else one U+FFFD (for malformed
// UTF-8, one per maximal invalid subpart: core/utf8.hpp); returns how many bytes it consumed.
std::size_t AppendCharacterOrReplacement(std::string& out, std::string_view text) {
  const core::Utf8Step step = core::DecodeUtf8(text);
  if (step.valid && XmlAllows(step.code_point)) {
    out.append(text.substr(0, step.length));
  } else {
    out += core::kReplacementCharacter;
  }
  return step.length;
}

// Shared by text and attribute escaping: runs of bytes that need nothing are appended in one go.
template <bool kAttribute>
void AppendEscaped(std::string& out, std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t run = i;
    while (run < text.size()) {
      const auto c = static_cast<unsigned char>(text[run]);
      if (c < 0x20 || c >= 0x7F || c == '&' || c == '<' || c == '>') break;
      if (kAttribute && (c == '"' || c == '\'')) break;
      ++run;
    }
    out.append(text.substr(i, run - i));
    i = run;
    if (i == text.size()) break;
    const char c = text[i];
    switch (c) {
      case '&':
        out += "&amp;";
        ++i;
        continue;
      case '<':
        out += "&lt;";
        ++i;
        continue;
      case '>':
        out += "&gt;";
        ++i;
        continue;
      case '"':
        out += "&quot;";
        ++i;
        continue;
      case '\'':
        out += "&apos;";
        ++i;
        continue;
      case '\r':
        out += "&#13;";
        ++i;
        continue;
      case '\n':
        out += kAttribute ? "&#10;" : "\n";
        ++i;
        continue;
      case '\t':
        out += kAttribute ? "&#9;" : "\t";
        ++i;
        continue;
      default: break;
    }
    i += AppendCharacterOrReplacement(out, text.substr(i));
  }
}

}  // namespace

void AppendEscapedText(std::string& out, std::string_view text) { AppendEscaped<false>(out, text); }

void AppendEscapedAttribute(std::string& out, std::string_view value) {
  AppendEscaped<true>(out, value);
}

std::string XmlRoundTrip(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    i += AppendCharacterOrReplacement(out, text.substr(i));
  }
  return out;
}

XmlWriter::XmlWriter(std::ostream& out, int indent) : out_(out), indent_(indent) {
  buffer_.reserve(kFlushThreshold + 4096);
}

void XmlWriter::Declaration() {
  assert(bytes_written() == 0);
  buffer_ += R"(<?xml version="1.0" encoding="UTF-8"?>)";
}

void XmlWriter::Start(std::string_view name) {
  CloseStartTag();
  if (!open_.empty()) open_.back().has_children = true;
  if (bytes_written() != 0 && (open_.empty() || !open_.back().has_text)) Break(open_.size());
  buffer_ += '<';
  buffer_ += name;
  open_.push_back(Open{std::string(name)});
  start_tag_open_ = true;
}

void XmlWriter::Attribute(std::string_view name, std::string_view value) {
  assert(start_tag_open_);
  buffer_ += ' ';
  buffer_ += name;
  buffer_ += "=\"";
  AppendEscapedAttribute(buffer_, value);
  buffer_ += '"';
}

void XmlWriter::Text(std::string_view text) {
  assert(!open_.empty());
  if (text.empty()) return;
  CloseStartTag();
  open_.back().has_text = true;
  AppendEscapedText(buffer_, text);
  FlushIfFull();
}

void XmlWriter::End() {
  assert(!open_.empty());
  if (start_tag_open_) {
    buffer_ += "/>";
    start_tag_open_ = false;
  } else {
    if (open_.back().has_children && !open_.back().has_text) Break(open_.size() - 1);
    buffer_ += "</";
    buffer_ += open_.back().name;
    buffer_ += '>';
  }
  open_.pop_back();
  FlushIfFull();
}

void XmlWriter::Leaf(std::string_view name, std::string_view text) {
  Start(name);
  Text(text);
  End();
}

void XmlWriter::Finish() {
  assert(open_.empty());
  buffer_ += '\n';
  out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
  flushed_ += buffer_.size();
  buffer_.clear();
  out_.flush();
  if (!out_) throw Error(Error::Kind::kIo, "cannot write the XML output");
}

void XmlWriter::CloseStartTag() {
  if (!start_tag_open_) return;
  buffer_ += '>';
  start_tag_open_ = false;
}

void XmlWriter::Break(std::size_t depth) {
  buffer_ += '\n';
  if (indent_ > 0) buffer_.append(depth * static_cast<std::size_t>(indent_), ' ');
}

void XmlWriter::FlushIfFull() {
  if (buffer_.size() < kFlushThreshold) return;
  out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
  flushed_ += buffer_.size();
  buffer_.clear();
  if (!out_) throw Error(Error::Kind::kIo, "cannot write the XML output");
}

}  // namespace ttmtrack::scangen
