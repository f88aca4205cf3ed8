#include "cli/format/terminal_text.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include <sys/ioctl.h>

#include "core/utf8.hpp"

namespace ttmtrack::cli {
namespace {

void AppendHexEscape(std::string& out, unsigned value) {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "\\x%02x", value);
  out += buffer;
}

}  // namespace

std::string SafeTerminalText(std::string_view text, std::size_t max_width) {
  std::string out;
  out.reserve(text.size());
  std::size_t width = 0;
  for (std::size_t i = 0; i < text.size();) {
    if (max_width > 0 && width >= max_width) {
      // Cut, keeping room for the ellipsis inside the limit.
      std::size_t keep = out.size();
      for (int dropped = 0; dropped < 3 && keep > 0;) {
        --keep;
        if (!core::IsUtf8Continuation(out[keep])) ++dropped;
      }
      out.resize(keep);
      out += "...";
      return out;
    }
    const core::Utf8Step step = core::DecodeUtf8(text.substr(i));
    if (!step.valid) {
      // Invalid UTF-8 shows as \xNN byte by byte: the next step starts at the next byte, which
      // (a continuation byte of the same invalid subpart) is invalid on its own too.
      AppendHexEscape(out, static_cast<unsigned char>(text[i]));
      width += 4;
      ++i;
      continue;
    }
    const char32_t code_point = step.code_point;
    const std::size_t length = step.length;
    if (code_point == '\n') {
      out += "\\n";
      width += 2;
    } else if (code_point == '\t') {
      out += "\\t";
      width += 2;
    } else if (code_point == '\r') {
      out += "\\r";
      width += 2;
    } else if (code_point < 0x20 || code_point == 0x7F ||
               (code_point >= 0x80 && code_point < 0xA0)) {
      AppendHexEscape(out, code_point);
      width += 4;
    } else {
      out.append(text.substr(i, length));
      ++width;
    }
    i += length;
  }
  return out;
}

std::string CutMiddle(std::string_view safe_text, std::size_t max_width) {
  const std::size_t width = DisplayWidth(safe_text);
  if (max_width == 0 || width <= max_width) return std::string(safe_text);
  if (max_width <= 3) {
    // Not braced: std::string{n, '.'} would be the two characters n and '.'.
    std::string dots(max_width, '.');
    return dots;
  }
  const std::size_t tail = (max_width - 3) / 2;
  const std::size_t head = max_width - 3 - tail;
  // Byte offsets of the code points that start the kept tail and end the kept head.
  std::size_t head_end = 0;
  std::size_t tail_start = safe_text.size();
  std::size_t index = 0;
  for (std::size_t i = 0; i < safe_text.size(); ++i) {
    if (core::IsUtf8Continuation(safe_text[i])) continue;
    if (index == head) head_end = i;
    if (index == width - tail) tail_start = i;
    ++index;
  }
  return std::string(safe_text.substr(0, head_end)) + "..." +
         std::string(safe_text.substr(tail_start));
}

std::size_t DisplayWidth(std::string_view safe_text) {
  std::size_t width = 0;
  for (const char c : safe_text) {
    if (!core::IsUtf8Continuation(c)) ++width;
  }
  return width;
}

std::string WrapText(std::string_view text, std::size_t width, std::size_t indent) {
  std::string out;
  for (std::size_t start = 0; start <= text.size();) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    const std::string_view line = text.substr(start, end - start);
    const bool first = start == 0;
    if (!first) out += '\n';
    start = end + 1;
    const std::size_t lead = std::min(line.find_first_not_of(' '), line.size());
    if (lead == line.size()) continue;  // blank lines stay empty
    // A line's own leading spaces (a list's indentation) are kept, on its continuations too.
    const std::size_t hang = (first ? 0 : indent) + lead;
    out.append(hang, ' ');
    std::size_t column = hang;
    bool line_start = true;
    for (std::size_t i = lead; i < line.size();) {
      // The spaces before the word are kept as typed (aligned columns) unless the line breaks.
      const std::size_t word_start = std::min(line.find_first_not_of(' ', i), line.size());
      if (word_start == line.size()) break;
      const std::size_t gap = word_start - i;
      i = word_start;
      const std::size_t word_end = std::min(line.find(' ', i), line.size());
      const std::string_view word = line.substr(i, word_end - i);
      const std::size_t word_width = DisplayWidth(word);
      if (!line_start && column + gap + word_width > width) {
        out += '\n';
        out.append(indent + lead, ' ');
        column = indent + lead;
      } else if (!line_start) {
        out.append(gap, ' ');
        column += gap;
      }
      out.append(word);
      column += word_width;
      line_start = false;
      i = word_end;
    }
  }
  return out;
}

std::size_t TableWidth() {
  const char* columns = std::getenv("COLUMNS");
  if (columns != nullptr && *columns != '\0') {
    char* end = nullptr;
    const long value = std::strtol(columns, &end, 10);
    if (*end == '\0' && value > 0) return static_cast<std::size_t>(value);
  }
  winsize size{};
  if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
  return 0;
}

std::size_t TerminalWidth() {
  const std::size_t width = TableWidth();
  return width == 0 ? 80 : std::clamp<std::size_t>(width, 40, 100);
}

}  // namespace ttmtrack::cli
