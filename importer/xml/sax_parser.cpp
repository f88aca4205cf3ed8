#include "importer/xml/sax_parser.hpp"

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <utility>

#include <libxml/SAX2.h>
#include <libxml/dict.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include "core/error.hpp"
#include "importer/xml/secure_options.hpp"

namespace ttmtrack::importer::xml {
namespace {

const char* Chars(const xmlChar* text) { return reinterpret_cast<const char*>(text); }

constexpr const char* kEntityRefused =
    "entity reference in the document: entities are never expanded (XXE / entity expansion "
    "risk): rejected";

// An attribute value as SAX2 gives it without entity substitution (XML_PARSE_NOENT, never set):
// the parser has resolved character and predefined entity references, except that it writes a
// resulting '&' as "&#38;", for a tree builder to decode. No other '&' can be in the value (a
// bare one is not well-formed and no entity is declared), so each "&#38;" is exactly one '&'.
void AppendAttributeValue(std::string& out, std::string_view value) {
  constexpr std::string_view kEscapedAmpersand = "&#38;";
  for (std::size_t at = value.find('&'); at != std::string_view::npos; at = value.find('&')) {
    out.append(value.substr(0, at));
    out += '&';
    value.remove_prefix(value.substr(at, kEscapedAmpersand.size()) == kEscapedAmpersand
                            ? at + kEscapedAmpersand.size()
                            : at + 1);
  }
  out.append(value);
}

[[noreturn]] void ThrowDoctype(const std::string& file, std::int64_t line, std::int64_t column) {
  throw Error(Error::Kind::kBadInput,
              "DOCTYPE declaration rejected: scan exports never have one, and a DTD is how "
              "external entities (XXE, reading local files) and entity expansion bombs "
              "(\"billion laughs\") get in",
              {.file = file, .line = line, .column = column});
}

}  // namespace

// libxml2 calls these with the SaxParser as its user data. They run inside libxml2 and must not
// throw: a problem is recorded (SaxParser::Refuse stops the parser) and thrown by ThrowFailure.
struct SaxCallbacks {
  static SaxParser& Of(void* user_data) { return *static_cast<SaxParser*>(user_data); }

  // An unprefixed name is libxml2's own dictionary string; a prefixed one is interned there as
  // "prefix:local", so every name stays valid as long as the parser lives.
  static const char* QualifiedName(SaxParser& p, const xmlChar* prefix, const xmlChar* local) {
    if (prefix == nullptr) return Chars(local);
    const xmlChar* qualified = xmlDictQLookup(p.context_->dict, prefix, local);
    return qualified != nullptr ? Chars(qualified) : Chars(local);
  }

  static void StartElement(void* user_data, const xmlChar* local, const xmlChar* prefix,
                           const xmlChar* /*uri*/, int /*namespace_count*/,
                           const xmlChar** /*namespaces*/, int attribute_count,
                           int /*defaulted_count*/, const xmlChar** attributes) {
    SaxParser& p = Of(user_data);
    const int depth = static_cast<int>(p.open_.size());
    p.text_run_ = 0;
    const char* name = QualifiedName(p, prefix, local);
    const std::int64_t line = p.Line();
    // Inside a kept element (KeepTextOnlyIn), or before the filter: elements started before it
    // keep their own text but pass nothing on to what starts after it.
    const bool in_kept_element =
        (!p.open_.empty() && p.open_.back().in_kept_element) ||
        (prefix == nullptr && std::find(p.text_elements_.begin(), p.text_elements_.end(), name) !=
                                  p.text_elements_.end());
    const bool keeps_text = !p.text_filtered_ || in_kept_element;
    p.open_.push_back({name, line, keeps_text, in_kept_element});
    if (depth >= SaxParser::kMaxDepth) {
      p.Refuse("elements nested deeper than " + std::to_string(SaxParser::kMaxDepth) +
               " levels: refused (no scan export nests so deep)");
      return;
    }
    if (p.failed() || p.Skipping(depth)) return;
    SaxParser::Event event{.kind = NodeKind::kStartElement,
                           .depth = depth,
                           .line = line,
                           .name = name,
                           .name_size = std::strlen(name),
                           .first = p.attributes_.size(),
                           .count = static_cast<std::size_t>(attribute_count),
                           .keeps_text = keeps_text};
    // Five pointers per attribute: local name, prefix, URI, value start, value end.
    for (int i = 0; i < attribute_count; ++i) {
      const xmlChar* const* attribute = attributes + 5 * static_cast<std::ptrdiff_t>(i);
      SaxParser::Attribute record;
      record.name = QualifiedName(p, attribute[1], attribute[0]);
      record.name_size = std::strlen(record.name);
      record.value_offset = p.arena_.size();
      AppendAttributeValue(p.arena_,
                           std::string_view(Chars(attribute[3]),
                                            static_cast<std::size_t>(attribute[4] - attribute[3])));
      record.value_size = p.arena_.size() - record.value_offset;
      p.attributes_.push_back(record);
    }
    p.events_.push_back(event);
  }

