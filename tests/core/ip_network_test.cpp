#include "core/ip_network.hpp"

#include <gtest/gtest.h>

namespace ttmtrack::core {
namespace {

std::string Canonical(std::string_view text) {
  std::string problem;
  const std::optional<IpNetwork> network = IpNetwork::Parse(text, &problem);
  EXPECT_TRUE(network.has_value()) << "refused '" << text << "': " << problem;
  return network ? network->ToString() : "<refused>";
}

// What is wrong with `text`; fails the test when it parses.
std::string Problem(std::string_view text) {
  std::string problem;
  if (const auto network = IpNetwork::Parse(text, &problem)) {
    ADD_FAILURE() << "accepted '" << text << "' as " << network->ToString();
  }
  return problem;
}

IpNetwork Network(std::string_view text) {
  const std::optional<IpNetwork> network = IpNetwork::Parse(text);
  if (!network) ADD_FAILURE() << "refused '" << text << "'";
  return network.value_or(IpNetwork());
}

IpAddress Address(std::string_view text) { return IpAddress::Parse(text).value(); }

TEST(IpNetworkTest, ReadsIpv4AndIpv6Networks) {
  EXPECT_EQ(Canonical("10.0.0.0/8"), "10.0.0.0/8");
  EXPECT_EQ(Canonical("192.168.10.0/24"), "192.168.10.0/24");
  EXPECT_EQ(Canonical("0.0.0.0/0"), "0.0.0.0/0");
  EXPECT_EQ(Canonical("255.255.255.255/32"), "255.255.255.255/32");
  EXPECT_EQ(Canonical("10.0.0.128/25"), "10.0.0.128/25");
  EXPECT_EQ(Canonical("2001:db8::/32"), "2001:db8::/32");
  EXPECT_EQ(Canonical("::/0"), "::/0");
  EXPECT_EQ(Canonical("fe80::/10"), "fe80::/10");
  EXPECT_EQ(Canonical("2001:db8::8000/113"), "2001:db8::8000/113");
  EXPECT_EQ(Network("2001:db8::/32").family(), IpAddress::Family::kV6);
  EXPECT_EQ(Network("10.0.0.0/8").family(), IpAddress::Family::kV4);
  EXPECT_EQ(Network("10.0.0.0/8").prefix_length(), 8);
  EXPECT_EQ(Network("10.0.0.0/8").address(), Address("10.0.0.0"));
}

TEST(IpNetworkTest, WritesTheAddressInCanonicalForm) {
  EXPECT_EQ(Canonical("2001:DB8:0:0::/64"), "2001:db8::/64");
  EXPECT_EQ(Canonical("2001:0db8:0000:0000:0000:0000:0000:0001/128"), "2001:db8::1/128");
  EXPECT_EQ(Canonical("2001:db8:0:0:1::/80"), "2001:db8:0:0:1::/80");
}

TEST(IpNetworkTest, BareAddressIsOneHost) {
  EXPECT_EQ(Canonical("192.0.2.7"), "192.0.2.7/32");
  EXPECT_EQ(Canonical("2001:db8::7"), "2001:db8::7/128");
  EXPECT_TRUE(Network("192.0.2.7").Contains(Address("192.0.2.7")));
  EXPECT_FALSE(Network("192.0.2.7").Contains(Address("192.0.2.8")));
}

TEST(IpNetworkTest, MappedNetworksAreTheirIpv4Network) {
  EXPECT_EQ(Canonical("::ffff:10.0.0.0/104"), "10.0.0.0/8");
  EXPECT_EQ(Canonical("::ffff:0:0/96"), "0.0.0.0/0");
  EXPECT_EQ(Canonical("::ffff:192.0.2.7"), "192.0.2.7/32");
  EXPECT_EQ(Canonical("::ffff:192.0.2.7/128"), "192.0.2.7/32");
  EXPECT_EQ(Network("::ffff:10.0.0.0/104"), Network("10.0.0.0/8"));
  EXPECT_NE(Problem("::ffff:10.0.0.0/8").find("prefix length from 96 to 128"), std::string::npos);
  EXPECT_NE(Problem("::ffff:10.1.0.0/104").find("did you mean 10.0.0.0/8?"), std::string::npos);
  EXPECT_NE(Problem("::ffff:10.0.0.0/129").find("0 to 128"), std::string::npos);
}

TEST(IpNetworkTest, RefusesHostBitsAndNamesTheNetworkMeant) {
  EXPECT_EQ(Problem("10.1.2.3/8"), "host bits are set after /8; did you mean 10.0.0.0/8?");
  EXPECT_EQ(Problem("2001:db8::1/32"), "host bits are set after /32; did you mean 2001:db8::/32?");
  EXPECT_NE(Problem("0.0.0.1/0").find("did you mean 0.0.0.0/0?"), std::string::npos);
  EXPECT_NE(Problem("10.0.0.129/25").find("did you mean 10.0.0.128/25?"), std::string::npos);
  EXPECT_NE(Problem("fe80::1/10").find("did you mean fe80::/10?"), std::string::npos);
}

TEST(IpNetworkTest, RefusesMalformedTextAndSaysWhatIsWrong) {
  for (const char* bad : {"",
                          "/8",
                          "10.0.0.0/",
                          "10.0.0.0/33",
                          "10.0.0.0/-1",
                          "10.0.0.0/+8",
                          "10.0.0.0/08",
                          "10.0.0.0/8 ",
                          " 10.0.0.0/8",
                          "10.0.0.0 /8",
                          "10.0.0.0/ 8",
                          "10.0.0.0/8/8",
                          "300.1.1.1/8",
                          "010.0.0.0/8",
                          "10.0.0/8",
                          "2001:db8::/129",
                          "2001:db8::/1000",
                          "fe80::1%eth0/64",
                          "[2001:db8::]/32",
                          "2001:db8:::/32",
                          "example.net/24",
                          "10.0.0.0/8;id",
                          "<TRUSTED_NETWORK>",
                          "10.0.0.0/0x8",
                          "10.0.0.0/255.0.0.0",
                          "10.0.0.0-10.0.0.255",
                          "10.0.0.0/8\n",
                          "10.0.0.0/\xef\xbc\x98"}) {
    EXPECT_FALSE(Problem(bad).empty()) << bad;
  }
  EXPECT_EQ(Problem("example.net/24"), "'example.net' is not an IP address");
  EXPECT_EQ(Problem("/8"), "'' is not an IP address");
  EXPECT_EQ(Problem("10.0.0.0/33"), "the prefix length must be a number from 0 to 32");
  EXPECT_EQ(Problem("2001:db8::/200"), "the prefix length must be a number from 0 to 128");
  EXPECT_FALSE(IpNetwork::Parse("10.0.0.0/33").has_value());  // without a problem string
}

TEST(IpNetworkTest, ContainsExactlyTheAddressesOfItsBlock) {
  const IpNetwork v4 = Network("10.20.0.0/16");
  EXPECT_TRUE(v4.Contains(Address("10.20.0.0")));
  EXPECT_TRUE(v4.Contains(Address("10.20.255.255")));
  EXPECT_TRUE(v4.Contains(Address("::ffff:10.20.1.2")));
  EXPECT_FALSE(v4.Contains(Address("10.21.0.0")));
  EXPECT_FALSE(v4.Contains(Address("10.19.255.255")));
  EXPECT_FALSE(v4.Contains(Address("::a14:0")));  // IPv4-compatible is IPv6: another family

  const IpNetwork v6 = Network("2001:db8:100::/48");
  EXPECT_TRUE(v6.Contains(Address("2001:db8:100::1")));
  EXPECT_TRUE(v6.Contains(Address("2001:db8:100:ffff:ffff:ffff:ffff:ffff")));
  EXPECT_FALSE(v6.Contains(Address("2001:db8:101::")));
  EXPECT_FALSE(v6.Contains(Address("10.20.0.1")));

  EXPECT_TRUE(Network("0.0.0.0/0").Contains(Address("255.255.255.255")));
  EXPECT_FALSE(Network("0.0.0.0/0").Contains(Address("::")));
  EXPECT_TRUE(Network("::/0").Contains(Address("ffff::1")));
  EXPECT_FALSE(Network("::/0").Contains(Address("0.0.0.0")));
}

TEST(IpNetworkTest, EveryPrefixLengthMasksAtTheRightBit) {
  const IpAddress all_ones_v4 = Address("255.255.255.255");
  for (int prefix = 0; prefix <= 32; ++prefix) {
    const IpNetwork network = IpNetwork::Containing(all_ones_v4, prefix);
    const std::uint32_t mask = prefix == 0 ? 0 : ~std::uint32_t{0} << (32 - prefix);
    EXPECT_EQ(network.address().v4_value(), mask) << prefix;
    EXPECT_EQ(IpNetwork::Parse(network.ToString()), network) << prefix;
    EXPECT_TRUE(network.Contains(all_ones_v4));
  }
  const IpAddress all_ones_v6 = Address("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff");
  for (int prefix = 0; prefix <= 128; ++prefix) {
    const IpNetwork network = IpNetwork::Containing(all_ones_v6, prefix);
    int ones = 0;
    for (std::uint8_t byte : network.address().bytes()) {
      for (int bit = 7; bit >= 0; --bit) ones += (byte >> bit) & 1;
    }
    EXPECT_EQ(ones, prefix);
    EXPECT_EQ(network.family(), IpAddress::Family::kV6) << prefix;
    EXPECT_EQ(IpNetwork::Parse(network.ToString()), network) << network.ToString();
    EXPECT_TRUE(network.Contains(all_ones_v6));
  }
}

TEST(IpNetworkTest, OrdersByAddressThenWiderFirst) {
  EXPECT_LT(Network("10.0.0.0/8"), Network("10.0.0.0/16"));
  EXPECT_LT(Network("10.0.0.0/16"), Network("10.1.0.0/16"));
  EXPECT_LT(Network("10.0.0.0/8"), Network("2001:db8::/32"));
  EXPECT_EQ(Network("2001:DB8::/32"), Network("2001:db8::/32"));
}

}  // namespace
}  // namespace ttmtrack::core
