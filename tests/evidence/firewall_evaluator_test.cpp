// Each ruleset of tests/data/firewall was loaded into a kernel and written back by the real
// tool (make-rulesets.sh); each answer below was worked out by hand from the rules, in the
// kernel's order, for the first packet (SYN) of a new TCP connection from a source outside the
// trusted networks to the host 192.0.2.10 or 2001:db8::10.
#include <gtest/gtest.h>

#include "tests/evidence/firewall_test_support.hpp"
#include "tests/support/temp_dir.hpp"

namespace ttmtrack::evidence {
namespace {

using test::Ask;
using test::LoadRuleset;

const std::vector<std::string> kTrusted = {"10.20.0.0/16", "2001:db8:20::/48"};
constexpr const char* kHost = "192.0.2.10";
constexpr const char* kHost6 = "2001:db8::10";

std::string RuleOf(const FirewallAnswer& answer) {
  return answer.rule ? answer.rule->Describe() : "(none)";
}

TEST(FirewallEvaluatorTest, AdvisoryBeforeRulesAllowTheListener) {
  const auto file = LoadRuleset("advisory-before.iptables");
  const FirewallAnswer answer = Ask(file, kHost, 5010, kTrusted);
  EXPECT_EQ(answer.verdict, Reachability::kAllowed);
  EXPECT_EQ(RuleOf(answer), "the policy of chain INPUT");
  EXPECT_EQ(answer.sources.substr(0, 33), "1.0.0.0/8, 2.0.0.0/7, 4.0.0.0/6, ");
  EXPECT_EQ(answer.Summary(5010, "tcp").substr(0, 50),
            "port 5010/tcp allowed from untrusted sources (1.0.");
}

TEST(FirewallEvaluatorTest, AdvisoryAfterRulesBlockTheListenerAndNothingElse) {
  const auto file = LoadRuleset("advisory-after.iptables");
  const FirewallAnswer answer = Ask(file, kHost, 5010, kTrusted);
  EXPECT_EQ(answer.verdict, Reachability::kBlocked);
  EXPECT_EQ(RuleOf(answer), "rule 2 of chain INPUT");
  EXPECT_EQ(answer.rule->text,
            "-p tcp -m tcp --dport 5010 -m comment --comment \"ttmtrack c564e5ab\" -j DROP");
  EXPECT_EQ(answer.Summary(5010, "tcp"),
            "port 5010/tcp blocked from untrusted sources by rule 2 of chain INPUT");
  EXPECT_EQ(Ask(file, kHost, 10200, kTrusted).verdict, Reachability::kAllowed);
  // The file holds ip6tables-save output after iptables-save's: the same rules for IPv6.
  EXPECT_EQ(file.format_name, "iptables-save and ip6tables-save");
  const FirewallAnswer v6 = Ask(file, kHost6, 5010, kTrusted);
  EXPECT_EQ(v6.verdict, Reachability::kBlocked);
  EXPECT_EQ(RuleOf(v6), "rule 2 of chain INPUT");
}

TEST(FirewallEvaluatorTest, IptablesSaveAloneSaysNothingAboutIpv6) {
  const FirewallAnswer v6 =
      Ask(LoadRuleset("default-drop-established.iptables"), kHost6, 5010, kTrusted);
  EXPECT_EQ(v6.verdict, Reachability::kUnknown);
  EXPECT_EQ(v6.reason, "the file holds no IPv6 ruleset (ip6tables-save)");
  EXPECT_FALSE(v6.rule);
}

TEST(FirewallEvaluatorTest, AdvisoryRuleForAWiderNetworkThanTheTrustedOneAllowsTheRest) {
  const auto file = LoadRuleset("advisory-after.iptables");
  const FirewallAnswer answer = Ask(file, kHost, 5010, {"10.20.1.0/24"});
  EXPECT_EQ(answer.verdict, Reachability::kAllowed);
  EXPECT_EQ(RuleOf(answer), "rule 1 of chain INPUT");
  EXPECT_EQ(answer.sources,
            "10.20.0.0/24, 10.20.2.0/23, 10.20.4.0/22, 10.20.8.0/21, "
            "10.20.16.0/20, 10.20.32.0/19, 10.20.64.0/18, 10.20.128.0/17");
}

TEST(FirewallEvaluatorTest, AdvisoryNftRulesBeforeAndAfter) {
  const FirewallAnswer before = Ask(LoadRuleset("advisory-before.json"), kHost, 5010, kTrusted);
  EXPECT_EQ(before.verdict, Reachability::kAllowed);
  EXPECT_EQ(RuleOf(before), "the policy of chain inet filter input");
  const auto after = LoadRuleset("advisory-after.json");
  for (const char* host : {kHost, kHost6}) {
    const FirewallAnswer answer = Ask(after, host, 5010, kTrusted);
    EXPECT_EQ(answer.verdict, Reachability::kBlocked) << host;
    EXPECT_EQ(RuleOf(answer), "rule 3 of chain inet filter input") << host;
    EXPECT_EQ(answer.rule->text, "handle 4 comment \"ttmtrack c564e5ab\"") << host;
  }
  EXPECT_EQ(Ask(after, kHost, 10200, kTrusted).verdict, Reachability::kAllowed);
}

TEST(FirewallEvaluatorTest, DefaultDropWithEstablishedRelated) {
  const auto file = LoadRuleset("default-drop-established.iptables");
  const FirewallAnswer ttm = Ask(file, kHost, 5010, kTrusted);
  EXPECT_EQ(ttm.verdict, Reachability::kBlocked);
  EXPECT_EQ(RuleOf(ttm), "the policy of chain INPUT");
  const FirewallAnswer ssh = Ask(file, kHost, 22, kTrusted);
  EXPECT_EQ(ssh.verdict, Reachability::kAllowed);
  EXPECT_EQ(RuleOf(ssh), "rule 5 of chain INPUT");
  // --tcp-flags FIN,SYN,RST,ACK SYN matches the connection's first packet.
  const FirewallAnswer syn = Ask(file, kHost, 10200, kTrusted);
  EXPECT_EQ(syn.verdict, Reachability::kAllowed);
  EXPECT_EQ(RuleOf(syn), "rule 7 of chain INPUT");
}

TEST(FirewallEvaluatorTest, UserChainsJumpsGotosAndReturns) {
  const auto file = LoadRuleset("user-chains.iptables");
  // INPUT 3 -> services: 5000:5100 RETURNs; INPUT 4 -> ttm; ttm 2 goes to ttm-trusted, which
  // accepts 192.168.50.0/24: not a trusted network here.
  const FirewallAnswer open = Ask(file, kHost, 5010, kTrusted);
  EXPECT_EQ(open.verdict, Reachability::kAllowed);
  EXPECT_EQ(RuleOf(open), "rule 2 of chain ttm-trusted");
  EXPECT_EQ(open.sources, "192.168.50.0/24");
  // Trusting it too leaves the REJECT; the goto never comes back to ttm's ACCEPT.
  const FirewallAnswer closed = Ask(file, kHost, 5010, {"10.20.0.0/16", "192.168.50.0/24"});
  EXPECT_EQ(closed.verdict, Reachability::kBlocked);
  EXPECT_EQ(RuleOf(closed), "rule 3 of chain ttm-trusted");
  EXPECT_EQ(RuleOf(Ask(file, kHost, 10200, kTrusted)), "rule 1 of chain ttm");
  EXPECT_EQ(RuleOf(Ask(file, kHost, 443, kTrusted)), "rule 3 of chain services");
  EXPECT_EQ(Ask(file, kHost, 8080, kTrusted).verdict, Reachability::kBlocked);
}

TEST(FirewallEvaluatorTest, IpsetMembersDecide) {
  const auto file = LoadRuleset("ipset-clients.iptables");
  const FirewallAnswer clients = Ask(file, kHost, 5010, kTrusted);
  EXPECT_EQ(clients.verdict, Reachability::kBlocked);
  EXPECT_EQ(RuleOf(clients), "rule 2 of chain INPUT");
  const FirewallAnswer partners = Ask(file, kHost, 10200, kTrusted);
  EXPECT_EQ(partners.verdict, Reachability::kAllowed);
  EXPECT_EQ(RuleOf(partners), "rule 3 of chain INPUT");
  EXPECT_EQ(partners.sources, "198.51.100.7/32");
  // A "nomatch" member is outside the set: trusting only the rest lets it through to the DROP.
  EXPECT_EQ(Ask(file, kHost, 5010, {"10.20.0.0/16"}).verdict, Reachability::kBlocked);
}

TEST(FirewallEvaluatorTest, IpsetWithoutItsMembersIsUnknown) {
  std::string text =
      test::ReadFileBytes(std::string(TTMTRACK_TEST_DATA_DIR) + "/firewall/ipset-clients.iptables");
  text = text.substr(text.find("# Generated by"));
  const FirewallAnswer answer = Ask(ReadRulesetFile(text, "no-sets"), kHost, 5010, kTrusted);
  EXPECT_EQ(answer.verdict, Reachability::kUnknown);
  EXPECT_EQ(RuleOf(answer), "rule 1 of chain INPUT");
  EXPECT_EQ(answer.reason,
            "ipset ttm-clients: its members are not in the file (add the output of `ipset save` "
            "to it)");
}

TEST(FirewallEvaluatorTest, NftSetsVerdictMapsAndChains) {
  const auto file = LoadRuleset("server-sets.json");
  const FirewallAnswer open = Ask(file, kHost, 5010, kTrusted);
  EXPECT_EQ(open.verdict, Reachability::kAllowed);
  EXPECT_EQ(RuleOf(open), "rule 1 of chain inet filter ttm");
  EXPECT_EQ(open.sources, "192.168.50.0/24");
  const FirewallAnswer closed = Ask(file, kHost, 5010, {"10.20.0.0/16", "192.168.50.0/24"});
  EXPECT_EQ(closed.verdict, Reachability::kBlocked);
  EXPECT_EQ(RuleOf(closed), "rule 3 of chain inet filter ttm");
  // The IPv4 set does not hold IPv6 sources: they all meet the reject.
  EXPECT_EQ(RuleOf(Ask(file, kHost6, 5010, kTrusted)), "rule 3 of chain inet filter ttm");
  // tcp flags & (syn | ack) == syn: the first packet.
  EXPECT_EQ(RuleOf(Ask(file, kHost, 10200, {"10.20.0.0/16", "192.168.50.0/24"})),
            "rule 2 of chain inet filter ttm");
  EXPECT_EQ(RuleOf(Ask(file, kHost, 22, kTrusted)), "rule 4 of chain inet filter input");
  EXPECT_EQ(Ask(file, kHost, 9999, kTrusted).verdict, Reachability::kBlocked);
}

TEST(FirewallEvaluatorTest, NftDynamicSetAndDnatAreUnknown) {
  const auto file = LoadRuleset("server-sets.json");
  const FirewallAnswer dynamic = Ask(file, kHost, 8000, kTrusted);
  EXPECT_EQ(dynamic.verdict, Reachability::kUnknown);
  EXPECT_EQ(RuleOf(dynamic), "rule 6 of chain inet filter input");
  EXPECT_EQ(dynamic.reason, "set @blocklist changes at run time (timeouts or dynamic)");
  const FirewallAnswer dnat = Ask(file, kHost, 8443, kTrusted);
  EXPECT_EQ(dnat.verdict, Reachability::kUnknown);
  EXPECT_EQ(RuleOf(dnat), "rule 1 of chain ip nat prerouting");
  EXPECT_EQ(dnat.reason, "statement dnat is not evaluated");
}

TEST(FirewallEvaluatorTest, Ip6tablesRulesetsAreReadBesideIptables) {
  const auto file = LoadRuleset("both-families.iptables");
  EXPECT_EQ(file.format_name, "iptables-save and ip6tables-save");
  const FirewallAnswer v4 = Ask(file, kHost, 5010, kTrusted);
  EXPECT_EQ(v4.verdict, Reachability::kBlocked);
  EXPECT_EQ(RuleOf(v4), "the policy of chain INPUT");
  // ip6tables accepts the trusted /48 and falls through to its ACCEPT policy for the rest.
  const FirewallAnswer v6 = Ask(file, kHost6, 5010, kTrusted);
  EXPECT_EQ(v6.verdict, Reachability::kAllowed);
  EXPECT_EQ(RuleOf(v6), "the policy of chain INPUT");
}

TEST(FirewallEvaluatorTest, NftTableOfOneFamilyLeavesTheOtherUnfiltered) {
  const auto file = LoadRuleset("ip-family-only.json");
  EXPECT_EQ(Ask(file, kHost, 5010, kTrusted).verdict, Reachability::kBlocked);
  const FirewallAnswer v6 = Ask(file, kHost6, 5010, kTrusted);
  EXPECT_EQ(v6.verdict, Reachability::kAllowed);
  EXPECT_EQ(RuleOf(v6), "no chain (nothing filters the input path)");
}

TEST(FirewallEvaluatorTest, AnAcceptBeforeTheDropShadowsIt) {
  const FirewallAnswer answer = Ask(LoadRuleset("shadowed-drop.iptables"), kHost, 5010, kTrusted);
  EXPECT_EQ(answer.verdict, Reachability::kAllowed);
  EXPECT_EQ(RuleOf(answer), "rule 2 of chain INPUT");
  EXPECT_EQ(answer.rule->text, "-p tcp -m multiport --dports 5000:5100,8080 -j ACCEPT");
}

TEST(FirewallEvaluatorTest, UnsupportedMatchesAreUnknownOnlyWhenTheyDecide) {
  const auto file = LoadRuleset("unsupported.iptables");
  // -m recent ... -j DROP, then the DROP policy: dropped whichever way recent goes.
  const FirewallAnswer both_drop = Ask(file, kHost, 5010, kTrusted);
  EXPECT_EQ(both_drop.verdict, Reachability::kBlocked);
  EXPECT_EQ(RuleOf(both_drop), "rule 2 of chain INPUT");
  EXPECT_EQ(both_drop.blocking_rules.size(), 2U);
  // -m recent ... -j ACCEPT decides.
  const FirewallAnswer recent = Ask(file, kHost, 5011, kTrusted);
  EXPECT_EQ(recent.verdict, Reachability::kUnknown);
  EXPECT_EQ(RuleOf(recent), "rule 3 of chain INPUT");
  EXPECT_EQ(recent.reason, "match -m recent is not evaluated");
  // -i eth1 -j ACCEPT: allowed only if untrusted traffic arrives on eth1.
  const FirewallAnswer interface = Ask(file, kHost, 5012, kTrusted);
  EXPECT_EQ(interface.verdict, Reachability::kUnknown);
  EXPECT_EQ(RuleOf(interface), "rule 4 of chain INPUT");
  EXPECT_EQ(interface.reason,
            "the answer depends on the interface untrusted traffic arrives on (eth1)");
  // -m limit with a LOG target has no verdict: skipped; the next rule accepts.
  EXPECT_EQ(RuleOf(Ask(file, kHost, 5013, kTrusted)), "rule 6 of chain INPUT");
  // --sport 53 -j ACCEPT: an attacker picks source port 53.
  const FirewallAnswer sport = Ask(file, kHost, 5014, kTrusted);
  EXPECT_EQ(sport.verdict, Reachability::kAllowed);
  EXPECT_EQ(RuleOf(sport), "rule 7 of chain INPUT");
  EXPECT_NE(sport.sources.find(" with source ports 53"), std::string::npos);
  // nat PREROUTING rewrites the destination: not modelled.
  const FirewallAnswer redirect = Ask(file, kHost, 10200, kTrusted);
  EXPECT_EQ(redirect.verdict, Reachability::kUnknown);
  EXPECT_EQ(RuleOf(redirect), "rule 2 of chain PREROUTING (table nat)");
  EXPECT_EQ(redirect.reason, "target REDIRECT is not evaluated");
}

TEST(FirewallEvaluatorTest, OnlyTcpAndUdpPortsAreEvaluated) {
  const auto file = LoadRuleset("advisory-after.iptables");
  EXPECT_EQ(Ask(file, kHost, 0, kTrusted).verdict, Reachability::kUnknown);
}

}  // namespace
}  // namespace ttmtrack::evidence
