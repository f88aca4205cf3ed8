// Compiled by ctest (tests/reports/CMakeLists.txt, HtmlWriterCompileCheck.*), never linked: each
// TTMTRACK_MISUSE_* case is a way to write unescaped text that must not compile.

#include <string>

#include "reports/html_writer.hpp"

using ttmtrack::reports::Attr;
using ttmtrack::reports::HtmlWriter;
using ttmtrack::reports::Url;

void Misuse(HtmlWriter& html, const std::string& untrusted) {
  html.Raw("<p>");
  html.Text(untrusted);
  html.Open("a", {Attr::Href(Url("hosts/").Segment(untrusted)), {"title", untrusted}});
#if defined(TTMTRACK_MISUSE_RAW_STRING)
  html.Raw(untrusted.c_str());  // raw markup from a runtime string
#elif defined(TTMTRACK_MISUSE_RAW_ARRAY)
  char buffer[8] = "<b>";
  html.Raw(buffer);  // raw markup from a mutable array
#elif defined(TTMTRACK_MISUSE_SCRIPT_TAG)
  html.Open("script");
#elif defined(TTMTRACK_MISUSE_EVENT_ATTRIBUTE)
  html.Open("span", {{"onmouseover", untrusted}});
#elif defined(TTMTRACK_MISUSE_HREF_ATTRIBUTE)
  html.Open("a", {{"href", untrusted}});  // a URL must be built with Url
#elif defined(TTMTRACK_MISUSE_STYLE_ATTRIBUTE)
  html.Open("span", {{"style", untrusted}});
#endif
}
