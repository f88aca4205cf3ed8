#include "reports/remediation_section.hpp"

#include "reports/display_time.hpp"
#include "reports/firewall_evidence.hpp"
#include "reports/proof.hpp"
#include "reports/remediation.hpp"

namespace ttmtrack::reports {
namespace {

void Lines(HtmlWriter& html, const std::vector<std::string>& lines) {
  std::string text;
  for (const std::string& line : lines) text += line + "\n";
  html.Element("pre", text);
  html.Raw("\n");
}

void BeforeAfter(HtmlWriter& html, const FirewallRules& rules) {
  // Stacked rather than side by side: the rules are long, and wrapping them mid-option makes
  // them harder to compare with what the host prints.
  // A network scan cannot observe a host's firewall: "before" is an illustration of a rule set
  // that would let the scanner connect, never a finding.
  html.Raw(
      "<div class=\"label\">Before (example): a rule set that would allow the connection</div>\n"
      "<p class=\"small muted\">Not observed: a network scan cannot see the host's firewall. "
      "This is what an unfiltered port looks like; compare it with what the host prints.</p>\n");
  Lines(html, rules.before);
  html.Raw("<div class=\"label\">After: the recommended rule set</div>\n");
  Lines(html, rules.after);
  html.Raw("<div class=\"label\">Commands</div>\n");
  Lines(html, rules.apply);
}

void Status(HtmlWriter& html, const core::Exposure& exposure) {
  if (exposure.state == core::ExposureState::kFixed) {
    html.Open("p", {{"class", "note ok"}});
    html.Text("Verified fixed" +
              (exposure.verified_by ? " by " + core::ScanLabel(*exposure.verified_by) + " on " +
                                          DisplayTime(exposure.verified_by->time)
                                    : std::string()) +
              ". No action is needed; keep the rules below in place. They are what this "
              "report recommends, shown for the record.");
    html.Close("p");
    return;
  }
  html.Open("p", {{"class", "note"}});
  html.Raw("<strong>Action required.</strong> ");
  html.Text(exposure.state == core::ExposureState::kReopened
                ? "This exposure was fixed once and is reachable again: find what undid the "
                  "change (a rebuilt host, a firewall reload, a configuration rollout) before "
                  "applying the rules again."
                : "The listener is reachable from the scanner's network.");
  html.Close("p");
}

void Verification(HtmlWriter& html, const RemediationPlan& plan) {
  html.Raw("<h4>Verification after the change</h4>\n<ol class=\"steps\">\n");
  for (const VerificationStep& step : plan.verification) {
    html.Open("li");
    html.Text(step.text);
    if (!step.command.empty()) html.Element("pre", step.command);
    html.Raw("</li>\n");
  }
  html.Raw("</ol>\n");
  html.Open("p");
  html.Raw("<strong>Last covering re-scan:</strong> ");
  html.Text(DisplayTime(plan.last_covering_scan, kNever));
  html.Text(IsKnownTime(plan.last_covering_scan)
                ? " (the latest scan that could have seen this exposure, whatever it found)."
                : " (no scan so far could have seen this exposure).");
  html.Close("p");
}

void ExposureRemediation(HtmlWriter& html, const core::ExposureReport& report,
                         const ReportOptions& options) {
  const core::Exposure& exposure = report.exposure;
  const RemediationPlan plan = PlanRemediation(exposure, options.trusted_networks);
  html.Open("h3");
  html.Text("For " + PortLabel(exposure.port, exposure.protocol));
  html.Close("h3");
  Status(html, exposure);
  // The collected ruleset, when there is one: the rule that proves the fix or the one missing.
  if (const std::string firewall = FirewallRemediationText(report); !firewall.empty()) {
    html.Element("p", {{"class", "note firewall"}}, firewall);
  }
  html.Raw("<h4>Steps</h4>\n<ol class=\"steps\">\n");
  for (const std::string& step : plan.steps) html.Element("li", step);
  html.Raw("</ol>\n<h4>Firewall: iptables and ip6tables</h4>\n");
  BeforeAfter(html, plan.iptables);
  html.Raw("<h4>Firewall: nftables</h4>\n");
  BeforeAfter(html, plan.nftables);
  html.Raw("<h4>Ansible</h4>\n");
  html.Element("p", {{"class", "small"}}, WhyAnsibleIptables());
  html.Element("pre", plan.ansible);
  html.Raw("\n<h4>Risks and roll-back</h4>\n<ul class=\"risks\">\n");
  for (const std::string& risk : plan.risks) html.Element("li", risk);
  html.Raw("</ul>\n<div class=\"label\">Roll-back: iptables</div>\n");
  Lines(html, plan.iptables.rollback);
  html.Raw("<div class=\"label\">Roll-back: nftables</div>\n");
  Lines(html, plan.nftables.rollback);
  Verification(html, plan);
}

}  // namespace

void RemediationSection(HtmlWriter& html, const core::HostReport& host,
                        const ReportOptions& options) {
  html.Raw("<section id=\"remediation\">\n<h2>Remediation</h2>\n<h3>Why it matters</h3>\n");
  html.Element("p", WhyItMatters());
  if (host.exposures.empty()) {
    html.Raw("<p>Nothing to remediate on this host.</p>\n");
  }
  for (const core::ExposureReport& report : host.exposures) {
    ExposureRemediation(html, report, options);
  }
  html.Raw("</section>\n");
}

}  // namespace ttmtrack::reports
