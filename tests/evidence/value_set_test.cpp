#include "evidence/firewall/value_set.hpp"

#include <gtest/gtest.h>

namespace ttmtrack::evidence {
namespace {

using Family = core::IpAddress::Family;

ValueSet Net(const char* text) { return ValueSet::Network(*core::IpNetwork::Parse(text)); }

TEST(ValueSetTest, AddMergesOverlappingAndAdjacentIntervals) {
  ValueSet set;
  set.Add(Value::Of(10), Value::Of(20));
  set.Add(Value::Of(21), Value::Of(30));
  set.Add(Value::Of(5), Value::Of(12));
  set.Add(Value::Of(40), Value::Of(41));
  EXPECT_EQ(set.ToPorts(), "5-30, 40-41");
}

TEST(ValueSetTest, SubtractAndIntersect) {
  const ValueSet all = ValueSet::All(16);
  const ValueSet hole = all.Subtract(ValueSet::Single(Value::Of(5010)));
  EXPECT_EQ(hole.ToPorts(), "0-5009, 5011-65535");
  EXPECT_EQ(hole.Intersect(ValueSet::Range(Value::Of(5000), Value::Of(5020))).ToPorts(),
            "5000-5009, 5011-5020");
  EXPECT_TRUE(ValueSet::Single(Value::Of(1)).Subtract(ValueSet::All(16)).empty());
}

TEST(ValueSetTest, NetworksRenderAsTheFewestCidrBlocks) {
  EXPECT_EQ(ValueSet::All(32).Subtract(Net("10.20.0.0/16")).ToNetworks(Family::kV4, 20),
            "0.0.0.0/5, 8.0.0.0/7, 10.0.0.0/12, 10.16.0.0/14, 10.21.0.0/16, 10.22.0.0/15, "
            "10.24.0.0/13, 10.32.0.0/11, 10.64.0.0/10, 10.128.0.0/9, 11.0.0.0/8, 12.0.0.0/6, "
            "16.0.0.0/4, 32.0.0.0/3, 64.0.0.0/2, 128.0.0.0/1");
  EXPECT_EQ(ValueSet::All(32).ToNetworks(Family::kV4), "0.0.0.0/0");
  EXPECT_EQ(ValueSet::All(128).ToNetworks(Family::kV6), "::/0");
  EXPECT_EQ(Net("2001:db8::/32").Subtract(Net("2001:db8::/33")).ToNetworks(Family::kV6),
            "2001:db8:8000::/33");
  EXPECT_EQ(ValueSet::All(32).Subtract(Net("10.0.0.0/8")).ToNetworks(Family::kV4, 2),
            "0.0.0.0/5, 8.0.0.0/7 and 6 more");
}

}  // namespace
}  // namespace ttmtrack::evidence
