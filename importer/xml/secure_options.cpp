#include "importer/xml/secure_options.hpp"

#include <libxml/parser.h>

namespace ttmtrack::importer::xml {

// Set (all exist in libxml2 2.9.14):
// - XML_PARSE_NONET: no network access, even if something asked for an external resource.
// - XML_PARSE_BIG_LINES: line numbers past 65535 stay exact in error reports (scan exports of
//   a few hundred MB have millions of lines).
// - XML_PARSE_COMPACT: small text nodes stored inline; saves memory, changes nothing visible.
//
// Never set, and why:
// - XML_PARSE_NOENT: would substitute entities, which is how XXE reads local files and how a
//   "billion laughs" file expands exponentially.
// - XML_PARSE_DTDLOAD / XML_PARSE_DTDATTR / XML_PARSE_DTDVALID: would load an external DTD
//   (a file or URL named by the export) and apply its defaults.
// - XML_PARSE_XINCLUDE: would pull other files into the document.
// - XML_PARSE_HUGE: would lift the built-in limits (text node 10 MB, depth 256, entity
//   amplification checks) that bound what a hostile file can make the parser do.
// On top of that, XmlReader rejects any DOCTYPE outright (real exports never have one), so no
// entity declaration is ever in scope and any entity reference is an undefined-entity error.
int SecureParseOptions() { return XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_COMPACT; }

bool IsSecure(int options) {
  constexpr int kForbidden = XML_PARSE_NOENT | XML_PARSE_DTDLOAD | XML_PARSE_DTDATTR |
                             XML_PARSE_DTDVALID | XML_PARSE_XINCLUDE | XML_PARSE_HUGE;
  return (options & kForbidden) == 0 && (options & XML_PARSE_NONET) != 0;
}

}  // namespace ttmtrack::importer::xml
