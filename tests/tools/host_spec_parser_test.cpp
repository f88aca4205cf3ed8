#include "tools/scangen/host_spec_parser.hpp"

#include <gtest/gtest.h>

#include "core/error.hpp"

namespace ttmtrack::scangen {
namespace {

TEST(HostSpecParserTest, ParsesTheBriefsColonForm) {
  const HostSpec host = ParseHostSpec("10.0.0.5:detect=5010");
  EXPECT_EQ(host.ip, "10.0.0.5");
  ASSERT_EQ(host.detections.size(), 1u);
  EXPECT_EQ(host.detections[0].port, 5010);
  EXPECT_EQ(host.detections[0].protocol, "tcp");
  EXPECT_TRUE(host.completed);
}

TEST(HostSpecParserTest, ParsesEveryItem) {
  const HostSpec host = ParseHostSpec(
      "10.0.0.6,detect=5010+10200/udp,open=22+443,incomplete,fqdn=trd-02.example,"
      "netbios=TRD02,os=Debian 12,mac=00:50:56:aa:bb:cc,name=trd-02,start=90");
  EXPECT_EQ(host.ip, "10.0.0.6");
  ASSERT_EQ(host.detections.size(), 2u);
  EXPECT_EQ(host.detections[1].port, 10200);
  EXPECT_EQ(host.detections[1].protocol, "udp");
  EXPECT_EQ(host.open_ports, (std::vector<std::uint16_t>{22, 443}));
  EXPECT_FALSE(host.completed);
  EXPECT_EQ(host.fqdn, "trd-02.example");
  EXPECT_EQ(host.netbios, "TRD02");
  EXPECT_EQ(host.os, "Debian 12");
  EXPECT_EQ(host.mac, "00:50:56:aa:bb:cc");
  EXPECT_EQ(host.report_name, "trd-02");
  EXPECT_EQ(host.start_offset, 90);
}

TEST(HostSpecParserTest, AcceptsIpv6PlainAndBracketed) {
  EXPECT_EQ(ParseHostSpec("2001:db8::5,detect=5010").ip, "2001:db8::5");
  const HostSpec bracketed = ParseHostSpec("[2001:db8::6]:incomplete");
  EXPECT_EQ(bracketed.ip, "2001:db8::6");
  EXPECT_FALSE(bracketed.completed);
}

TEST(HostSpecParserTest, EmptyOpenListMeansNoOpenPorts) {
  EXPECT_TRUE(ParseHostSpec("10.0.0.5,open=").open_ports.empty());
  EXPECT_EQ(ParseHostSpec("10.0.0.5").open_ports, (std::vector<std::uint16_t>{22}));
}

TEST(HostSpecParserTest, RejectsMalformedSpecsWithAUsageError) {
  for (const char* bad :
       {"", "10.0.0.300", "host.example", "10.0.0.5,detect=0", "10.0.0.5,detect=70000",
        "10.0.0.5,detect=5010/sctp", "10.0.0.5,bogus", "[2001:db8::5", "10.0.0.5,start=-1"}) {
    try {
      ParseHostSpec(bad);
      ADD_FAILURE() << "accepted: " << bad;
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), Error::Kind::kUsage) << bad;
    }
  }
}

}  // namespace
}  // namespace ttmtrack::scangen
