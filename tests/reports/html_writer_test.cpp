#include "reports/html_writer.hpp"

#include <string>

#include <gtest/gtest.h>

namespace ttmtrack::reports {
namespace {

TEST(HtmlWriterTest, TextIsEscaped) {
  HtmlWriter html;
  html.Element("td", std::string("<script>alert(1)</script>"));
  EXPECT_EQ(html.str(), "<td>&lt;script&gt;alert(1)&lt;/script&gt;</td>");
}

TEST(HtmlWriterTest, AttributeValuesAreDoubleQuotedAndEscaped) {
  HtmlWriter html;
  const std::string hostile = "x\" onmouseover=\"alert(1)\" y='z'&";
  html.Open("span", {{"title", hostile}, {"class", "badge"}});
  html.Close("span");
  EXPECT_EQ(html.str(),
            "<span title=\"x&quot; onmouseover=&quot;alert(1)&quot; y=&#39;z&#39;&amp;\" "
            "class=\"badge\"></span>");
}

TEST(HtmlWriterTest, NumericAttributesAndNumbers) {
  HtmlWriter html;
  html.Void("circle", {{"cx", std::int64_t{-12}}, {"r", 4}});
  html.Number(5010);
  EXPECT_EQ(html.str(), "<circle cx=\"-12\" r=\"4\"/>5010");
}

TEST(HtmlWriterTest, HrefSegmentsArePercentEncoded) {
  HtmlWriter html;
  html.Element("a", {Attr::Href(Url("hosts/").Segment("../../etc/passwd"))}, "x");
  html.Element("a", {Attr::Href(Url("hosts/").Segment("a.html").Literal("#").Segment("p q"))}, "y");
  html.Element("a", {Attr::Href(Url("").Segment("javascript:alert(1)"))}, "z");
  EXPECT_EQ(html.str(),
            "<a href=\"hosts/..%2F..%2Fetc%2Fpasswd\">x</a>"
            "<a href=\"hosts/a.html#p%20q\">y</a>"
            "<a href=\"javascript%3Aalert%281%29\">z</a>");
}

TEST(HtmlWriterTest, RawAcceptsLiteralsOnly) {
  // The misuse cases (runtime strings, script tags, on* and href attributes) are compile
  // checks: ctest -R HtmlWriterCompileCheck.
  HtmlWriter html;
  html.Raw("<p class=\"note\">");
  html.Close("p");
  EXPECT_EQ(html.Release(), "<p class=\"note\"></p>");
}

}  // namespace
}  // namespace ttmtrack::reports
