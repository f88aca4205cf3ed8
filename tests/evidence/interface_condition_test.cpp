#include "evidence/firewall/interface_condition.hpp"

#include <gtest/gtest.h>

namespace ttmtrack::evidence {
namespace {

TEST(InterfaceConditionTest, LoopbackIsNeverTheInterface) {
  const InterfaceCondition start;
  EXPECT_FALSE(start.With("lo", true));
  ASSERT_TRUE(start.With("lo", false));
  EXPECT_EQ(start.ToString(), "not lo");
}

TEST(InterfaceConditionTest, NamesAndPrefixesCombine) {
  const InterfaceCondition start;
  const auto eth = start.With("eth+", true);
  ASSERT_TRUE(eth);
  EXPECT_TRUE(eth->With("eth0", true));
  EXPECT_FALSE(eth->With("wlan0", true));
  EXPECT_FALSE(eth->With("e+", false));
  const auto eth0 = eth->With("eth0", true);
  EXPECT_FALSE(eth0->With("eth0", false));
  EXPECT_FALSE(eth0->With("eth1", true));
  EXPECT_TRUE(eth0->With("eth1", false));
  EXPECT_EQ(eth0->ToString(), "eth0 and eth+ and not lo");
  EXPECT_FALSE(start.With("+", false));
}

}  // namespace
}  // namespace ttmtrack::evidence
