#include "cli/commands/evidence_command.hpp"

#include <fstream>
#include <sstream>

#include <CLI/CLI.hpp>
#include <sys/stat.h>

#include "cli/command_options.hpp"
#include "cli/format/row_writer.hpp"
#include "cli/help_formatter.hpp"
#include "cli/store_access.hpp"
#include "cli/trusted_networks.hpp"
#include "core/civil_time.hpp"
#include "core/error.hpp"
#include "core/host_key.hpp"
#include "core/json_fields.hpp"
#include "evidence/firewall/firewall_answer.hpp"
#include "importer/input/sha256.hpp"

namespace ttmtrack::cli {
namespace {

// The file's bytes and its modification time (the default collection time).
struct RulesetBytes {
  std::string text;
  std::int64_t modified_at = 0;
};

RulesetBytes ReadRulesetBytes(const std::string& path) {
  const Error::Context where{.file = path};
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) {
    throw Error(Error::Kind::kNoInput, "cannot open the ruleset file: no such file", where);
  }
  if (!S_ISREG(info.st_mode)) {
    throw Error(Error::Kind::kNoInput, "the ruleset file is not a regular file", where);
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(Error::Kind::kNoInput, "cannot read the ruleset file", where);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in && !in.eof()) throw Error(Error::Kind::kIo, "cannot read the ruleset file", where);
  return {bytes.str(), static_cast<std::int64_t>(info.st_mtime)};
}

std::string Sha256Of(const std::string& bytes) {
  importer::input::Sha256 digest;
  digest.Update(bytes.data(), bytes.size());
  return digest.HexDigest();
}

std::int64_t CollectionTime(const std::optional<std::string>& text, std::int64_t fallback) {
  if (!text) return fallback;
  const core::Parsed<std::int64_t> parsed = core::ParseIso8601(*text);
  if (parsed) return parsed.value();
  throw Error(Error::Kind::kUsage, "--collected-at: \"" + *text +
                                       "\" is not a time: " + std::string(parsed.reason()) +
                                       " (e.g. 2026-03-01T09:00:00Z)");
}

core::FirewallCheck ToCheck(const evidence::FirewallAnswer& answer, const core::Exposure& e) {
  core::FirewallCheck check;
  check.ip = e.ip;
  check.port = e.port;
  check.protocol = e.protocol;
  switch (answer.verdict) {
    case evidence::Reachability::kBlocked: check.verdict = core::FirewallVerdict::kBlocked; break;
    case evidence::Reachability::kAllowed: check.verdict = core::FirewallVerdict::kAllowed; break;
    case evidence::Reachability::kUnknown: check.verdict = core::FirewallVerdict::kUnknown; break;
  }
  if (answer.rule) {
    check.rule = answer.rule->Describe();
    check.rule_text = answer.rule->text;
  }
  check.sources = answer.sources;
  check.reason = answer.reason;
  check.summary = answer.Summary(e.port, e.protocol);
  return check;
}

}  // namespace

