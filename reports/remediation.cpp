#include "reports/remediation.hpp"

#include <algorithm>

#include "core/detection_constants.hpp"
#include "core/ip_address.hpp"
#include "reports/display_time.hpp"

namespace ttmtrack::reports {
namespace {

using core::IpAddress;
using Family = IpAddress::Family;

// Tags every rule so that it can be found and removed again (-D, nft handle).
constexpr std::string_view kRuleCommentText = "ttmtrack c564e5ab";
static_assert(kRuleCommentText.substr(9) == core::kDetectionId);
std::string RuleComment() { return std::string(kRuleCommentText); }

struct Context {
  std::string port;
  std::string protocol;
  Family host_family = Family::kV4;
  std::vector<std::string> v4_networks;
  std::vector<std::string> v6_networks;
};

const char* IptablesCommand(Family family) {
  return family == Family::kV4 ? "iptables" : "ip6tables";
}

const std::vector<std::string>& NetworksOf(const Context& c, Family family) {
  return family == Family::kV4 ? c.v4_networks : c.v6_networks;
}

// "-p tcp -m tcp --dport 5010 -m comment --comment "ttmtrack c564e5ab"", the spelling
// `iptables -S` prints, so the "after" listing matches what the operator will see.
std::string IptablesMatch(const Context& c) {
  return "-p " + c.protocol + " -m " + c.protocol + " --dport " + c.port +
         " -m comment --comment \"" + RuleComment() + "\"";
}

FirewallRules IptablesRules(const Context& c) {
  FirewallRules rules;
  const std::string match = IptablesMatch(c);
  for (const Family family : {Family::kV4, Family::kV6}) {
    const std::string command = IptablesCommand(family);
    rules.before.emplace_back("# " + command + " -S INPUT");
    rules.before.emplace_back("-P INPUT ACCEPT");
    rules.after.emplace_back("# " + command + " -S INPUT");
    rules.after.emplace_back("-P INPUT ACCEPT");
    rules.apply.push_back(command + " -I INPUT 1 " + match + " -j DROP");
    // Roll-back removes the DROP first, so the trusted networks are never cut off midway.
    rules.rollback.push_back(command + " -D INPUT " + match + " -j DROP");
    for (const std::string& network : NetworksOf(c, family)) {
      rules.after.emplace_back("-A INPUT -s " + network + " " + match + " -j ACCEPT");
      rules.apply.push_back(command + " -I INPUT 1 -s " + network + " " + match + " -j ACCEPT");
      rules.rollback.push_back(command + " -D INPUT -s " + network + " " + match + " -j ACCEPT");
    }
    rules.after.emplace_back("-A INPUT " + match + " -j DROP");
    rules.after.emplace_back("# ...the host's other rules follow, unchanged");
  }
  rules.apply.emplace_back(
      "netfilter-persistent save   # or: iptables-save > /etc/iptables/rules.v4;"
      " ip6tables-save > /etc/iptables/rules.v6");
  rules.rollback.emplace_back("netfilter-persistent save");
  return rules;
}

std::string NftSet(const std::vector<std::string>& networks) {
  std::string set = "{ ";
  for (std::size_t i = 0; i < networks.size(); ++i) set += (i ? ", " : "") + networks[i];
  return set + " }";
}

FirewallRules NftablesRules(const Context& c) {
  FirewallRules rules;
  const std::string port_match = c.protocol + " dport " + c.port;
  const std::string comment = " comment \"" + RuleComment() + "\"";
  const std::vector<std::string> head = {
      "table inet filter {", "    chain input {",
      "        type filter hook input priority filter; policy accept;"};
  const std::vector<std::string> tail = {"        # ...the host's other rules, unchanged", "    }",
                                         "}"};
  rules.before = head;
  rules.before.insert(rules.before.end(), tail.begin(), tail.end());
  rules.after = head;
  rules.apply.emplace_back("nft add table inet filter");
  rules.apply.emplace_back(
      "nft 'add chain inet filter input { type filter hook input priority filter; policy "
      "accept; }'");
  rules.apply.emplace_back("nft 'insert rule inet filter input " + port_match + " drop" + comment +
                           "'");
  for (const auto& [keyword, networks] :
       {std::pair{"ip", c.v4_networks}, std::pair{"ip6", c.v6_networks}}) {
    if (networks.empty()) continue;
    const std::string rule =
        std::string(keyword) + " saddr " + NftSet(networks) + " " + port_match + " accept";
    rules.after.emplace_back("        " + rule + comment);
    rules.apply.emplace_back("nft 'insert rule inet filter input " + rule + comment + "'");
  }
  rules.after.emplace_back("        " + port_match + " drop" + comment);
  rules.after.insert(rules.after.end(), tail.begin(), tail.end());
  rules.apply.emplace_back(
      "# then add the same rules to /etc/nftables.conf so they survive a reboot");
  rules.rollback.emplace_back("nft -a list chain inet filter input | grep '" + RuleComment() + "'");
  rules.rollback.emplace_back(
      "nft delete rule inet filter input handle <HANDLE>   # once per handle listed above");
  rules.rollback.emplace_back("# and remove the rules from /etc/nftables.conf");
  return rules;
}

std::string AnsibleTask(const Context& c, const std::string& host) {
  const std::string what = c.port + "/" + c.protocol;
  std::string yaml = "# Tasks for host " + host + " (ttm_cmd on " + what + ", " + RuleComment() +
                     ").\n# Needs root (become: true). Persist with netfilter-persistent.\n";
  yaml += "- name: Drop inbound " + what + " (ttm_cmd) except from trusted networks\n";
  yaml += "  ansible.builtin.iptables:\n    chain: INPUT\n    protocol: " + c.protocol +
          "\n    destination_port: \"" + c.port +
          "\"\n    jump: DROP\n    action: insert\n    rule_num: \"1\"\n";
  yaml += "    ip_version: \"{{ item }}\"\n    comment: " + RuleComment() + "\n";
  yaml += "  loop: [ipv4, ipv6]\n\n";
  yaml += "- name: Allow inbound " + what + " (ttm_cmd) from trusted networks only\n";
  yaml += "  ansible.builtin.iptables:\n    chain: INPUT\n    protocol: " + c.protocol +
          "\n    source: \"{{ item.net }}\"\n    destination_port: \"" + c.port +
          "\"\n    jump: ACCEPT\n    action: insert\n    rule_num: \"1\"\n";
  yaml += "    ip_version: \"{{ item.ip_version }}\"\n    comment: " + RuleComment() + "\n";
  yaml += "  loop:\n";
  for (const Family family : {Family::kV4, Family::kV6}) {
    for (const std::string& network : NetworksOf(c, family)) {
      yaml += "    - { net: \"" + network +
              "\", ip_version: " + (family == Family::kV4 ? "ipv4" : "ipv6") + " }\n";
    }
  }
  return yaml;
}

std::string Join(const std::vector<std::string>& items) {
  std::string text;
  for (std::size_t i = 0; i < items.size(); ++i) text += (i ? ", " : "") + items[i];
  return text;
}

void AddSteps(RemediationPlan& plan) {
  const std::string what = plan.port + "/" + plan.protocol;
  plan.steps = {
      "Block inbound " + what + " on " + plan.host + " from everywhere except the trusted " +
          "networks (" + Join(plan.trusted_networks) + "): apply either the iptables or the " +
          "nftables rules below (not both), or the Ansible task.",
      "Review the TTM configuration on " + plan.host + ": decide whether the ttm_cmd command " +
          "channel must listen on " + what + " at all; if only local processes use it, bind it " +
          "to the loopback interface, otherwise to the interface of the trading network only.",
      "Allow only trusted networks: keep the sources allowed to reach " + what + " to the " +
          "networks that run TTM clients and daemons, and record who owns each of them.",
      "Verify (below), then import the re-scan into ttmtrack: the exposure becomes fixed only "
      "when a complete re-scan with the ttm_cmd plugin enabled no longer detects it.",
  };
  if (plan.uses_placeholder) {
    plan.steps.insert(plan.steps.begin(),
                      "No trusted network was given when this report was made (--trusted-net): "
                      "replace " +
                          std::string(kTrustedNetworkPlaceholder) +
                          " with each network "
                          "that may reach ttm_cmd before running anything. As written the commands "
                          "fail rather than guess.");
  }
}

void AddRisks(RemediationPlan& plan) {
  const std::string what = plan.port + "/" + plan.protocol;
  std::string peers =
      "Legitimate TTM clients outside the trusted networks lose access as soon "
      "as the DROP rule is in place.";
  if (plan.protocol == "tcp") {
    peers +=
        " List the current peers first: ss -tnp state established '( sport = :" + plan.port + " )'";
  }
  // One statement per risk: a braced list of long concatenated literals reads, to
  // bugprone-suspicious-missing-comma, like a list that lost a comma.
  plan.risks.push_back(std::move(peers));
  plan.risks.emplace_back(
      "The rules are inserted at the top of INPUT so that no earlier ACCEPT can bypass them. If "
      "the host's firewall is managed by firewalld, ufw, Docker or configuration management, make "
      "the change there, or it will be overwritten; a port published from a container is "
      "filtered in the DOCKER-USER chain, not INPUT.");
  plan.risks.emplace_back(
      "Use iptables or nftables on a host, not both: on Debian 12 and RHEL 8+ the iptables "
      "command already writes nftables rules (iptables-nft).");
  plan.risks.emplace_back(
      "Connections established before the change may continue while an earlier rule accepts "
      "ESTABLISHED traffic; they end when the peers reconnect.");
  plan.risks.emplace_back(
      "Roll-back: run the roll-back commands (or the Ansible tasks with state: absent). Every rule "
      "carries the comment \"" +
      RuleComment() + "\", so it can be found and removed; " + what +
      " is then reachable again from anywhere.");
}

void AddVerification(RemediationPlan& plan) {
  const std::string what = plan.port + "/" + plan.protocol;
  const char* ss_flags = plan.protocol == "udp" ? "-ulnp" : "-tlnp";
  plan.verification = {
      {"On the host: is ttm_cmd still listening, and on which address? After the configuration "
       "review expect no listener, or only the loopback or trading-network address.",
       std::string("ss ") + ss_flags + " '( sport = :" + plan.port + " )'"},
      {"From a network that is not trusted: re-scan " + plan.host +
           " with the ttm_cmd plugin "
           "enabled (Nessus plugin " +
           std::string(core::kOwnNessusPluginId) + ", OpenVAS OID " +
           std::string(core::kOwnOpenVasOid) +
           ", or the site's own plugin known to ttmtrack's "
           "rules), " +
           what + " inside the scanned port range, and let the host's scan complete.",
       ""},
      {"Import the export and check the state: the exposure becomes fixed only on that evidence.",
       "ttmtrack import <EXPORT> && ttmtrack status --host " + plan.host},
  };
}

Context MakeContext(const core::Exposure& exposure, const std::optional<IpAddress>& host,
                    const std::vector<core::IpNetwork>& trusted_networks) {
  Context c;
  c.port = exposure.port == 0 ? "<PORT>" : std::to_string(exposure.port);
  c.protocol = exposure.protocol == "tcp" || exposure.protocol == "udp" ? exposure.protocol
               : exposure.protocol == "TCP"                             ? "tcp"
               : exposure.protocol == "UDP"                             ? "udp"
                                                                        : "<PROTOCOL>";
  c.host_family = host ? host->family() : Family::kV4;
  for (const core::IpNetwork& network : trusted_networks) {
    auto& list = network.family() == Family::kV4 ? c.v4_networks : c.v6_networks;
    const std::string text = network.ToString();
    if (std::find(list.begin(), list.end(), text) == list.end()) list.push_back(text);
  }
  if (trusted_networks.empty()) {
    (c.host_family == Family::kV4 ? c.v4_networks : c.v6_networks)
        .emplace_back(kTrustedNetworkPlaceholder);
  }
  return c;
}

}  // namespace

RemediationPlan PlanRemediation(const core::Exposure& exposure,
                                const std::vector<core::IpNetwork>& trusted_networks) {
  const std::optional<IpAddress> host = IpAddress::Parse(exposure.ip);
  const Context c = MakeContext(exposure, host, trusted_networks);
  RemediationPlan plan;
  plan.action_required = exposure.state != core::ExposureState::kFixed;
  plan.uses_placeholder = trusted_networks.empty();
  plan.host = host ? host->ToString() : "<HOST>";
  plan.port = c.port;
  plan.protocol = c.protocol;
  plan.trusted_networks = c.v4_networks;
  plan.trusted_networks.insert(plan.trusted_networks.end(), c.v6_networks.begin(),
                               c.v6_networks.end());
  plan.iptables = IptablesRules(c);
  plan.nftables = NftablesRules(c);
  plan.ansible = AnsibleTask(c, plan.host);
  plan.last_covering_scan = exposure.last_checked;
  AddSteps(plan);
  AddRisks(plan);
  AddVerification(plan);
  return plan;
}

std::string_view WhyItMatters() {
  return "ttm_cmd is the command channel of Trading Technologies Messaging (TTM), the messaging "
         "middleware that connects trading applications with each other. Anyone "
         "who can reach this port can talk to the middleware's command interface directly: "
         "depending on the TTM version and configuration that can mean reading its state, "
         "changing its configuration or disrupting the message flow the trading desk depends "
         "on. The listener should be reachable only from the networks that run TTM clients and "
         "daemons.";
}

std::string_view WhyAnsibleIptables() {
  return "ansible.builtin.iptables ships with ansible-core, so no collection has to be installed; "
         "it drives the same iptables/ip6tables commands shown above, so the task can be checked "
         "line by line against the rules; and it works on every Linux host with iptables "
         "(including the iptables-nft front end of Debian 12 and RHEL 8+). community.general.ufw "
         "needs the community collection and ufw itself, which most trading servers do not run; "
         "enabling ufw on a host just for this rule would also apply its default policy to every "
         "other service.";
}

}  // namespace ttmtrack::reports
