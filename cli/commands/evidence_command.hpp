#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cli/command_context.hpp"
#include "cli/format/output_format.hpp"

namespace CLI {
class App;
}

namespace ttmtrack::cli {

struct EvidenceOptions {
  std::string ip;    // the host whose ruleset FILE is
  std::string file;  // `nft -j list ruleset` JSON, or iptables-save / ip6tables-save text
  std::optional<std::string> collected_at;  // ISO 8601; default: the file's modification time
  std::vector<std::string> trusted_nets;    // default: the config's report.trusted-networks
  OutputFormat format = OutputFormat::kTable;
};

// Exit codes of `evidence firewall` when the answers were stored (errors keep the sysexits codes
// of ttmtrack --help): a script can tell "fix in place" from "fix missing" without parsing.
namespace firewall_exit {
inline constexpr int kAllBlocked = 0;
inline constexpr int kSomeAllowed = 1;  // at least one exposure is reachable from untrusted sources
inline constexpr int kSomeUnknown = 2;  // none allowed, at least one could not be evaluated
}  // namespace firewall_exit

// `ttmtrack evidence firewall IP FILE [--collected-at TIME] [--trusted-net CIDR]... [--format]`:
// reads the host's ruleset (evidence::ReadRulesetFile), answers for each of the host's exposures
// whether a new connection from an untrusted source would be accepted (evidence::Evaluate),
// stores every answer with the file's SHA-256 and collection time, all or none
// (Store::RecordFirewallChecks), and prints one row per exposure. A malformed file is kBadInput
// (file, line, what) and stores nothing. docs/verification.md, "Firewall-ruleset evidence".
CLI::App* SetupEvidenceCommand(CLI::App& app, EvidenceOptions& options);
int RunEvidenceCommand(const EvidenceOptions& options, const CommandContext& context);

}  // namespace ttmtrack::cli
