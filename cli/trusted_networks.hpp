#pragma once

#include <string>
#include <vector>

#include "cli/command_context.hpp"
#include "core/ip_network.hpp"

namespace ttmtrack::cli {

// The networks allowed to reach a TTM port after the advisory's fix, for the commands that take
// `--trusted-net CIDR` (report, evidence firewall): each --trusted-net value, in the order
// given; without any, the config file's report.trusted-networks (docs/install.md). A doubtful
// --trusted-net value is an error (kUsage naming the option and the value; core::IpNetwork::Parse
// says what is wrong, e.g. host bits set and the network meant): report writes it into firewall
// rules, and evidence firewall decides with it what "untrusted" means.
std::vector<core::IpNetwork> TrustedNetworks(const std::vector<std::string>& option_values,
                                             const CommandContext& context);

// "10.20.0.0/16, 2001:db8::/32"; "" for none.
std::string JoinNetworks(const std::vector<core::IpNetwork>& networks);

}  // namespace ttmtrack::cli
