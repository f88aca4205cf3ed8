#include "core/host_key.hpp"

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace ttmtrack::core {
namespace {

TEST(HostKeyTest, AnAddressIsKeyedByItsCanonicalText) {
  EXPECT_EQ(HostKey("192.0.2.1"), "192.0.2.1");
  EXPECT_EQ(HostKey(" 192.0.2.1\n"), "192.0.2.1");
  EXPECT_EQ(HostKey("2001:DB8:0:0:0:0:0:1"), "2001:db8::1");
  EXPECT_EQ(HostKey("[2001:db8::1]"), "2001:db8::1");
  EXPECT_EQ(HostKey("fe80::1%eth0"), "fe80::1");
  EXPECT_EQ(HostKey("::FFFF:192.0.2.1"), "192.0.2.1");
  EXPECT_EQ(HostKey("2001:db8:0:0:1:0:0:1"), "2001:db8::1:0:0:1");
}

TEST(HostKeyTest, ANameIsKeyedAsWritten) {
  EXPECT_EQ(HostKey("host.example.com"), "host.example.com");
  EXPECT_EQ(HostKey("192.0.2.256"), "192.0.2.256");
  EXPECT_EQ(HostKey("192.0.2"), "192.0.2");
  EXPECT_EQ(HostKey(""), "");
  EXPECT_EQ(HostKey("192.0.2.1%eth0"), "192.0.2.1%eth0");  // zones are IPv6 only
}

TEST(HostKeyTest, AddressesComeFirstInAddressOrderThenNames) {
  const std::vector<std::string> ordered = {"10.0.0.8",
                                            "10.0.0.9",
                                            "10.0.0.10",
                                            "192.0.2.1",
                                            "2001:db8::9",
                                            "2001:db8::a",
                                            "2001:db8::10",
                                            "fe80::1",
                                            "10.0.0.256",
                                            "Host-B",
                                            "a.example",
                                            "b.example",
                                            "\xc3\xa9t\xc3\xa9.example"};
  for (std::size_t i = 0; i < ordered.size(); ++i) {
    for (std::size_t j = 0; j < ordered.size(); ++j) {
      EXPECT_EQ(HostKeyLess(ordered[i], ordered[j]), i < j) << ordered[i] << " vs " << ordered[j];
    }
  }
  std::vector<std::string> shuffled = ordered;
  std::shuffle(shuffled.begin(), shuffled.end(), std::mt19937(3));
  std::sort(shuffled.begin(), shuffled.end(), HostKeyLess);
  EXPECT_EQ(shuffled, ordered);
}

TEST(HostKeyTest, TwoSpellingsOfOneAddressStillHaveAnOrder) {
  // Never both stored (keys are canonical), but a sort must stay a strict weak order.
  EXPECT_TRUE(HostKeyLess("2001:DB8::1", "2001:db8::1"));
  EXPECT_FALSE(HostKeyLess("2001:db8::1", "2001:DB8::1"));
  EXPECT_FALSE(HostKeyLess("2001:db8::1", "2001:db8::1"));
  EXPECT_TRUE(HostKeyLess("::ffff:10.0.0.9", "10.0.0.10"));
}

}  // namespace
}  // namespace ttmtrack::core
