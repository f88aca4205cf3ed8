#include "importer/xml/xml_reader.hpp"

#include <algorithm>
#include <cstdint>
#include <utility>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlreader.h>

#include "importer/xml/secure_options.hpp"

namespace ttmtrack::importer::xml {
namespace {

struct XmlCharDeleter {
  void operator()(xmlChar* text) const { xmlFree(text); }
};
using XmlString = std::unique_ptr<xmlChar, XmlCharDeleter>;

std::string_view View(const xmlChar* text) {
  return text == nullptr ? std::string_view{}
                         : std::string_view(reinterpret_cast<const char*>(text));
}

}  // namespace

void XmlReader::ReaderDeleter::operator()(_xmlTextReader* reader) const {
  xmlFreeTextReader(reader);
}

XmlReader::XmlReader(ByteSource& source, std::string file_name, std::size_t max_text_bytes)
    : source_(source), file_name_(std::move(file_name)), max_text_bytes_(max_text_bytes) {
  // No URL: nothing is resolved relative to the file. No encoding: the XML declaration or BOM
  // decides. No close callback: the ByteSource belongs to the caller.
  reader_.reset(xmlReaderForIO(&XmlReader::ReadCallback, nullptr, this, nullptr, nullptr,
                               SecureParseOptions()));
  if (!reader_) {
    if (doctype_seen_) ThrowDoctype(prolog_guard_.line(), prolog_guard_.column());
    if (source_error_) throw *source_error_;
    throw Error(Error::Kind::kBadInput, "cannot start the XML parser on this input",
                {.file = file_name_});
  }
  ErrorCapture::Install(reader_.get(), &error_);
}

XmlReader::~XmlReader() = default;

// Runs inside libxml2: must not throw. A ByteSource error is parked and rethrown by Next().
int XmlReader::ReadCallback(void* context, char* buffer, int size) {
  auto* self = static_cast<XmlReader*>(context);
  if (size <= 0) return 0;
  try {
    const std::size_t got = self->source_.Read(buffer, static_cast<std::size_t>(size));
    if (got == 0) self->source_at_end_ = true;
    if (self->prolog_guard_.Feed(buffer, got) == PrologGuard::Verdict::kDoctype) {
      self->doctype_seen_ = true;
      return -1;  // the parser never sees the DOCTYPE's bytes
    }
    self->bytes_read_ += got;
    self->CountLines(buffer, got);
    return static_cast<int>(got);
  } catch (const Error& error) {
    self->source_error_ = std::make_unique<Error>(error);
  } catch (const std::exception& error) {
    self->source_error_ = std::make_unique<Error>(
        Error::Kind::kIo, std::string("read failed: ") + error.what(), Error::Context{});
  }
  return -1;
}

bool XmlReader::Next() {
  if (pending_end_) {
    pending_end_ = false;
    kind_ = NodeKind::kEndElement;
    return true;
  }
  for (;;) {
    const int rc = xmlTextReaderRead(reader_.get());
    if (rc < 0 || source_error_ || error_.present) ThrowReadFailure();
    if (rc == 0) return false;
    const int type = xmlTextReaderNodeType(reader_.get());
    depth_ = xmlTextReaderDepth(reader_.get());
    switch (type) {
      case XML_READER_TYPE_ELEMENT:
        kind_ = NodeKind::kStartElement;
        pending_end_ = xmlTextReaderIsEmptyElement(reader_.get()) == 1;
        return true;
      case XML_READER_TYPE_END_ELEMENT: kind_ = NodeKind::kEndElement; return true;
      case XML_READER_TYPE_TEXT:
      case XML_READER_TYPE_CDATA:
      case XML_READER_TYPE_WHITESPACE:
      case XML_READER_TYPE_SIGNIFICANT_WHITESPACE: kind_ = NodeKind::kText; return true;
      case XML_READER_TYPE_DOCUMENT_TYPE:
      case XML_READER_TYPE_ENTITY_REFERENCE:
      case XML_READER_TYPE_ENTITY: ThrowHostileNode(type);
      default: continue;  // comments, processing instructions, the XML declaration
    }
  }
}

std::string_view XmlReader::name() const { return View(xmlTextReaderConstName(reader_.get())); }

std::string_view XmlReader::text() const { return View(xmlTextReaderConstValue(reader_.get())); }

std::optional<std::string> XmlReader::Attribute(const char* attribute_name) const {
  XmlString value(
      xmlTextReaderGetAttribute(reader_.get(), reinterpret_cast<const xmlChar*>(attribute_name)));
  if (!value) return std::nullopt;
  return std::string(View(value.get()));
}

namespace {

// libxml2 2.9 stores node lines in 16 bits, saturating at 65535. XML_PARSE_BIG_LINES keeps the
// full line only for text nodes (in psvi), taken when the first run of the text has been
// parsed. So past line 65535 an element's line is recovered from its first child: whitespace
// text (the usual newline and indentation) ends its first run where it ends, so the element
// starts that many newlines earlier; a first child element starts on the same line. -1 when
// neither applies.
std::int64_t BigLineOf(const xmlNode* node, int hops) {
  if (node->line < 65535) return node->line > 0 ? node->line : -1;
  const xmlNode* child = node->children;
  if (child == nullptr || hops > 16) return -1;
  if (child->type == XML_ELEMENT_NODE) return BigLineOf(child, hops + 1);
  if (child->type != XML_TEXT_NODE || child->psvi == nullptr || child->content == nullptr) {
    return -1;
  }
  std::int64_t newlines = 0;
  for (const xmlChar* c = child->content; *c != 0; ++c) {
    if (*c == '\n') ++newlines;
    if (*c != '\n' && *c != ' ' && *c != '\t' && *c != '\r') return -1;
  }
  return static_cast<std::int64_t>(reinterpret_cast<std::intptr_t>(child->psvi)) - newlines;
}

}  // namespace

std::int64_t XmlReader::line() const {
  const xmlNode* node = xmlTextReaderCurrentNode(reader_.get());
  const std::int64_t exact = node != nullptr ? BigLineOf(node, 0) : -1;
  // Otherwise the parser's position, at most a chunk (512 bytes) ahead.
  return exact > 0 ? exact : xmlTextReaderGetParserLineNumber(reader_.get());
}

std::string XmlReader::ReadText() {
  std::string out;
  const int element_depth = depth_;
  const std::int64_t element_line = line();
  const std::string element_name(name());
  while (Next()) {
    if (kind_ == NodeKind::kText) {
      const std::string_view piece = text();
      if (out.size() + piece.size() > max_text_bytes_) {
        Fail("text of <" + element_name + "> is longer than " + std::to_string(max_text_bytes_) +
                 " bytes; refusing to hold it in memory",
             element_line);
      }
      out.append(piece);
    } else if (kind_ == NodeKind::kEndElement && depth_ == element_depth) {
      return out;
    }
  }
  Fail("document ended inside <" + element_name + ">", element_line);
}

void XmlReader::Skip() {
  const int element_depth = depth_;
  while (Next()) {
    if (kind_ == NodeKind::kEndElement && depth_ == element_depth) return;
  }
}

void XmlReader::Fail(const std::string& message, std::int64_t at_line,
                     const std::string& host) const {
  throw Error(Error::Kind::kBadInput, message, {.file = file_name_, .line = at_line, .host = host});
}

void XmlReader::CountLines(const char* data, std::size_t size) {
  input_lines_ += std::count(data, data + size, '\n');
}

std::string XmlReader::LastElementRead() const {
  // The parser builds the tree as it goes and the reader frees what lies behind, so the
  // element most recently started is at the end of the chain of last children from the root.
  const xmlNode* node = xmlTextReaderCurrentNode(reader_.get());
  while (node != nullptr && node->parent != nullptr && node->parent->type == XML_ELEMENT_NODE) {
    node = node->parent;
  }
  const xmlNode* last_element = nullptr;
  while (node != nullptr && node->type == XML_ELEMENT_NODE) {
    last_element = node;
    node = node->last;
  }
  if (last_element == nullptr || last_element->name == nullptr) return {};
  return "; the last element read is <" + std::string(View(last_element->name)) + "> (line " +
         std::to_string(xmlGetLineNo(last_element)) + ")";
}

void XmlReader::ThrowReadFailure() {
  Error::Context where{.file = file_name_};
  if (doctype_seen_) ThrowDoctype(prolog_guard_.line(), prolog_guard_.column());
  if (source_error_) {
    // Decompression or the disk failed. The XML position would mislead (libxml2 reads ahead),
    // so the message says how much good XML came out before.
    throw Error(
        source_error_->kind(),
        source_error_->message() + " (after " + std::to_string(bytes_read_) + " bytes of XML)",
        where);
  }
  if (!error_.present) {
    where.line = xmlTextReaderGetParserLineNumber(reader_.get());
    throw Error(Error::Kind::kBadInput, "XML parser stopped without saying why", where);
  }
  where.line = error_.line;
  where.column = error_.column;
  std::string message;
  switch (error_.code) {
    case XML_ERR_DOCUMENT_EMPTY:
      message = "not XML: no element where the document should start";
      break;
    case XML_ERR_TAG_NOT_FINISHED:
    case XML_ERR_DOCUMENT_END:
      // At end of input libxml2 says "Extra content at the end of the document" or "Premature
      // end of data" for a file cut off mid-document; an error on the input's last line after
      // the source ran dry is that, whatever the wording.
      if (source_at_end_ && error_.line >= input_lines_) {
        message =
            "the file ends before the XML document does (truncated download?)" + LastElementRead();
      } else {
        message = "malformed XML: " + error_.message;
      }
      break;
    case XML_ERR_UNDECLARED_ENTITY:
    case XML_WAR_UNDECLARED_ENTITY:
      message = "undefined entity reference: " + error_.message +
                " (only the five XML entities and character references are allowed)";
      break;
    default: message = "malformed XML: " + error_.message;
  }
  throw Error(Error::Kind::kBadInput, message, where);
}

void XmlReader::ThrowDoctype(std::int64_t at_line, std::int64_t at_column) const {
  throw Error(Error::Kind::kBadInput,
              "DOCTYPE declaration rejected: scan exports never have one, and a DTD is how "
              "external entities (XXE, reading local files) and entity expansion bombs "
              "(\"billion laughs\") get in",
              {.file = file_name_, .line = at_line, .column = at_column});
}

// Defence in depth: the PrologGuard stops a DOCTYPE before libxml2 sees it, so these node
// types should never arrive; if one does, it is refused all the same.
void XmlReader::ThrowHostileNode(int node_type) {
  const std::int64_t at = xmlTextReaderGetParserLineNumber(reader_.get());
  if (node_type == XML_READER_TYPE_DOCUMENT_TYPE) ThrowDoctype(at, 0);
  Fail(
      "entity reference in the document: entities are never expanded (XXE / entity "
      "expansion risk): rejected",
      at);
}

}  // namespace ttmtrack::importer::xml
