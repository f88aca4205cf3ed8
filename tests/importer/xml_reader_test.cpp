#include "importer/xml/xml_reader.hpp"

#include <algorithm>
#include <chrono>
#include <sstream>

#include <gtest/gtest.h>

#include "importer/xml/secure_options.hpp"
#include "test_support.hpp"

namespace ttmtrack::importer {
namespace {

using testing::DataPath;
using testing::ImportError;
using testing::RecordingSink;

// Bytes from memory, for driving XmlReader directly, at most `piece` bytes per Read.
class StringSource : public xml::ByteSource {
 public:
  explicit StringSource(std::string bytes, std::size_t piece = SIZE_MAX)
      : bytes_(std::move(bytes)), piece_(piece) {}
  std::size_t Read(char* buffer, std::size_t size) override {
    const std::size_t n = std::min({size, piece_, bytes_.size() - offset_});
    bytes_.copy(buffer, n, offset_);
    offset_ += n;
    return n;
  }

 private:
  std::string bytes_;
  std::size_t piece_;
  std::size_t offset_ = 0;
};

// Security, malformed-input and error-message behaviour, through the public entry point.
class XmlReaderTest : public ::testing::Test {
 protected:
  // A DOCTYPE is refused where it stands, before any entity is looked at or anything reaches
  // the sink: the error's position is the DOCTYPE's and the sink saw nothing. (How long a
  // rejection takes is not a unit test's business; nothing here is expanded or fetched.)
  static void ExpectRejectedAtTheDoctype(const std::string& relative, std::int64_t line) {
    RecordingSink sink;
    const Error e = ImportError(DataPath(relative), &sink);
    EXPECT_EQ(e.kind(), Error::Kind::kBadInput);
    EXPECT_EQ(e.context().line, line);
    EXPECT_EQ(e.context().column, 1);
    EXPECT_NE(e.message().find("DOCTYPE declaration rejected"), std::string::npos) << e.what();
    EXPECT_NE(e.message().find("external entities"), std::string::npos);
    // Nothing of the file reached the sink: the DOCTYPE precedes everything.
    EXPECT_TRUE(sink.calls.empty()) << relative;
  }
};

TEST_F(XmlReaderTest, SecureOptionsForbidEntitiesDtdsXincludeAndHuge) {
  EXPECT_TRUE(xml::IsSecure(xml::SecureParseOptions()));
}

TEST_F(XmlReaderTest, RejectsExternalEntity) {
  ExpectRejectedAtTheDoctype("nessus/xxe-external-entity.nessus", 2);
  ExpectRejectedAtTheDoctype("gvm/xxe-external-entity.xml", 2);
}

TEST_F(XmlReaderTest, RejectsExternalParameterEntity) {
  ExpectRejectedAtTheDoctype("nessus/xxe-parameter-entity.nessus", 2);
}

TEST_F(XmlReaderTest, RejectsBillionLaughs) {
  ExpectRejectedAtTheDoctype("nessus/billion-laughs.nessus", 2);
}

TEST_F(XmlReaderTest, RejectsQuadraticBlowup) {
  ExpectRejectedAtTheDoctype("nessus/quadratic-blowup.nessus", 2);
}

TEST_F(XmlReaderTest, RejectsDoctypeAfterCommentsAndDeclarationAtItsPosition) {
  std::istringstream in(
      "<?xml version=\"1.0\"?>\n<!-- a comment -- with dashes ->-->\n<?pi x?>  <!DOCTYPE r>\n<r/>");
  RecordingSink sink;
  try {
    ReadExportStream(in, "mem.xml", {}, sink);
    FAIL() << "accepted a DOCTYPE";
  } catch (const Error& e) {
    EXPECT_EQ(e.context().line, 3);
    EXPECT_EQ(e.context().column, 11);
  }
}

// libxml2 2.9 saturates element line numbers at 65535; the reader recovers exact ones.
TEST_F(XmlReaderTest, ElementLinesStayExactPastLine65535) {
  std::string doc = "<report id=\"x\"><results>";
  doc += std::string(70000, '\n');  // the result starts on line 70001
  doc += "<result id=\"1\">\n  <host>192.0.2.5</host>\n  <port>99999/tcp</port>\n</result>";
  doc += "</results></report>";
  std::istringstream in(doc);
  RecordingSink sink;
  try {
    ReadExportStream(in, "big-lines.xml", {}, sink);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.context().line, 70001) << e.what();
  }
}

TEST_F(XmlReaderTest, UndefinedEntityReferenceIsAnError) {
  const Error e = ImportError(DataPath("nessus/undefined-entity.nessus"));
  EXPECT_EQ(e.kind(), Error::Kind::kBadInput);
  EXPECT_EQ(e.context().line, 3);
  EXPECT_NE(e.message().find("Entity 'company' not defined"), std::string::npos) << e.what();
}

TEST_F(XmlReaderTest, TruncatedFileReportsLineAndColumn) {
  const Error e = ImportError(DataPath("nessus/truncated-inside-reportitem.nessus"));
  EXPECT_EQ(e.kind(), Error::Kind::kBadInput);
  EXPECT_EQ(e.context().line, 63);
  EXPECT_EQ(e.context().column, 19);
  EXPECT_EQ(e.message(),
            "the file ends before the XML document does (truncated download?); the last "
            "element read is <plugin_output> (line 62)");
  const std::string expected_prefix =
      DataPath("nessus/truncated-inside-reportitem.nessus") + ":63:19: the file ends";
  EXPECT_EQ(std::string(e.what()).rfind(expected_prefix, 0), 0u) << e.what();
}

TEST_F(XmlReaderTest, TruncatedXmlInsideIntactGzipReportsLineAndColumn) {
  const Error e = ImportError(DataPath("nessus/truncated-inside-reportitem.nessus.gz"));
  EXPECT_EQ(e.context().line, 63);
  EXPECT_EQ(e.context().column, 19);
  EXPECT_NE(e.message().find("truncated download"), std::string::npos);
}

TEST_F(XmlReaderTest, TruncatedGvmReportNamesTheLastElement) {
  const Error e = ImportError(DataPath("gvm/truncated-inside-result.xml"));
  EXPECT_EQ(e.context().line, 37);
  EXPECT_NE(e.message().find("<nvt> (line 35)"), std::string::npos) << e.what();
}

TEST_F(XmlReaderTest, TruncatedGzipStreamIsReported) {
  RecordingSink sink;
  const Error e = ImportError(DataPath("nessus/truncated-gzip-stream.nessus.gz"), &sink);
  EXPECT_EQ(e.kind(), Error::Kind::kBadInput);
  EXPECT_NE(e.message().find("truncated gzip stream"), std::string::npos) << e.what();
  EXPECT_EQ(std::count(sink.calls.begin(), sink.calls.end(), "EndScan"), 0);
}

TEST_F(XmlReaderTest, CorruptGzipStreamIsReported) {
  const Error e = ImportError(DataPath("nessus/corrupt-gzip.nessus.gz"));
  EXPECT_EQ(e.kind(), Error::Kind::kBadInput);
  // The flipped bytes decode to other data; the CRC at the end of the member catches it.
  EXPECT_NE(e.message().find("corrupt gzip stream (zlib: incorrect data check)"), std::string::npos)
      << e.what();
}

TEST_F(XmlReaderTest, NotXmlIsRejected) {
  const Error e = ImportError(DataPath("nessus/not-xml.nessus"));
  EXPECT_EQ(e.kind(), Error::Kind::kBadInput);
  EXPECT_EQ(e.message(), "not XML: no element where the document should start");
  EXPECT_EQ(e.context().line, 1);
}

TEST_F(XmlReaderTest, EmptyFileIsRejected) {
  const Error e = ImportError(DataPath("nessus/empty.nessus"));
  EXPECT_EQ(e.kind(), Error::Kind::kBadInput);
  EXPECT_EQ(e.message(), "the file is empty (0 bytes): not a scan export");
}

TEST_F(XmlReaderTest, RawControlCharacterIsRejectedAtItsPosition) {
  const Error e = ImportError(DataPath("nessus/control-character-in-output.nessus"));
  EXPECT_EQ(e.context().line, 7);
  EXPECT_EQ(e.context().column, 21);
  EXPECT_NE(e.message().find("invalid Char value 7"), std::string::npos) << e.what();
}

TEST_F(XmlReaderTest, WrongRootElementIsAnUnsupportedFormat) {
  const Error e = ImportError(DataPath("nessus/unsupported-root.xml"));
  EXPECT_EQ(e.message(),
            "unsupported format: root element <nmaprun>; expected NessusClientData_v2, report or "
            "get_reports_response");
  EXPECT_EQ(e.context().line, 2);
}

TEST_F(XmlReaderTest, ContentAfterTheRootIsAnErrorAndEndScanIsNotSent) {
  std::istringstream in("<report id=\"x\"></report>\n<extra/>\n");
  RecordingSink sink;
  try {
    ReadExportStream(in, "mem.xml", {}, sink);
    FAIL() << "accepted a second root";
  } catch (const Error& e) {
    EXPECT_EQ(e.context().line, 2);
    EXPECT_NE(e.message().find("Extra content at the end of the document"), std::string::npos);
  }
  EXPECT_EQ(std::count(sink.calls.begin(), sink.calls.end(), "EndScan"), 0);
}

TEST_F(XmlReaderTest, MissingFileIsNoInput) {
  RecordingSink sink;
  try {
    ReadExport(DataPath("nessus/does-not-exist.nessus"), {}, sink);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), Error::Kind::kNoInput);
    EXPECT_EQ(e.message(), "cannot open: No such file or directory");
  }
  EXPECT_THROW(Sha256OfFile(DataPath("nessus")), Error);
}