  static void EndElement(void* user_data, const xmlChar* local, const xmlChar* prefix,
                         const xmlChar* /*uri*/) {
    SaxParser& p = Of(user_data);
    p.open_.pop_back();
    const int depth = static_cast<int>(p.open_.size());
    p.text_run_ = 0;
    if (p.failed() || p.Skipping(depth)) return;
    if (depth == p.skip_depth_) p.skip_depth_ = -1;
    const char* name = QualifiedName(p, prefix, local);
    p.events_.push_back({.kind = NodeKind::kEndElement,
                         .depth = depth,
                         .line = p.Line(),
                         .name = name,
                         .name_size = std::strlen(name)});
  }

  // Character data, CDATA sections and whitespace alike; character references arrive resolved.
  static void Text(void* user_data, const xmlChar* text, int length) {
    SaxParser& p = Of(user_data);
    const auto size = static_cast<std::size_t>(length);
    p.text_run_ += size;
    if (p.text_run_ > SaxParser::kMaxTextRunBytes) {
      p.Refuse("more than " + std::to_string(SaxParser::kMaxTextRunBytes) +
               " bytes of text between two tags: refused (libxml2's limit for one text node)");
      return;
    }
    const int depth = static_cast<int>(p.open_.size());
    if (p.failed() || p.Skipping(depth) || (depth > 0 && !p.open_.back().keeps_text)) return;
    // libxml2 hands long text over in pieces: one event for consecutive pieces.
    if (!p.events_.empty() && p.events_.back().kind == NodeKind::kText &&
        p.events_.back().first + p.events_.back().count == p.arena_.size()) {
      p.events_.back().count += size;
    } else {
      p.events_.push_back({.kind = NodeKind::kText,
                           .depth = depth,
                           .line = p.Line(),
                           .first = p.arena_.size(),
                           .count = size});
    }
    p.arena_.append(Chars(text), size);
  }

  // Defence in depth: the PrologGuard keeps every DOCTYPE from the parser, so no DTD, entity
  // declaration or entity reference should ever get here; if one does, it is refused all the
  // same.
  static void Doctype(void* user_data, const xmlChar* /*name*/, const xmlChar* /*public_id*/,
                      const xmlChar* /*system_id*/) {
    SaxParser& p = Of(user_data);
    if (!p.doctype_seen_) {
      p.doctype_seen_ = true;
      p.doctype_line_ = p.Line();
    }
    p.Refuse("DOCTYPE");
  }
  static void EntityDeclaration(void* user_data, const xmlChar* /*name*/, int /*type*/,
                                const xmlChar* /*public_id*/, const xmlChar* /*system_id*/,
                                xmlChar* /*content*/) {
    Of(user_data).Refuse(kEntityRefused);
  }
  static void Reference(void* user_data, const xmlChar* /*name*/) {
    Of(user_data).Refuse(kEntityRefused);
  }

  // libxml2 2.9.14's signature (xmlErrorPtr, not const: const arrived in 2.12).
  static void Problem(void* user_data, xmlErrorPtr error) {
    RecordError(Of(user_data).error_, error);
  }

