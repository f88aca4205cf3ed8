#include "cli/trusted_networks.hpp"

#include <optional>

#include "cli/config/config.hpp"
#include "core/error.hpp"

namespace ttmtrack::cli {
namespace {

core::IpNetwork TrustedNetwork(const std::string& text) {
  std::string problem;
  if (std::optional<core::IpNetwork> network = core::IpNetwork::Parse(text, &problem)) {
    return *network;
  }
  throw Error(Error::Kind::kUsage,
              "--trusted-net '" + text + "': " + problem +
                  " (expected a network in CIDR notation, e.g. 10.0.0.0/8 or 2001:db8::/32)");
}

}  // namespace

std::vector<core::IpNetwork> TrustedNetworks(const std::vector<std::string>& option_values,
                                             const CommandContext& context) {
  if (option_values.empty()) return ConfigOf(context).Networks("report.trusted-networks");
  std::vector<core::IpNetwork> networks;
  networks.reserve(option_values.size());
  for (const std::string& text : option_values) networks.push_back(TrustedNetwork(text));
  return networks;
}

std::string JoinNetworks(const std::vector<core::IpNetwork>& networks) {
  std::string text;
  for (const core::IpNetwork& network : networks) {
    text += (text.empty() ? "" : ", ") + network.ToString();
  }
  return text;
}

}  // namespace ttmtrack::cli
