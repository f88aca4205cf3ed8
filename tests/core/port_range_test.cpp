#include "core/port_range.hpp"

#include <gtest/gtest.h>

#include "tests/core/case_name.hpp"

namespace ttmtrack::core {
namespace {

// Fields in the order of the table's columns; padding does not matter in a test table.
struct ContainsCase {  // NOLINT(clang-analyzer-optin.performance.Padding)
  const char* name;
  const char* spec;
  std::uint16_t port;
  const char* protocol;
  bool contained;
};

class PortRangeTest : public ::testing::TestWithParam<ContainsCase> {};

TEST_P(PortRangeTest, AnswersWhetherThePortIsInside) {
  const ContainsCase& c = GetParam();
  const auto range = PortRange::Parse(c.spec);
  ASSERT_TRUE(range.has_value()) << c.spec;
  ASSERT_FALSE(range->IsScannerDefault());
  EXPECT_EQ(range->Contains(c.port, c.protocol), c.contained)
      << c.spec << " " << c.port << "/" << c.protocol;
}

const ContainsCase kContainsCases[] = {
    {"AllCoversHighestTcpPort", "all", 65535, "tcp", true},
    {"AllCoversUdp", "all", 53, "udp", true},
    {"AllNeverCoversPortZero", "all", 0, "tcp", false},
    {"SinglePortMatches", "5010", 5010, "tcp", true},
    {"SinglePortIsNotItsNeighbour", "5010", 5011, "tcp", false},
    {"RangeIncludesFirst", "1-1024", 1, "tcp", true},
    {"RangeIncludesLast", "1-1024", 1024, "tcp", true},
    {"RangeExcludesNext", "1-1024", 1025, "tcp", false},
    {"UnprefixedAppliesToUdpToo", "1-1024", 53, "udp", true},
    {"ListFindsLaterItem", "1-1024,5010,10200", 10200, "tcp", true},
    {"TcpPrefixExcludesUdp", "T:10200", 10200, "udp", false},
    {"TcpPrefixIncludesTcp", "1-1024,T:10200", 10200, "tcp", true},
    {"UdpPrefixIncludesUdp", "U:53", 53, "udp", true},
    {"UdpPrefixExcludesTcp", "U:53", 53, "tcp", false},
    {"PrefixCarriesOverToLaterItems", "T:1-10,5010,U:53", 5010, "tcp", true},
    {"PrefixCarryOverStaysTcpOnly", "T:1-10,5010,U:53", 5010, "udp", false},
    {"SpacesAroundItemsAreTolerated", " 1-10 , 5010 ", 5010, "tcp", true},
    {"LowerCasePrefixIsAccepted", "t:5010", 5010, "tcp", true},
    {"UnknownProtocolIsNeverInside", "all", 5010, "icmp", false},
    {"AllIsCaseInsensitive", "ALL", 22, "tcp", true},
};

INSTANTIATE_TEST_SUITE_P(Cases, PortRangeTest, ::testing::ValuesIn(kContainsCases),
                         testing::CaseName<ContainsCase>);

TEST(PortRangeParseTest, DefaultIsTheScannersOwnList) {
  const auto range = PortRange::Parse("default");
  ASSERT_TRUE(range.has_value());
  EXPECT_TRUE(range->IsScannerDefault());
  EXPECT_EQ(range->spec(), "default");
  EXPECT_TRUE(PortRange::Parse(" Default ")->IsScannerDefault());
}

TEST(PortRangeParseTest, RejectsInvalidSpecifications) {
  for (const char* spec : {"", " ", "0", "65536", "1-", "-5", "10-1", "1,,2", "X:5", "abc", "5e3",
                           "+5", "1-2-3", "T:", "1024,", "default,5010", "123456"}) {
    EXPECT_FALSE(PortRange::Parse(spec).has_value()) << '"' << spec << '"';
  }
}

TEST(PortRangeParseTest, KeepsTheSpecAsWritten) {
  EXPECT_EQ(PortRange::Parse("1-1024,T:10200")->spec(), "1-1024,T:10200");
}

}  // namespace
}  // namespace ttmtrack::core
