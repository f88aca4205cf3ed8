#include "reports/host_file_name.hpp"

#include <set>

#include <gtest/gtest.h>

namespace ttmtrack::reports {
namespace {

bool OnlySafeCharacters(const std::string& name) {
  for (const char c : name) {
    const bool safe = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || c == '.' || c == '-' ||
                      c == '_' || c == '~';
    if (!safe) return false;
  }
  return true;
}

TEST(HostFileNameTest, Ipv4IsItsOwnName) { EXPECT_EQ(HostFileStem("192.0.2.10"), "192.0.2.10"); }

TEST(HostFileNameTest, Ipv6ColonsBecomeDashes) {
  EXPECT_EQ(HostFileStem("2001:db8::7"), "2001-db8--7");
  EXPECT_EQ(HostFileStem("::ffff:192.0.2.1"), "--ffff-192.0.2.1");
}

TEST(HostFileNameTest, OtherBytesAreHexEncoded) {
  EXPECT_EQ(HostFileStem("A-b_c"), "_41_2db_5fc");
  EXPECT_EQ(HostFileStem("fe80::1%eth0"), "fe80--1_25eth0");
  EXPECT_EQ(HostFileStem("../etc/passwd"), "_2e._2fetc_2fpasswd");
  EXPECT_EQ(HostFileStem(".."), "_2e.");
  EXPECT_EQ(HostFileStem(""), "_");
  EXPECT_EQ(HostFileStem(std::string_view("a\0b", 3)), "a_00b");
}

TEST(HostFileNameTest, DistinctInputsGiveDistinctNames) {
  const char* inputs[] = {"a:b", "a-b",         "a_2db",       "A",       "a",
                          "_41", "2001:db8::7", "2001-db8--7", "",        "_",
                          ".a",  "_2ea",        "a.",          "1.2.3.4", "1.2.3.4 "};
  std::set<std::string> names;
  for (const char* input : inputs) {
    const std::string name = HostFileStem(input);
    EXPECT_TRUE(OnlySafeCharacters(name)) << name;
    EXPECT_TRUE(names.insert(name).second) << input << " -> " << name;
  }
}

TEST(HostFileNameTest, LongInputsAreCutWithAHash) {
  const std::string a(400, 'x');
  const std::string b = std::string(399, 'x') + "y";
  EXPECT_LE(HostFileStem(a).size(), 180u);
  EXPECT_NE(HostFileStem(a), HostFileStem(b));
  EXPECT_NE(HostFileStem(a).find('~'), std::string::npos);
  EXPECT_EQ(HostFileStem(a), HostFileStem(a));
}

TEST(HostFileNameTest, ExposureAnchorIsSafe) {
  EXPECT_EQ(ExposureAnchor(5010, "tcp"), "exposure-5010-tcp");
  EXPECT_EQ(ExposureAnchor(1, "\"><x"), "exposure-1-_22_3e_3cx");
}

}  // namespace
}  // namespace ttmtrack::reports
