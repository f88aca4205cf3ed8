#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace ttmtrack::test {

// One element of a parsed document, flattened: its path from the root ("a/b/c"), attributes,
// and the concatenation of its own text and CDATA children.
struct ProbedElement {
  std::string path;
  std::string name;
  std::map<std::string, std::string> attributes;
  std::string text;
};

// A whole small document parsed with libxml2's xmlTextReader (NONET, no entity substitution):
// the independent parser the generator's output is checked with. `ok` false with `error`
// ("LINE:COL: message") when it is not well-formed.
struct ProbedDocument {
  bool ok = false;
  std::string error;
  std::vector<ProbedElement> elements;  // document order

  std::vector<const ProbedElement*> All(const std::string& path) const;
  std::size_t Count(const std::string& path) const { return All(path).size(); }
};

ProbedDocument ProbeXml(const std::string& bytes);

// Streams a file of any size through the reader and counts elements by name; `ok` false on the
// first error. Memory stays flat.
struct ElementCounts {
  bool ok = false;
  std::string error;
  std::map<std::string, std::size_t> by_name;
};
ElementCounts CountElementsInFile(const std::string& path);

// Inflates gzip bytes (Poco::InflatingInputStream); throws Poco::Exception when they are not
// a valid gzip stream.
std::string Gunzip(const std::string& bytes);

}  // namespace ttmtrack::test