  static xmlSAXHandler Handler() {
    xmlSAXHandler handler{};
    handler.initialized = XML_SAX2_MAGIC;
    handler.startElementNs = &StartElement;
    handler.endElementNs = &EndElement;
    handler.characters = &Text;
    // The same as characters, so libxml2 never asks whether whitespace is ignorable (which
    // would need a tree).
    handler.ignorableWhitespace = &Text;
    handler.cdataBlock = &Text;
    handler.internalSubset = &Doctype;
    handler.externalSubset = &Doctype;
    handler.entityDecl = &EntityDeclaration;
    handler.reference = &Reference;
    handler.serror = &Problem;
    // No getEntity: with no DTD only the five XML entities exist, which libxml2 resolves
    // itself; any other reference is its undefined-entity error.
    return handler;
  }
};

void SaxParser::ContextDeleter::operator()(_xmlParserCtxt* context) const {
  xmlFreeParserCtxt(context);
}

SaxParser::SaxParser(std::string file_name) : file_name_(std::move(file_name)) {}

SaxParser::~SaxParser() = default;

bool SaxParser::failed() const { return doctype_seen_ || !refusal_.empty() || error_.present; }

std::int64_t SaxParser::Line() const {
  return context_ ? xmlSAX2GetLineNumber(context_.get()) : input_lines_;
}

void SaxParser::Refuse(std::string message) {
  if (refusal_.empty()) {
    refusal_ = std::move(message);
    refusal_line_ = Line();
  }
  xmlStopParser(context_.get());
}

void SaxParser::Start(const char* data, std::size_t size) {
  // libxml2 detects the encoding from the first four bytes (a BOM, or "<?xm" in UTF-16/32).
  static const xmlSAXHandler kHandler = SaxCallbacks::Handler();
  const int head = static_cast<int>(std::min<std::size_t>(size, 4));
  // No file name: nothing is resolved relative to the file. The handler is copied.
  context_.reset(
      xmlCreatePushParserCtxt(const_cast<xmlSAXHandler*>(&kHandler), this, data, head, nullptr));
  if (!context_) {
    throw Error(Error::Kind::kBadInput, "cannot start the XML parser on this input",
                {.file = file_name_});
  }
  xmlCtxtUseOptions(context_.get(), SecureParseOptions());
  InternTextElementNames();
}

void SaxParser::KeepTextOnlyIn(const std::vector<std::string_view>& names) {
  text_filtered_ = true;
  text_element_names_.assign(names.begin(), names.end());
  if (context_) InternTextElementNames();
}

void SaxParser::InternTextElementNames() {
  text_elements_.clear();
  for (const std::string& name : text_element_names_) {
    const xmlChar* interned =
        xmlDictLookup(context_->dict, reinterpret_cast<const xmlChar*>(name.data()),
                      static_cast<int>(name.size()));
    if (interned != nullptr) text_elements_.push_back(Chars(interned));
  }
}

void SaxParser::Parse(const char* data, std::size_t size, bool at_end) {
  if (failed()) return;
  if (prolog_guard_.Feed(data, size) == PrologGuard::Verdict::kDoctype) {
    // The parser never sees the DOCTYPE's bytes.
    doctype_seen_ = true;
    doctype_line_ = prolog_guard_.line();
    doctype_column_ = prolog_guard_.column();
    return;
  }
  for (const char* at = data;
       (at = static_cast<const char*>(
            std::memchr(at, '\n', static_cast<std::size_t>(data + size - at)))) != nullptr;
       ++at) {
    ++input_lines_;
  }
  at_end_ = at_end;
  std::size_t done = 0;
  if (!context_) {
    Start(data, size);
    done = std::min<std::size_t>(size, 4);
  }
  xmlParseChunk(context_.get(), data + done, static_cast<int>(size - done), at_end ? 1 : 0);
}

void SaxParser::ClearBatch() {
  events_.clear();
  attributes_.clear();
  arena_.clear();
}

std::string_view SaxParser::TextOf(const Event& text) const {
  return std::string_view(arena_).substr(text.first, text.count);
}

std::optional<std::string_view> SaxParser::AttributeOf(const Event& start,
                                                       std::string_view name) const {
  for (std::size_t i = start.first; i < start.first + start.count; ++i) {
    const Attribute& attribute = attributes_[i];
    if (std::string_view(attribute.name, attribute.name_size) == name) {
      return std::string_view(arena_).substr(attribute.value_offset, attribute.value_size);
    }
  }
  return std::nullopt;
}

std::string SaxParser::LastElementRead() const {
  if (open_.empty()) return {};
  return "; the last element read is <" + std::string(open_.back().name) + "> (line " +
         std::to_string(open_.back().line) + ")";
}

void SaxParser::ThrowFailure() const {
  Error::Context where{.file = file_name_};
  if (doctype_seen_) ThrowDoctype(file_name_, doctype_line_, doctype_column_);
  if (!refusal_.empty()) {
    where.line = refusal_line_;
    throw Error(Error::Kind::kBadInput, refusal_, where);
  }
  if (!error_.present) {
    where.line = Line();
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
      // At the end of the input libxml2 says "Extra content at the end of the document" or
      // "Premature end of data" for a file cut off mid-document; an error on the input's last
      // line once the input has ended is that, whatever the wording.
      if (at_end_ && error_.line >= input_lines_) {
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

}  // namespace ttmtrack::importer::xml
