#include "tests/tools/support/xml_probe.hpp"

#include <memory>
#include <sstream>

#include <Poco/InflatingStream.h>
#include <Poco/StreamCopier.h>
#include <libxml/xmlreader.h>

namespace ttmtrack::test {
namespace {

struct ReaderDeleter {
  void operator()(xmlTextReader* reader) const { xmlFreeTextReader(reader); }
};
using ReaderPtr = std::unique_ptr<xmlTextReader, ReaderDeleter>;

constexpr int kOptions = XML_PARSE_NONET | XML_PARSE_NOWARNING;

void CaptureError(void* arg, xmlError* error) {
  auto* out = static_cast<std::string*>(arg);
  if (out->empty() && error != nullptr) {
    *out = std::to_string(error->line) + ":" + std::to_string(error->int2) + ": " +
           (error->message != nullptr ? error->message : "?");
  }
}

std::string AsString(const xmlChar* text) {
  return text == nullptr ? std::string() : std::string(reinterpret_cast<const char*>(text));
}

}  // namespace

std::vector<const ProbedElement*> ProbedDocument::All(const std::string& path) const {
  std::vector<const ProbedElement*> found;
  for (const ProbedElement& e : elements) {
    if (e.path == path) found.push_back(&e);
  }
  return found;
}

ProbedDocument ProbeXml(const std::string& bytes) {
  ProbedDocument doc;
  ReaderPtr reader(xmlReaderForMemory(bytes.data(), static_cast<int>(bytes.size()), "probe.xml",
                                      nullptr, kOptions));
  if (!reader) {
    doc.error = "cannot create the reader";
    return doc;
  }
  xmlTextReaderSetStructuredErrorHandler(reader.get(), CaptureError, &doc.error);
  std::vector<std::size_t> open;  // indexes into doc.elements
  int rc = 0;
  while ((rc = xmlTextReaderRead(reader.get())) == 1) {
    const int type = xmlTextReaderNodeType(reader.get());
    if (type == XML_READER_TYPE_ELEMENT) {
      ProbedElement e;
      e.name = AsString(xmlTextReaderConstName(reader.get()));
      e.path = open.empty() ? e.name : doc.elements[open.back()].path + "/" + e.name;
      const bool empty = xmlTextReaderIsEmptyElement(reader.get()) == 1;
      while (xmlTextReaderMoveToNextAttribute(reader.get()) == 1) {
        e.attributes[AsString(xmlTextReaderConstName(reader.get()))] =
            AsString(xmlTextReaderConstValue(reader.get()));
      }
      doc.elements.push_back(std::move(e));
      if (!empty) open.push_back(doc.elements.size() - 1);
    } else if (type == XML_READER_TYPE_END_ELEMENT) {
      if (!open.empty()) open.pop_back();
    } else if (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
               type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE) {
      if (!open.empty()) {
        doc.elements[open.back()].text += AsString(xmlTextReaderConstValue(reader.get()));
      }
    }
  }
  doc.ok = rc == 0 && doc.error.empty();
  if (rc != 0 && doc.error.empty()) doc.error = "the reader failed";
  return doc;
}

ElementCounts CountElementsInFile(const std::string& path) {
  ElementCounts counts;
  ReaderPtr reader(xmlReaderForFile(path.c_str(), nullptr, kOptions));
  if (!reader) {
    counts.error = "cannot open " + path;
    return counts;
  }
  xmlTextReaderSetStructuredErrorHandler(reader.get(), CaptureError, &counts.error);
  int rc = 0;
  while ((rc = xmlTextReaderRead(reader.get())) == 1) {
    if (xmlTextReaderNodeType(reader.get()) == XML_READER_TYPE_ELEMENT) {
      ++counts.by_name[AsString(xmlTextReaderConstName(reader.get()))];
    }
  }
  counts.ok = rc == 0 && counts.error.empty();
  return counts;
}

std::string Gunzip(const std::string& bytes) {
  std::istringstream compressed(bytes);
  Poco::InflatingInputStream inflate(compressed, Poco::InflatingStreamBuf::STREAM_GZIP);
  std::string out;
  Poco::StreamCopier::copyToString(inflate, out);
  return out;
}

}  // namespace ttmtrack::test
