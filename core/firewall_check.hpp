#pragma once

#include <cstdint>
#include <string>

namespace ttmtrack::core {

// What a host's firewall ruleset, as collected by its admin, says about one exposure
// (`ttmtrack evidence firewall`, docs/verification.md "Firewall-ruleset evidence"): would a new
// TCP connection from a source outside the trusted networks to the exposure's port be accepted?
enum class FirewallVerdict {
  kBlocked,  // every untrusted source is dropped or rejected
  kAllowed,  // some untrusted sources are accepted
  kUnknown,  // a rule on the path could not be evaluated (unsupported match or target)
};

// One stored answer: facts, never recomputed. Evidence for the auditor only: neither verdict
// changes an exposure's state (docs/verification.md says why). Strings that came from the file
// (rule_text, reason, file) are untrusted text: escape them wherever shown.
struct FirewallCheck {
  std::string ip;  // host key of the exposure
  int port = 0;
  std::string protocol = "tcp";
  FirewallVerdict verdict = FirewallVerdict::kUnknown;
  // blocked: the first rule (or policy) that blocks untrusted sources; allowed: the rule or
  // policy that accepts them; unknown: the first rule that could not be evaluated. "rule 3 of
  // chain INPUT", "the policy of chain INPUT"; empty when the file holds no ruleset for the
  // address's IP version.
  std::string rule;
  std::string rule_text;  // that rule as the file spells it ("-p tcp --dport 5010 -j DROP")
  std::string sources;    // allowed: the untrusted sources that get through
  std::string reason;     // unknown: why ("match -m recent is not evaluated")
  // One line: "port 5010/tcp blocked from untrusted sources by rule 3 of chain INPUT".
  std::string summary;
  std::string file;               // the file's name as given on the command line
  std::string sha256;             // of the file's bytes, lower-case hex
  std::string format;             // "iptables-save", "ip6tables-save", "nft -j list ruleset", ...
  std::string trusted;            // the trusted networks it was evaluated with, "10.20.0.0/16, ..."
  std::int64_t collected_at = 0;  // when the admin collected the ruleset (epoch seconds UTC)
  std::int64_t recorded_at = 0;   // when ttmtrack stored it
};

// "firewall ruleset collected 2026-03-01: port 5010/tcp blocked from untrusted sources by rule
// 3 of chain INPUT": what history and the host page show.
std::string FirewallSentence(const FirewallCheck& check);

}  // namespace ttmtrack::core
