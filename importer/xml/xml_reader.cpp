#include "importer/xml/xml_reader.hpp"

#include <utility>

namespace ttmtrack::importer::xml {
namespace {

// Input handed to the parser per call: each call yields a batch of events for Next(). 64 KiB
// and not 256: the batch (events, attribute values, kept text) then stays in the CPU's cache
// between the callbacks that write it and Next() that reads it; measured 1.5-2 % less CPU on a
// GVM import, and 2 MB less peak memory (docs/benchmark.md).
constexpr std::size_t kBlockBytes = std::size_t{1} << 16;

}  // namespace

XmlReader::XmlReader(ByteSource& source, std::string file_name, std::size_t max_text_bytes)
    : source_(source),
      file_name_(std::move(file_name)),
      max_text_bytes_(max_text_bytes),
      parser_(file_name_),
      block_(kBlockBytes) {}

XmlReader::~XmlReader() = default;

std::size_t XmlReader::ReadSource() {
  try {
    const std::size_t got = source_.Read(block_.data(), block_.size());
    bytes_read_ += got;
    return got;
  } catch (const Error& error) {
    // Decompression or the disk failed. The XML position would mislead (the parser is a
    // block behind or ahead), so the message says how much good XML came out before.
    throw Error(error.kind(),
                error.message() + " (after " + std::to_string(bytes_read_) + " bytes of XML)",
                {.file = file_name_});
  }
}

// Parses blocks until the batch has an event. False at the end of the document; throws the
// parse's problem once every event before it has been handed out.
bool XmlReader::Refill() {
  parser_.ClearBatch();
  cursor_ = 0;
  while (parser_.size() == 0) {
    if (parser_.failed()) parser_.ThrowFailure();
    if (input_ended_) return false;
    const std::size_t got = ReadSource();
    input_ended_ = got == 0;
    parser_.Parse(block_.data(), got, input_ended_);
  }
  return true;
}

bool XmlReader::Next() {
  if (cursor_ == parser_.size() && !Refill()) return false;
  current_ = parser_[cursor_++];
  return true;
}

void XmlReader::RequireText(const char* caller) const {
  if (current_.keeps_text) return;
  throw Error(Error::Kind::kInternal,
              std::string(caller) + " on <" + std::string(name()) +
                  ">, whose text the reader drops (XmlReader::KeepTextOnlyIn)",
              {.file = file_name_, .line = line()});
}

std::string XmlReader::ReadText() {
  RequireText("ReadText");
  std::string out;
  const int element_depth = depth();
  const std::int64_t element_line = line();
  const std::string element_name(name());
  while (Next()) {
    if (kind() == NodeKind::kText) {
      const std::string_view piece = text();
      if (out.size() + piece.size() > max_text_bytes_) {
        Fail("text of <" + element_name + "> is longer than " + std::to_string(max_text_bytes_) +
                 " bytes; refusing to hold it in memory",
             element_line);
      }
      out.append(piece);
    } else if (kind() == NodeKind::kEndElement && depth() == element_depth) {
      return out;
    }
  }
  Fail("document ended inside <" + element_name + ">", element_line);
}

void XmlReader::Skip() {
  const int element_depth = depth();
  // The rest of the batch is already parsed: walk it to the end tag.
  while (cursor_ < parser_.size()) {
    current_ = parser_[cursor_++];
    if (kind() == NodeKind::kEndElement && depth() == element_depth) return;
  }
  // The rest of the element is not parsed yet: let the parser drop it as it goes.
  parser_.SkipRestOf(element_depth);
  while (Next()) {
    if (kind() == NodeKind::kEndElement && depth() == element_depth) return;
  }
}

void XmlReader::Fail(const std::string& message, std::int64_t at_line,
                     const std::string& host) const {
  throw Error(Error::Kind::kBadInput, message, {.file = file_name_, .line = at_line, .host = host});
}

}  // namespace ttmtrack::importer::xml
