#pragma once

#include <string_view>
#include <vector>

#include "tools/scangen/scan_spec.hpp"

namespace ttmtrack::scangen {

// Text that breaks naive escaping, for tests of the importer, the store and the reports: markup,
// both quote kinds, ampersands and entity look-alikes, a CDATA terminator, CR/LF/TAB, and
// non-ASCII text (accents, CJK, an emoji, a right-to-left mark). The markup is what would make
// a report page run code or fetch something if it ever reached the page unescaped: script
// tags, event-handler attributes, javascript: URLs, CSS url(), a meta refresh, a prefetch link,
// a frame. Every URL in it points at 127.0.0.1 port 9 (discard), which chromium refuses to
// contact, so even a failed escape sends nothing anywhere. All of it is valid XML text, so it
// survives a correct writer and parser byte for byte.
namespace hostile {
inline constexpr std::string_view kScanName =
    "Q1 <script>alert('scan')</script> & \"re-scan\" \xE2\x80\x94 B\xC3\xB6rse"
    "<meta http-equiv=\"refresh\" content=\"0;url=http://127.0.0.1:9/scan-refresh\">";
inline constexpr std::string_view kFqdn =
    "h\xC3\xA4ndler-01.b\xC3\xB6rse.example\"><a href=\"javascript:alert('fqdn')\">x</a>";
inline constexpr std::string_view kNetbios = "TRD\"01'&<x onmouseover=\"alert(1)\">";
inline constexpr std::string_view kOs =
    "Linux <b>bold</b> ]]> &amp; &#65; \xE6\x9D\xB1\xE4\xBA\xAC"
    "<link rel=\"stylesheet\" href=\"http://127.0.0.1:9/os.css\">";
inline constexpr std::string_view kOutput =
    "<script>alert(\"x\")</script>\r\nquotes: \"double\" 'single'\n"
    "entities: &amp; &lt; &#x41; &unknown;\ncdata end: ]]>\ttab\n"
    "unicode: Z\xC3\xBCrich \xE6\x9D\xB1\xE4\xBA\xAC \xF0\x9F\x98\x80 \xE2\x80\x8F"
    "rtl\xE2\x80\x8F\n"
    "<img src=\"http://127.0.0.1:9/output.png\" onerror=\"alert(2)\">"
    "<a href=\"javascript:alert(3)\">click</a>\n"
    "<style>body{background:url(http://127.0.0.1:9/style-element.png)}</style>"
    "<div style=\"background:url('http://127.0.0.1:9/style-attribute.png')\">styled</div>\n"
    "<link rel=\"prefetch\" href=\"http://127.0.0.1:9/prefetch\">"
    "<meta http-equiv=\"refresh\" content=\"0;url=http://127.0.0.1:9/output-refresh\">"
    "<iframe src=\"http://127.0.0.1:9/frame\"></iframe>\n";
}  // namespace hostile

// Puts the hostile strings into every text field the scan and its hosts show: scan and policy
// name, host FQDN, NetBIOS name and OS, and the output of every detection.
void MakeHostile(ScanSpec& scan, std::vector<HostSpec>& hosts);

}  // namespace ttmtrack::scangen
