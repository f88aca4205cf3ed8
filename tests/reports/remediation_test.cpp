#include "reports/remediation.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace ttmtrack::reports {
namespace {

using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::Not;

core::Exposure Exposure(const char* ip, std::uint16_t port, const char* protocol) {
  core::Exposure exposure;
  exposure.ip = ip;
  exposure.port = port;
  exposure.protocol = protocol;
  exposure.state = core::ExposureState::kOpen;
  exposure.last_checked = 1773150780;
  return exposure;
}

std::string AllText(const RemediationPlan& plan) {
  std::string text = plan.ansible;
  for (const auto* rules : {&plan.iptables, &plan.nftables}) {
    for (const auto* lines : {&rules->before, &rules->after, &rules->apply, &rules->rollback}) {
      for (const std::string& line : *lines) text += line + "\n";
    }
  }
  for (const auto& step : plan.verification) text += step.text + "\n" + step.command + "\n";
  for (const auto& step : plan.steps) text += step + "\n";
  return text;
}

TEST(RemediationTest, IptablesRulesCarryPortProtocolAndEachTrustedNetwork) {
  const RemediationPlan plan = PlanRemediation(
      Exposure("192.0.2.10", 10200, "tcp"), {core::IpNetwork::Parse("10.20.0.0/16").value(),
                                             core::IpNetwork::Parse("172.16.0.0/12").value(),
                                             core::IpNetwork::Parse("2001:db8:100::/48").value()});
  const std::string match =
      "-p tcp -m tcp --dport 10200 -m comment --comment \"ttmtrack c564e5ab\"";
  EXPECT_THAT(plan.iptables.after, Contains("-A INPUT -s 10.20.0.0/16 " + match + " -j ACCEPT"));
  EXPECT_THAT(plan.iptables.after, Contains("-A INPUT -s 172.16.0.0/12 " + match + " -j ACCEPT"));
  EXPECT_THAT(plan.iptables.after,
              Contains("-A INPUT -s 2001:db8:100::/48 " + match + " -j ACCEPT"));
  EXPECT_THAT(plan.iptables.apply, Contains("iptables -I INPUT 1 " + match + " -j DROP"));
  EXPECT_THAT(plan.iptables.apply, Contains("ip6tables -I INPUT 1 " + match + " -j DROP"));
  EXPECT_THAT(plan.iptables.apply,
              Contains("ip6tables -I INPUT 1 -s 2001:db8:100::/48 " + match + " -j ACCEPT"));
  EXPECT_THAT(plan.iptables.rollback, Contains("iptables -D INPUT " + match + " -j DROP"));
  EXPECT_FALSE(plan.uses_placeholder);
}

TEST(RemediationTest, DropIsInsertedBeforeTheAcceptsSoAcceptsEndUpFirst) {
  // Each command inserts at position 1, so the last one inserted is evaluated first.
  const RemediationPlan plan = PlanRemediation(Exposure("192.0.2.10", 5010, "tcp"),
                                               {core::IpNetwork::Parse("10.20.0.0/16").value()});
  ASSERT_GE(plan.iptables.apply.size(), 2u);
  EXPECT_THAT(plan.iptables.apply[0], HasSubstr("-j DROP"));
  EXPECT_THAT(plan.iptables.apply[1], HasSubstr("-s 10.20.0.0/16"));
}

TEST(RemediationTest, NftablesUsesOneInetTableWithSetsPerFamily) {
  const RemediationPlan plan = PlanRemediation(
      Exposure("2001:db8::7", 5010, "udp"), {core::IpNetwork::Parse("10.20.0.0/16").value(),
                                             core::IpNetwork::Parse("10.30.0.0/16").value(),
                                             core::IpNetwork::Parse("2001:db8:100::/48").value()});
  const std::string comment = " comment \"ttmtrack c564e5ab\"";
  EXPECT_THAT(
      plan.nftables.after,
      Contains("        ip saddr { 10.20.0.0/16, 10.30.0.0/16 } udp dport 5010 accept" + comment));
  EXPECT_THAT(plan.nftables.after,
              Contains("        ip6 saddr { 2001:db8:100::/48 } udp dport 5010 accept" + comment));
  EXPECT_THAT(plan.nftables.after, Contains("        udp dport 5010 drop" + comment));
  EXPECT_THAT(plan.nftables.apply,
              Contains("nft 'insert rule inet filter input udp dport 5010 drop" + comment + "'"));
  EXPECT_EQ(plan.verification[0].command, "ss -ulnp '( sport = :5010 )'");
}

TEST(RemediationTest, WithoutTrustedNetworksThePlaceholderIsUsedInTheHostFamily) {
  const RemediationPlan v4 = PlanRemediation(Exposure("192.0.2.10", 5010, "tcp"), {});
  EXPECT_TRUE(v4.uses_placeholder);
  EXPECT_THAT(v4.iptables.apply,
              Contains(HasSubstr("iptables -I INPUT 1 -s <TRUSTED_NETWORK> -p tcp")));
  EXPECT_THAT(v4.iptables.apply, Not(Contains(HasSubstr("ip6tables -I INPUT 1 -s"))));
  EXPECT_THAT(v4.nftables.after, Contains(HasSubstr("ip saddr { <TRUSTED_NETWORK> }")));
  EXPECT_THAT(v4.ansible, HasSubstr("- { net: \"<TRUSTED_NETWORK>\", ip_version: ipv4 }"));
  EXPECT_THAT(v4.steps[0], HasSubstr("No trusted network was given"));

  const RemediationPlan v6 = PlanRemediation(Exposure("2001:db8::7", 5010, "tcp"), {});
  EXPECT_THAT(v6.iptables.apply,
              Contains(HasSubstr("ip6tables -I INPUT 1 -s <TRUSTED_NETWORK> -p tcp")));
  EXPECT_THAT(v6.ansible, HasSubstr("ip_version: ipv6 }"));
}

TEST(RemediationTest, AnsibleTasksUseTheBuiltinIptablesModuleWithThePort) {
  const RemediationPlan plan = PlanRemediation(Exposure("192.0.2.10", 10200, "tcp"),
                                               {core::IpNetwork::Parse("10.20.0.0/16").value()});
  EXPECT_THAT(plan.ansible, HasSubstr("ansible.builtin.iptables:"));
  EXPECT_THAT(plan.ansible, HasSubstr("destination_port: \"10200\""));
  EXPECT_THAT(plan.ansible, HasSubstr("jump: DROP"));
  EXPECT_THAT(plan.ansible, HasSubstr("- { net: \"10.20.0.0/16\", ip_version: ipv4 }"));
  EXPECT_THAT(plan.ansible, HasSubstr("# Tasks for host 192.0.2.10"));
}

TEST(RemediationTest, VerificationUsesSsWithThePortAndTheLastCoveringScan) {
  const RemediationPlan plan = PlanRemediation(Exposure("192.0.2.10", 10200, "tcp"), {});
  EXPECT_EQ(plan.verification[0].command, "ss -tlnp '( sport = :10200 )'");
  EXPECT_THAT(plan.verification[1].text, HasSubstr("10200"));
  EXPECT_THAT(plan.verification[1].text, HasSubstr("plugin"));
  EXPECT_EQ(plan.last_covering_scan, 1773150780);
}

TEST(RemediationTest, UntrustedFieldsNeverReachTheCommands) {
  core::Exposure exposure = Exposure("192.0.2.10; rm -rf /", 0, "tcp;shutdown -h now");
  const RemediationPlan plan = PlanRemediation(exposure, {});
  const std::string text = AllText(plan);
  EXPECT_THAT(text, Not(HasSubstr("rm -rf")));
  EXPECT_THAT(text, Not(HasSubstr("shutdown")));
  EXPECT_EQ(plan.host, "<HOST>");
  EXPECT_EQ(plan.port, "<PORT>");
  EXPECT_EQ(plan.protocol, "<PROTOCOL>");
}

TEST(RemediationTest, FixedExposureNeedsNoAction) {
  core::Exposure exposure = Exposure("192.0.2.10", 5010, "tcp");
  exposure.state = core::ExposureState::kFixed;
  EXPECT_FALSE(PlanRemediation(exposure, {}).action_required);
  exposure.state = core::ExposureState::kReopened;
  EXPECT_TRUE(PlanRemediation(exposure, {}).action_required);
}

}  // namespace
}  // namespace ttmtrack::reports