CLI::App* SetupEvidenceCommand(CLI::App& app, EvidenceOptions& options) {
  CLI::App* command = app.add_subcommand(
      "evidence", "Store evidence from outside the scans: a host's firewall ruleset");
  command->require_subcommand(1);
  CLI::App* firewall = command->add_subcommand(
      "firewall", "Judge a host's collected firewall ruleset against each of its exposures");
  SetLongDescription(
      *firewall,
      "Reads FILE, the ruleset of host IP as its admin collected it (`nft -j list ruleset` "
      "JSON, or `iptables-save` / `ip6tables-save` text, with `ipset save` output where rules "
      "name sets), and answers for each of the host's exposures: would a new TCP connection "
      "from an untrusted source (outside the trusted networks) to this port be accepted? "
      "blocked (naming the rule that drops it), allowed (naming the rule or policy that "
      "accepts it), or unknown (naming the first rule it could not evaluate; it never "
      "guesses). Every answer is stored with the file's SHA-256 and collection time, all or "
      "none, and shown in history and the reports. Evidence for the auditor only: neither "
      "answer changes an exposure's state (docs/verification.md, \"Firewall-ruleset "
      "evidence\"). A malformed file is an error naming the file and line, and stores "
      "nothing.");
  firewall->add_option("IP", options.ip, "The host whose ruleset FILE is (IP address)")->required();
  firewall->add_option("FILE", options.file, "The collected ruleset")->required();
  firewall
      ->add_option("--collected-at", options.collected_at,
                   "When the ruleset was collected (ISO 8601, e.g. 2026-03-01T09:00:00Z; "
                   "without a zone: UTC); default: the file's modification time")
      ->type_name("TIME");
  firewall
      ->add_option("--trusted-net", options.trusted_nets,
                   "A network (CIDR) allowed to reach the port; repeatable. Default: the "
                   "config file's report.trusted-networks; without either, every source is "
                   "untrusted")
      ->type_name("CIDR");
  AddFormatOption(*firewall, options.format);
  firewall->footer(
      "Exit codes when the answers were stored: 0 every exposure blocked; 1 at least one "
      "allowed (the fix is missing); 2 none allowed, at least one unknown. Errors: 64 usage, "
      "65 malformed ruleset (nothing stored), 66 missing file, database or host with no "
      "exposure.");
  return command;
}

int RunEvidenceCommand(const EvidenceOptions& options, const CommandContext& context) {
  const std::vector<core::IpNetwork> trusted = TrustedNetworks(options.trusted_nets, context);
  const std::optional<core::IpAddress> address = core::IpAddress::Parse(options.ip);
  if (!address) {
    throw Error(Error::Kind::kUsage, "evidence firewall: '" + options.ip +
                                         "' is not an IP address (e.g. 10.40.8.11 or "
                                         "2001:db8::5)");
  }
  // Everything that can fail on the file fails before the database is opened.
  const RulesetBytes bytes = ReadRulesetBytes(options.file);
  const std::int64_t collected_at = CollectionTime(options.collected_at, bytes.modified_at);
  const evidence::RulesetFile ruleset = evidence::ReadRulesetFile(bytes.text, options.file);
  const std::string sha256 = Sha256Of(bytes.text);

  db::Store store = OpenStore(context, StoreMode::kMustExist);
  const std::string ip = core::HostKey(options.ip);
  const std::vector<core::Exposure> exposures = store.ListExposures({.ip = ip});
  if (exposures.empty()) {
    throw Error(Error::Kind::kNoInput, "no exposure recorded for host " + ip +
                                           " (ttmtrack status lists the exposures); nothing "
                                           "stored");
  }
  const std::int64_t recorded_at = store.Now();
  std::vector<core::FirewallCheck> checks;
  for (const core::Exposure& e : exposures) {
    const evidence::FirewallQuery query{*address, e.port, e.protocol, trusted};
    core::FirewallCheck check = ToCheck(evidence::Evaluate(ruleset, query), e);
    check.file = options.file;
    check.sha256 = sha256;
    check.format = ruleset.format_name;
    check.trusted = JoinNetworks(trusted);
    check.collected_at = collected_at;
    check.recorded_at = recorded_at;
    checks.push_back(std::move(check));
  }
  store.RecordFirewallChecks(checks);

  Column summary{"summary", "ANSWER"};
  summary.wrap = true;
  auto writer = MakeRowWriter(options.format,
                              {{"ip", "IP"},
                               {"port", "PORT"},
                               {"protocol", "PROTO"},
                               {"verdict", "VERDICT"},
                               {"rule", "RULE", 40},
                               summary},
                              context.out);
  int exit = firewall_exit::kAllBlocked;
  for (const core::FirewallCheck& check : checks) {
    writer->Row(core::FirewallCheckJson(check));
    if (check.verdict == core::FirewallVerdict::kAllowed) exit = firewall_exit::kSomeAllowed;
    if (check.verdict == core::FirewallVerdict::kUnknown && exit == firewall_exit::kAllBlocked) {
      exit = firewall_exit::kSomeUnknown;
    }
  }
  writer->Finish();
  return exit;
}

}  // namespace ttmtrack::cli
