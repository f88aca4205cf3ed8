#pragma once

#include <string_view>
#include <vector>

#include "tools/scangen/scan_spec.hpp"

namespace ttmtrack::scangen {

// Text that breaks naive escaping, for tests of the importer, the store and the reports: markup,
// both quote kinds, ampersands and entity look-alikes, a CDATA terminator, CR/LF/TAB, and
// non-ASCII text (accents, CJK, an emoji, a right-to-left mark). All of it is valid XML text, so
// it survives a correct writer and parser byte for byte.
namespace hostile {
inline constexpr std::string_view kScanName =
    "Q1 <script>alert('scan')</script> & \"re-scan\" \xE2\x80\x94 B\xC3\xB6rse";
inline constexpr std::string_view kFqdn = "h\xC3\xA4ndler-01.b\xC3\xB6rse.example";
inline constexpr std::string_view kNetbios = "TRD\"01'&<x>";
inline constexpr std::string_view kOs = "Linux <b>bold</b> ]]> &amp; &#65; 東京";
inline constexpr std::string_view kOutput =
    "<script>alert(\"x\")</script>\r\nquotes: \"double\" 'single'\n"
    "entities: &amp; &lt; &#x41; &unknown;\ncdata end: ]]>\ttab\n"
    "unicode: Z\xC3\xBCrich \xE6\x9D\xB1\xE4\xBA\xAC \xF0\x9F\x98\x80 \xE2\x80\x8F"
    "rtl\xE2\x80\x8F\n";
}  // namespace hostile

// Puts the hostile strings into every text field the scan and its hosts show: scan and policy
// name, host FQDN, NetBIOS name and OS, and the output of every detection.
void MakeHostile(ScanSpec& scan, std::vector<HostSpec>& hosts);

}  // namespace ttmtrack::scangen
