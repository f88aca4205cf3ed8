#include "tools/scangen/xml_writer.hpp"

#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "core/error.hpp"
#include "tests/tools/support/xml_probe.hpp"
#include "tools/scangen/hostile_strings.hpp"

namespace ttmtrack::scangen {
namespace {

using test::ProbeXml;

// Writes <root a="value"><leaf>text</leaf></root> and returns the bytes.
std::string Document(std::string_view attribute, std::string_view text, int indent = 0) {
  std::ostringstream out;
  XmlWriter w(out, indent);
  w.Declaration();
  w.Start("root");
  w.Attribute("a", attribute);
  w.Leaf("leaf", text);
  w.End();
  w.Finish();
  return out.str();
}

TEST(XmlWriterTest, HostileTextAndAttributesRoundTripThroughLibxml2) {
  for (const std::string_view s :
       {hostile::kOutput, hostile::kScanName, hostile::kNetbios, hostile::kOs, hostile::kFqdn}) {
    const test::ProbedDocument doc = ProbeXml(Document(s, s));
    ASSERT_TRUE(doc.ok) << doc.error;
    EXPECT_EQ(doc.All("root").at(0)->attributes.at("a"), s);
    EXPECT_EQ(doc.All("root/leaf").at(0)->text, s);
  }
}

TEST(XmlWriterTest, MarkupIsEscapedNotWrittenRaw) {
  const std::string bytes = Document("<x y=\"1\">", "<script>alert(1)</script> & ]]>");
  EXPECT_EQ(bytes.find("<script>"), std::string::npos);
  EXPECT_EQ(bytes.find("<x y"), std::string::npos);
  EXPECT_NE(bytes.find("&lt;script&gt;"), std::string::npos);
  EXPECT_NE(bytes.find("]]&gt;"), std::string::npos);
}

TEST(XmlWriterTest, CarriageReturnsAndTabsSurviveParserNormalisation) {
  const std::string value = "a\r\nb\tc\nd\re";
  const test::ProbedDocument doc = ProbeXml(Document(value, value));
  ASSERT_TRUE(doc.ok) << doc.error;
  EXPECT_EQ(doc.All("root").at(0)->attributes.at("a"), value);
  EXPECT_EQ(doc.All("root/leaf").at(0)->text, value);
}

TEST(XmlWriterTest, CharactersXmlCannotCarryBecomeReplacementCharacters) {
  // NUL, ESC, an invalid lead byte, a truncated sequence, an overlong '/', a UTF-16 surrogate
  // and U+FFFE: none can appear in XML 1.0, so the document must still parse.
  const std::string junk = std::string("a\0b", 3) + "\x1B" + "c\xFF" + "d\xE2\x82" + "e\xC0\xAF" +
                           "f\xED\xA0\x80" + "g\xEF\xBF\xBE" + "h";
  const test::ProbedDocument doc = ProbeXml(Document(junk, junk));
  ASSERT_TRUE(doc.ok) << doc.error;
  EXPECT_EQ(doc.All("root/leaf").at(0)->text, XmlRoundTrip(junk));
  EXPECT_EQ(doc.All("root").at(0)->attributes.at("a"), XmlRoundTrip(junk));
  EXPECT_EQ(XmlRoundTrip("ok \xC3\xA4 \xF0\x9F\x98\x80"), "ok \xC3\xA4 \xF0\x9F\x98\x80");
  EXPECT_NE(XmlRoundTrip(junk).find("\xEF\xBF\xBD"), std::string::npos);
  // One U+FFFD per character XML cannot carry and per maximal invalid subpart, as the reports.
  EXPECT_EQ(XmlRoundTrip("d\xE2\x82"
                         "e"),
            "d\xEF\xBF\xBD"
            "e");
  EXPECT_EQ(XmlRoundTrip("g\xEF\xBF\xBEh"), "g\xEF\xBF\xBDh");
  EXPECT_EQ(XmlRoundTrip("f\xED\xA0\x80"), "f\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(XmlRoundTrip("\xC2\x85"), "\xC2\x85");  // NEL, a C1 control: legal in XML 1.0
}

TEST(XmlWriterTest, IndentationNeverEntersMixedContent) {
  std::ostringstream out;
  XmlWriter w(out, 2);
  w.Start("ports");
  w.Start("port");
  w.Text("5010/tcp");
  w.Leaf("host", "10.0.0.5");
  w.End();
  w.End();
  w.Finish();
  const test::ProbedDocument doc = ProbeXml(out.str());
  ASSERT_TRUE(doc.ok) << doc.error;
  EXPECT_EQ(doc.All("ports/port").at(0)->text, "5010/tcp");
  EXPECT_NE(out.str().find("<port>5010/tcp<host>10.0.0.5</host></port>"), std::string::npos);
}

TEST(XmlWriterTest, EmptyElementsAreSelfClosing) {
  std::ostringstream out;
  XmlWriter w(out, 0);
  w.Start("a");
  w.Start("b");
  w.Attribute("x", "");
  w.End();
  w.Leaf("c", "");
  w.End();
  w.Finish();
  EXPECT_EQ(out.str(), "<a>\n<b x=\"\"/>\n<c/>\n</a>\n");
}

TEST(XmlWriterTest, LargeDocumentsAreFlushedAndCounted) {
  std::ostringstream out;
  XmlWriter w(out, 0);
  w.Start("r");
  const std::string chunk(1000, 'x');
  for (int i = 0; i < 500; ++i) w.Leaf("i", chunk);
  w.End();
  w.Finish();
  EXPECT_EQ(w.bytes_written(), out.str().size());
  EXPECT_GT(out.str().size(), 500u * 1000u);
  EXPECT_EQ(ProbeXml(out.str()).Count("r/i"), 500u);
}

TEST(XmlWriterTest, FinishReportsAFailedStream) {
  std::ostringstream out;
  out.setstate(std::ios::badbit);
  XmlWriter w(out, 0);
  w.Leaf("a", "b");
  EXPECT_THROW(w.Finish(), Error);
}

}  // namespace
}  // namespace ttmtrack::scangen
