#include "reports/firewall_evidence.hpp"

#include "core/enum_text.hpp"
#include "reports/proof.hpp"

namespace ttmtrack::reports {
namespace {

std::string Quoted(const std::string& rule_text) {
  return rule_text.empty() ? std::string() : " (\u201c" + rule_text + "\u201d)";
}

}  // namespace

void FirewallChecksBlock(HtmlWriter& html, const core::ExposureReport& report) {
  if (report.firewall_checks.empty()) return;
  html.Raw("<h3>Firewall-ruleset evidence</h3>\n");
  html.Element("p", {{"class", "small muted"}},
               "Evidence for the auditor only: an answer neither fixes nor reopens the exposure "
               "(docs/verification.md, \u201cFirewall-ruleset evidence\u201d).");
  html.Raw("<ul class=\"firewall\">\n");
  for (const core::FirewallCheck& check : report.firewall_checks) {
    html.Open("li", {{"class", "firewall " + std::string(core::ToText(check.verdict))}});
    html.Text(core::FirewallSentence(check));
    if (!check.rule_text.empty()) html.Element("pre", check.rule_text);
    html.Element(
        "div", {{"class", "small muted"}},
        check.format + " file " + check.file + ", SHA-256 " + check.sha256 +
            "; trusted networks: " + (check.trusted.empty() ? std::string("none") : check.trusted));
    html.Raw("</li>\n");
  }
  html.Raw("</ul>\n");
}

std::string FirewallRemediationText(const core::ExposureReport& report) {
  if (report.firewall_checks.empty()) return {};
  const core::FirewallCheck& latest = report.firewall_checks.back();
  const std::string intro = "The host's " + core::FirewallSentence(latest) + ". ";
  const std::string port = PortLabel(static_cast<std::uint16_t>(latest.port), latest.protocol);
  switch (latest.verdict) {
    case core::FirewallVerdict::kBlocked:
      return intro + "The rule that proves the fix is " + latest.rule + Quoted(latest.rule_text) +
             "; keep it in place. It is evidence, not a verification: only a scan that could "
             "have seen the listener and did not marks the exposure fixed.";
    case core::FirewallVerdict::kAllowed:
      return intro + "The fix is missing: " +
             (latest.rule.empty() ? std::string("the ruleset") : latest.rule) +
             Quoted(latest.rule_text) + " accepts untrusted sources" +
             (latest.sources.empty() ? std::string() : " (" + latest.sources + ")") +
             ". Add the DROP rule for " + port +
             " below before any rule that accepts the connection.";
    case core::FirewallVerdict::kUnknown:
      return intro + "The answer depends on " +
             (latest.rule.empty() ? std::string("a rule") : latest.rule) +
             Quoted(latest.rule_text) + ", which ttmtrack does not evaluate" +
             (latest.reason.empty() ? std::string() : " (" + latest.reason + ")") +
             ": check by hand that the DROP rule for " + port + " below comes before it.";
  }
  return {};
}

}  // namespace ttmtrack::reports
