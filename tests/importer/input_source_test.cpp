#include "importer/input/input_source.hpp"

#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "test_support.hpp"

namespace ttmtrack::importer {
namespace {

using testing::DataPath;

std::string Drain(input::InputSource& source) {
  std::string out;
  char buffer[97];  // odd size: exercises partial blocks
  while (const std::size_t got = source.Read(buffer, sizeof buffer)) out.append(buffer, got);
  return out;
}

std::string FileBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

class InputSourceTest : public ::testing::Test {};

TEST_F(InputSourceTest, GzipIsDetectedByMagicBytesAndInflated) {
  const auto gz =
      input::InputSource::Open(DataPath("nessus/policy-plugin-set-and-port-range.nessus.gz"));
  EXPECT_TRUE(gz->gzip());
  EXPECT_EQ(Drain(*gz), FileBytes(DataPath("nessus/policy-plugin-set-and-port-range.nessus")));
}

TEST_F(InputSourceTest, PlainFileIsPassedThrough) {
  const auto plain = input::InputSource::Open(DataPath("gvm/bare-report.xml"));
  EXPECT_FALSE(plain->gzip());
  EXPECT_FALSE(plain->empty());
  EXPECT_EQ(Drain(*plain), FileBytes(DataPath("gvm/bare-report.xml")));
}

TEST_F(InputSourceTest, GzipMagicInAPlainNameStillCounts) {
  // Content decides, not the name: the .gz bytes read through a stream with no name at all.
  std::istringstream in(FileBytes(DataPath("gvm/bare-report.xml.gz")));
  input::InputSource source(in);
  EXPECT_TRUE(source.gzip());
  EXPECT_EQ(Drain(source), FileBytes(DataPath("gvm/bare-report.xml")));
}

TEST_F(InputSourceTest, OneByteFileIsNotMistakenForGzip) {
  std::istringstream in("\x1f");
  input::InputSource source(in);
  EXPECT_FALSE(source.gzip());
  EXPECT_EQ(Drain(source), "\x1f");
}

TEST_F(InputSourceTest, ReportsProgressAndTheWholeSizeAtTheEnd) {
  std::vector<std::uint64_t> seen;
  ReadOptions options;
  options.progress = [&](std::uint64_t read, std::uint64_t size) {
    seen.push_back(read);
    EXPECT_EQ(size, FileBytes(DataPath("gvm/bare-report.xml")).size());
  };
  testing::Import("gvm/bare-report.xml", options);
  ASSERT_FALSE(seen.empty());
  EXPECT_EQ(seen.back(), FileBytes(DataPath("gvm/bare-report.xml")).size());
}

TEST_F(InputSourceTest, DigestsAreOfTheStoredFileAndOfTheXmlFromTheSameRead) {
  // Known answers from `sha256sum` of the .gz and of the plain file (which is its XML).
  const std::string xml = "36d031e024ccec72e5e7c7d1c1b2adb08241b170a13920af9f3942c43ea4f242";
  const auto gz =
      input::InputSource::Open(DataPath("nessus/policy-plugin-set-and-port-range.nessus.gz"));
  Drain(*gz);
  EXPECT_EQ(gz->file_sha256(), "03069f5ab71d9b559ff4465d75bc3a37f8502c8114464646e457292c177ea886");
  EXPECT_EQ(gz->xml_sha256(), xml);
  const auto plain =
      input::InputSource::Open(DataPath("nessus/policy-plugin-set-and-port-range.nessus"));
  Drain(*plain);
  EXPECT_EQ(plain->file_sha256(), xml);
  EXPECT_EQ(plain->xml_sha256(), xml);
}

TEST_F(InputSourceTest, ReadingAheadOnAThreadGivesTheSameBytesAndDigests) {
  for (const char* name :
       {"nessus/policy-plugin-set-and-port-range.nessus.gz", "gvm/bare-report.xml"}) {
    const auto direct = input::InputSource::Open(DataPath(name));
    const auto ahead = input::InputSource::Open(DataPath(name));
    ahead->StartReadAhead();
    EXPECT_EQ(Drain(*ahead), Drain(*direct)) << name;
    EXPECT_EQ(ahead->xml_sha256(), direct->xml_sha256()) << name;
    EXPECT_EQ(ahead->file_sha256(), direct->file_sha256()) << name;
  }
}

TEST_F(InputSourceTest, ConcatenatedGzipMembersInflateAsOneStream) {
  const auto gz = input::InputSource::Open(DataPath("nessus/two-gzip-members.nessus.gz"));
  EXPECT_EQ(Drain(*gz), FileBytes(DataPath("nessus/policy-plugin-set-and-port-range.nessus")));
}

TEST_F(InputSourceTest, BytesAfterTheGzipStreamAreRefusedNotIgnored) {
  const auto gz = input::InputSource::Open(DataPath("nessus/data-after-gzip-stream.nessus.gz"));
  gz->StartReadAhead();  // the reading thread's error reaches the reader
  try {
    Drain(*gz);
    FAIL() << "trailing bytes were ignored";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), Error::Kind::kBadInput);
    EXPECT_EQ(e.message(), "data after the end of the gzip stream");
  }
}

TEST_F(InputSourceTest, Sha256IsOfTheRawBytes) {
  // Known answers from `sha256sum`; the .gz hash is of the compressed bytes.
  EXPECT_EQ(Sha256OfFile(DataPath("nessus/empty.nessus")),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(Sha256OfFile(DataPath("nessus/not-xml.nessus")),
            "013cf915c7b823161ae7e375bb89fd6ae5880bbc1f0bab8aec8d745282e27da1");
}

TEST_F(InputSourceTest, Sha256OfMissingFileIsNoInput) {
  try {
    Sha256OfFile(DataPath("nessus/missing.nessus"));
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), Error::Kind::kNoInput);
    EXPECT_EQ(e.context().file, DataPath("nessus/missing.nessus"));
  }
}

}  // namespace
}  // namespace ttmtrack::importer