TEST_F(XmlReaderTest, TextLongerThanTheLimitIsRefused) {
  // Many text nodes (split by comments) add up past the bound although each is small: the
  // bound is on what ReadText holds, not on libxml2's per-node limit.
  std::string doc = "<a>\n<description>";
  for (int i = 0; i < 40; ++i) doc += "0123456789<!---->";
  doc += "</description></a>";
  StringSource source(doc);
  xml::XmlReader reader(source, "mem.xml", 256);
  ASSERT_TRUE(reader.Next());
  ASSERT_TRUE(reader.Next());  // the newline
  ASSERT_TRUE(reader.Next());
  ASSERT_EQ(reader.name(), "description");
  try {
    reader.ReadText();
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.message(),
              "text of <description> is longer than 256 bytes; refusing to hold it in memory");
    EXPECT_EQ(e.context().line, 2);
  }
}

// Regression: libxml2 raised this conversion error through its global handler, which printed
// it to stderr and left our error without a cause.
TEST_F(XmlReaderTest, EncodingErrorIsCapturedNotPrinted) {
  ::testing::internal::CaptureStderr();
  const Error e = ImportError(std::string(TTMTRACK_FUZZ_DIR) +
                              "/regressions/importer/utf16-invalid-surrogate.xml");
  EXPECT_EQ(::testing::internal::GetCapturedStderr(), "");
  EXPECT_EQ(e.kind(), Error::Kind::kBadInput);
  EXPECT_NE(e.message().find("input conversion failed"), std::string::npos) << e.what();
}

