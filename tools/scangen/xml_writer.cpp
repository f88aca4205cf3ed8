#include "tools/scangen/xml_writer.hpp"

#include <cassert>
#include <cstdint>
#include <ostream>

#include "core/error.hpp"

namespace ttmtrack::scangen {
namespace {

constexpr std::size_t kFlushThreshold = std::size_t{64} * 1024;
constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD in UTF-8

// Length of the well-formed UTF-8 sequence at the start of `s` whose code point XML 1.0 allows,
// or 0 when the bytes there are malformed or the character is not allowed.
std::size_t AllowedSequenceLength(std::string_view s) {
  const auto b0 = static_cast<unsigned char>(s[0]);
  if (b0 < 0x80) {
    return b0 >= 0x20 || b0 == '\t' || b0 == '\n' || b0 == '\r' ? 1 : 0;
  }
  std::size_t length = 0;
  std::uint32_t cp = 0;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    length = 2;
    cp = b0 & 0x1Fu;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    length = 3;
    cp = b0 & 0x0Fu;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    length = 4;
    cp = b0 & 0x07u;
  } else {
    return 0;
  }
  if (s.size() < length) return 0;
  for (std::size_t i = 1; i < length; ++i) {
    const auto b = static_cast<unsigned char>(s[i]);
    if ((b & 0xC0u) != 0x80u) return 0;
    cp = (cp << 6) | (b & 0x3Fu);
  }
  const bool overlong = (length == 3 && cp < 0x800) || (length == 4 && cp < 0x10000);
  const bool surrogate = cp >= 0xD800 && cp <= 0xDFFF;
  const bool nonchar = cp == 0xFFFE || cp == 0xFFFF;
  // C1 controls (U+0080..U+009F) are legal XML 1.0 characters and pass through.
  if (overlong || surrogate || nonchar || cp > 0x10FFFF) return 0;
  return length;
}

// Appends the character `text` starts with when XML allows it, else U+FFFD; returns how many
// bytes of `text` it consumed.
std::size_t AppendCharacterOrReplacement(std::string& out, std::string_view text) {
  const std::size_t length = AllowedSequenceLength(text);
  if (length == 0) {
    out += kReplacement;
    return 1;
  }
  out.append(text.substr(0, length));
  return length;
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
