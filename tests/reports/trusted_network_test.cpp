#include "reports/trusted_network.hpp"

#include <gtest/gtest.h>

#include "core/error.hpp"

namespace ttmtrack::reports {
namespace {

std::string Canonical(std::string_view text) { return ParseTrustedNetwork(text).ToString(); }

// The message of the Error that parsing `text` throws; fails the test when nothing is thrown.
std::string ErrorFor(std::string_view text) {
  try {
    ParseTrustedNetwork(text);
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), Error::Kind::kUsage);
    return error.what();
  }
  ADD_FAILURE() << "accepted '" << text << "'";
  return "";
}

TEST(TrustedNetworkTest, AcceptsIpv4AndIpv6Networks) {
  EXPECT_EQ(Canonical("10.0.0.0/8"), "10.0.0.0/8");
  EXPECT_EQ(Canonical("192.168.10.0/24"), "192.168.10.0/24");
  EXPECT_EQ(Canonical("0.0.0.0/0"), "0.0.0.0/0");
  EXPECT_EQ(Canonical("2001:db8::/32"), "2001:db8::/32");
  EXPECT_EQ(Canonical("::/0"), "::/0");
  EXPECT_EQ(ParseTrustedNetwork("2001:db8::/32").family(), IpAddress::Family::kV6);
  EXPECT_EQ(ParseTrustedNetwork("10.0.0.0/8").family(), IpAddress::Family::kV4);
}

TEST(TrustedNetworkTest, WritesIpv6InCanonicalForm) {
  EXPECT_EQ(Canonical("2001:DB8:0:0::/64"), "2001:db8::/64");
  EXPECT_EQ(Canonical("2001:0db8:0000:0000:0000:0000:0000:0001/128"), "2001:db8::1/128");
}

TEST(TrustedNetworkTest, BareAddressIsOneHost) {
  EXPECT_EQ(Canonical("192.0.2.7"), "192.0.2.7/32");
  EXPECT_EQ(Canonical("2001:db8::7"), "2001:db8::7/128");
}

TEST(TrustedNetworkTest, RejectsHostBitsAndSuggestsTheNetwork) {
  EXPECT_NE(ErrorFor("10.1.2.3/8").find("did you mean 10.0.0.0/8?"), std::string::npos);
  EXPECT_NE(ErrorFor("2001:db8::1/32").find("did you mean 2001:db8::/32?"), std::string::npos);
}

TEST(TrustedNetworkTest, RejectsMalformedInputWithTheInputInTheMessage) {
  for (const char* bad :
       {"", "/8", "10.0.0.0/", "10.0.0.0/33", "10.0.0.0/-1", "10.0.0.0/08", "10.0.0.0/8 ",
        " 10.0.0.0/8", "10.0.0.0/8/8", "300.1.1.1/8", "010.0.0.0/8", "10.0.0/8", "2001:db8::/129",
        "fe80::1%eth0/64", "[2001:db8::]/32", "2001:db8:::/32", "example.net/24", "10.0.0.0/8;id",
        "<TRUSTED_NETWORK>"}) {
    const std::string message = ErrorFor(bad);
    EXPECT_NE(message.find(std::string("'") + bad + "'"), std::string::npos) << message;
    EXPECT_NE(message.find("CIDR"), std::string::npos) << message;
  }
}

TEST(TrustedNetworkTest, PrefixErrorNamesTheRange) {
  EXPECT_NE(ErrorFor("10.0.0.0/33").find("0 to 32"), std::string::npos);
  EXPECT_NE(ErrorFor("2001:db8::/200").find("0 to 128"), std::string::npos);
}

TEST(TrustedNetworkTest, IpAddressOrdersNumerically) {
  const auto a = IpAddress::Parse("10.0.0.9");
  const auto b = IpAddress::Parse("10.0.0.10");
  const auto c = IpAddress::Parse("::1");
  ASSERT_TRUE(a && b && c);
  EXPECT_TRUE(*a < *b);
  EXPECT_TRUE(*b < *c);
  EXPECT_FALSE(IpAddress::Parse("10.0.0.1 "));
  EXPECT_FALSE(IpAddress::Parse("1.2.3.04"));
}

}  // namespace
}  // namespace ttmtrack::reports