TEST_F(XmlReaderTest, ForEachChildSkipsWhatTheCallbackLeavesAndSeesDirectText) {
  StringSource source("<r>x<a><b>deep</b></a>y<c/>z<d>kept</d></r>");
  xml::XmlReader reader(source, "mem.xml");
  ASSERT_TRUE(reader.Next());
  std::string direct, children, kept;
  reader.ForEachChild(
      [&](std::string_view name) {
        children += std::string(name);
        if (name == "d") kept = reader.ReadText();
      },
      [&](std::string_view text) { direct += std::string(text); });
  EXPECT_EQ(direct, "xyz");
  EXPECT_EQ(children, "acd");
  EXPECT_EQ(kept, "kept");
  EXPECT_EQ(reader.kind(), xml::NodeKind::kEndElement);
  EXPECT_EQ(reader.name(), "r");
  EXPECT_FALSE(reader.Next());
}

TEST_F(XmlReaderTest, OnlyTheTextOfKeptElementsIsReadAndAskingForOtherTextIsAProgrammerError) {
  // Small pieces: the filter applies to what the parser reaches after it is set.
  StringSource source("<r>lead<keep>a<i>b</i>c</keep><cm:keep>x</cm:keep><drop>y</drop></r>", 4);
  xml::XmlReader reader(source, "mem.xml");
  ASSERT_TRUE(reader.Next());
  reader.KeepTextOnlyIn({"keep"});
  std::string kept;
  std::vector<std::string> texts;
  reader.ForEachChild([&](std::string_view name) {
    if (name == "keep") {
      kept = reader.ReadText();  // descendants' text too
    } else {
      // A prefixed name is another element; its text is dropped like any other.
      try {
        reader.ReadText();
        ADD_FAILURE() << "read the text of <" << name << ">";
      } catch (const Error& e) {
        EXPECT_EQ(e.kind(), Error::Kind::kInternal) << e.what();
        texts.push_back(e.message());
      }
    }
  });
  EXPECT_EQ(kept, "abc");
  ASSERT_EQ(texts.size(), 2u);
  EXPECT_EQ(texts[0],
            "ReadText on <cm:keep>, whose text the reader drops (XmlReader::KeepTextOnlyIn)");
}

}  // namespace
}  // namespace ttmtrack::importer
