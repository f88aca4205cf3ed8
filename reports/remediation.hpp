#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/exposure.hpp"
#include "core/ip_network.hpp"

namespace ttmtrack::reports {

// The remediation of one exposure, following the advisory: block inbound to the detected port
// except from trusted networks, review the TTM configuration, verify. Every command is filled
// with the exposure's port and protocol and the trusted networks; what cannot be filled safely
// is a visible placeholder (<TRUSTED_NETWORK>, <PORT>, <PROTOCOL>, <HOST>) that makes the shell
// command fail rather than do something else.
//
// Only validated values reach the commands: the port is a number, the protocol must be "tcp" or
// "udp", the host must parse as an IP address and is written in canonical form, networks come
// are core::IpNetwork values. An export cannot inject shell or YAML through them.

inline constexpr char kTrustedNetworkPlaceholder[] = "<TRUSTED_NETWORK>";

struct FirewallRules {
  std::vector<std::string> before;    // an example rule set that lets the scan connect: a
                                      // network scan cannot see the host's firewall
  std::vector<std::string> after;     // the rule set after the change
  std::vector<std::string> apply;     // commands that turn before into after, then persist
  std::vector<std::string> rollback;  // commands that undo them
};

// One check after the change: what to do and, when it is a command, the command itself.
struct VerificationStep {
  std::string text;
  std::string command;  // empty when the step is not a command
};

struct RemediationPlan {
  bool action_required = false;   // open or reopened
  bool uses_placeholder = false;  // no trusted network given: rules carry the placeholder
  std::string host;               // canonical IP or "<HOST>"
  std::string port;               // "5010" or "<PORT>" (port 0 is unknown)
  std::string protocol;           // "tcp", "udp" or "<PROTOCOL>"
  std::vector<std::string> trusted_networks;       // as written into the rules
  FirewallRules iptables;                          // iptables and ip6tables (both families)
  FirewallRules nftables;                          // one inet table covers both families
  std::string ansible;                             // tasks for ansible.builtin.iptables (YAML)
  std::vector<std::string> steps;                  // the advisory's steps, filled in
  std::vector<std::string> risks;                  // risks and how to roll back
  std::vector<VerificationStep> verification;      // checks after the change
  std::optional<std::int64_t> last_covering_scan;  // = Exposure::last_checked
};

RemediationPlan PlanRemediation(const core::Exposure& exposure,
                                const std::vector<core::IpNetwork>& trusted_networks);

// Why the exposure matters: one paragraph, the same for every host.
std::string_view WhyItMatters();
// Why the Ansible task uses ansible.builtin.iptables rather than community.general.ufw.
std::string_view WhyAnsibleIptables();

}  // namespace ttmtrack::reports
