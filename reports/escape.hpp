#pragma once

#include <string>
#include <string_view>

namespace ttmtrack::reports {

// The escaping primitives behind HtmlWriter (html_writer.hpp). Report code does not call these
// directly; it goes through HtmlWriter, whose methods pick the right one for the context.
//
// Every value that came from a scan is attacker-controlled, so the escapers accept any bytes:
//   - invalid UTF-8 (truncated, overlong, surrogates, > U+10FFFF; decoded by core/utf8.hpp)
//     becomes U+FFFD, one per maximal invalid subpart (Unicode's recommended practice), so no
//     byte can open a tag or entity and the output is always valid UTF-8;
//   - C0 controls other than TAB, LF and CR, and DEL, become their visible Control Pictures
//     (NUL -> U+2400 "␀"): the HTML parser drops or mangles them, an auditor should see them;
//   - C1 controls, Unicode noncharacters and bidirectional embedding/override/isolate controls
//     become U+FFFD: the first two are parse errors, the last can make a host name or output
//     display in an order different from its bytes (the "Trojan Source" trick);
//   - & < > " ' become character references, so one function is safe both in element text and
//     in a double-quoted attribute value.

// Appends `untrusted` to `out`, escaped for HTML element text or a double-quoted attribute value.
void AppendHtmlEscaped(std::string& out, std::string_view untrusted);

// Appends `untrusted` as one URL path segment (or fragment): every byte outside RFC 3986's
// unreserved set [A-Za-z0-9-._~] is percent-encoded, so '/', '?', '#', ':' and '%' cannot change
// the URL's structure or scheme. The result contains only ASCII characters that need no further
// HTML escaping (HtmlWriter escapes it again anyway).
void AppendUrlSegmentEncoded(std::string& out, std::string_view untrusted);

// The text the HTML escaper would display for `untrusted`, before character references: valid
// UTF-8 with the substitutions above. Used where a value is measured or compared as displayed.
std::string SanitizeForDisplay(std::string_view untrusted);

}  // namespace ttmtrack::reports
