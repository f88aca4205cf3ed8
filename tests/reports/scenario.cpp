#include "tests/reports/scenario.hpp"

#include "core/exposure_status.hpp"
#include "core/lifecycle.hpp"
#include "core/triage.hpp"

namespace ttmtrack::reports::testing {
namespace {

using core::ExposureState;
using core::NotCoveredReason;
using core::OutcomeKind;

core::ScanRef Scan(std::int64_t id, const char* scanner, const char* name, const char* file,
                   std::int64_t time, char hash_digit) {
  return {id, file, scanner, name, time, std::string(64, hash_digit)};
}

const core::ScanRef kS1 = Scan(1, "Nessus", "baseline-dmz", "baseline-dmz.nessus", 1767607200, 'a');
const core::ScanRef kS2 =
    Scan(2, "Nessus", "weekly-dmz", "weekly-dmz-0202.nessus", 1770024600, 'b');
const core::ScanRef kS3 = Scan(3, "OpenVAS", "gvm-verify", "gvm-verify.xml", 1772489700, 'c');
const core::ScanRef kS4 =
    Scan(4, "Nessus", "weekly-dmz", "weekly-dmz-0310.nessus", 1773122400, 'd');

const char kCovered[] =
    "host scan completed; plugin_set lists 9564501; port 5010/tcp is inside the scanned range "
    "1-10000";

core::Outcome Outcome(std::int64_t exposure_id, const core::ScanRef& scan, OutcomeKind kind,
                      NotCoveredReason reason = NotCoveredReason::kNone, std::string basis = "",
                      std::string assumption = "") {
  return {exposure_id, scan, kind, reason, std::move(assumption), std::move(basis)};
}

core::Evidence Detection(const core::ScanRef& scan, std::uint16_t port, std::string output) {
  return {scan,
          port,
          "tcp",
          "9564501",
          "Trading Technologies Messaging ttm_cmd Detection",
          2,
          std::move(output)};
}

std::string Output(std::uint16_t port) {
  return "The ttm_cmd command channel answered on port " + std::to_string(port) +
         "/tcp.\n\n  Sent     : TTM probe (see docs/ttm-protocol.md)\n  Received : 54 54 4d 01 "
         "00 00 00 0c\n\nRestrict this port to trusted networks.";
}

core::Exposure MakeExposure(std::int64_t id, const char* ip, std::uint16_t port,
                            ExposureState state, const std::string& hostname,
                            std::int64_t first_seen, std::int64_t last_seen,
                            std::optional<std::int64_t> last_checked,
                            std::optional<core::ScanRef> verified_by) {
  return {id,       ip,         port,      "tcp",        state,
          hostname, first_seen, last_seen, last_checked, std::move(verified_by)};
}

// A `ttmtrack evidence firewall` answer collected 2026-03-01 09:00 UTC.
core::FirewallCheck Firewall(const std::string& ip, core::FirewallVerdict verdict,
                             const std::string& rule, const std::string& rule_text,
                             const std::string& summary) {
  core::FirewallCheck check;
  check.ip = ip;
  check.port = 5010;
  check.verdict = verdict;
  check.rule = rule;
  check.rule_text = rule_text;
  check.summary = summary;
  check.file = "rulesets/" + ip + ".rules";
  check.sha256 = std::string(64, 'f');
  check.format = "iptables-save";
  check.trusted = "10.20.0.0/16, 2001:db8:20::/48";
  check.collected_at = 1772355600;  // 2026-03-01T09:00:00Z
  check.recorded_at = 1772359200;
  return check;
}

core::HostReport HostA() {
  core::HostReport host;
  host.identity = {"192.0.2.10",        "trade-gw1.example.net",
                   "TRADEGW1",          "Linux Kernel 5.10 on Debian 11",
                   "00:16:3e:12:34:56", {kS1, kS2, kS4}};
  core::ExposureReport fixed;
  fixed.exposure =
      MakeExposure(1, "192.0.2.10", 5010, ExposureState::kFixed, "trade-gw1.example.net",
                   kS1.time.value(), kS1.time.value(), kS4.time, kS2);
  fixed.evidence = {Detection(kS1, 5010, Output(5010))};
  fixed.timeline = {Outcome(1, kS1, OutcomeKind::kDetected),
                    Outcome(1, kS2, OutcomeKind::kAbsent, NotCoveredReason::kNone, kCovered),
                    Outcome(1, kS4, OutcomeKind::kAbsent, NotCoveredReason::kNone, kCovered)};
  fixed.firewall_checks = {
      Firewall("192.0.2.10", core::FirewallVerdict::kBlocked, "rule 2 of chain INPUT",
               "-p tcp -m tcp --dport 5010 -j DROP",
               "port 5010/tcp blocked from untrusted sources by rule 2 of chain INPUT")};
  core::ExposureReport open;
  open.exposure =
      MakeExposure(2, "192.0.2.10", 10200, ExposureState::kOpen, "trade-gw1.example.net",
                   kS1.time.value(), kS1.time.value(), kS1.time, std::nullopt);
  open.evidence = {Detection(kS1, 10200, Output(10200))};
  open.timeline = {Outcome(2, kS1, OutcomeKind::kDetected),
                   Outcome(2, kS2, OutcomeKind::kNotCovered, NotCoveredReason::kPortOutsideRange,
                           "port 10200/tcp is outside the scanned range 1-10000"),
                   Outcome(2, kS4, OutcomeKind::kNotCovered, NotCoveredReason::kPortOutsideRange,
                           "port 10200/tcp is outside the scanned range 1-10000")};
  host.exposures = {fixed, open};
  return host;
}

core::HostReport HostB() {
  core::HostReport host;
  host.identity = {"192.0.2.20", "", "MDFEED2", "", "", {kS1, kS2, kS3}};
  core::ExposureReport report;
  report.exposure = MakeExposure(3, "192.0.2.20", 5010, ExposureState::kFixed, "MDFEED2",
                                 kS1.time.value(), kS1.time.value(), kS3.time, kS3);
  report.evidence = {Detection(kS1, 5010, Output(5010))};
  report.timeline = {
      Outcome(3, kS1, OutcomeKind::kDetected),
      Outcome(3, kS2, OutcomeKind::kNotCovered, NotCoveredReason::kHostScanIncomplete,
              "the host's scan was interrupted"),
      Outcome(3, kS3, OutcomeKind::kAbsent, NotCoveredReason::kNone,
              "host scan completed; port 5010/tcp is inside the scanned range 1-65535",
              "plugin assumed enabled: GVM reports carry no scan configuration")};
  host.exposures = {report};
  return host;
}

core::HostReport HostC() {
  core::HostReport host;
  host.identity = {"2001:db8::7", kHostileText, "", "Windows Server 2019", "", {kS1, kS2, kS4}};
  core::ExposureReport report;
  report.exposure = MakeExposure(4, "2001:db8::7", 5010, ExposureState::kReopened, kHostileText,
                                 kS1.time.value(), kS4.time.value(), kS4.time, std::nullopt);
  report.evidence = {
      Detection(kS1, 5010, Output(5010)),
      Detection(kS4, 5010,
                std::string("banner: ") + kHostileText + "\nbell:\x07 end\n</pre><b>bold</b>")};
  report.timeline = {Outcome(4, kS1, OutcomeKind::kDetected),
                     Outcome(4, kS2, OutcomeKind::kAbsent, NotCoveredReason::kNone, kCovered),
                     Outcome(4, kS4, OutcomeKind::kDetected)};
  // The admin's file is untrusted text too: a hostile rule comment.
  core::FirewallCheck allowed =
      Firewall("2001:db8::7", core::FirewallVerdict::kAllowed, "rule 1 of chain INPUT",
               std::string("-p tcp -m comment --comment \"") + kHostileText + "\" -j ACCEPT",
               "port 5010/tcp allowed from untrusted sources (::/0) by rule 1 of chain INPUT");
  allowed.sources = "::/0";
  report.firewall_checks = {allowed};
  // A decision whose reason and author are hostile text: escaped like scan text (T1: the
  // exposure's own target wins over the network-wide false positive).
  core::DecisionRecord network;
  network.id = 1;
  network.target = *core::TriageTarget::Parse("2001:db8::/32");
  network.kind = core::DecisionKind::kFalsePositive;
  network.reason = "lab range";
  network.by = "netsec";
  network.made_at = kS1.time.value() + 3600;
  core::DecisionRecord accept;
  accept.id = 2;
  accept.target = *core::TriageTarget::Parse("[2001:db8::7]:5010/tcp");
  accept.kind = core::DecisionKind::kAccept;
  accept.reason = std::string("vendor says: ") + kHostileText;
  accept.by = kHostileText;
  accept.made_at = kS4.time.value() + 3600;
  accept.until = kGeneratedAt + 30 * core::kSecondsPerDay;
  accept.ticket = "RISK-<7>";
  report.decisions = {network, accept};
  host.exposures = {report};
  return host;
}

// Each exposure's status at the report's time, as the store would judge it.
void Assess(core::ExposureReport& report) {
  const core::LifecycleResult replayed = core::Replay(report.timeline);
  report.status = core::AssessExposure(report.exposure, replayed.changes, report.decisions,
                                       core::DeadlinePolicy{}, kGeneratedAt);
}

}  // namespace

Scenario MakeScenario() {
  Scenario scenario;
  scenario.hosts = {HostA(), HostB(), HostC()};
  for (core::HostReport& host : scenario.hosts) {
    for (core::ExposureReport& report : host.exposures) Assess(report);
  }
  core::SummaryReport& summary = scenario.summary;
  summary.hosts_in_latest_scans = 3;
  summary.open = 1;
  summary.reopened = 1;
  summary.fixed = 2;
  summary.open_over_time = {
      {kS1.time.value(), 4}, {kS2.time.value(), 2}, {kS3.time.value(), 1}, {kS4.time.value(), 2}};
  for (const core::HostReport& host : scenario.hosts) {
    for (const core::ExposureReport& report : host.exposures) {
      summary.exposures.push_back(report.exposure);
      summary.statuses.push_back(report.status);
    }
  }
  summary.decisions = scenario.hosts[2].exposures[0].decisions;
  summary.dropped_out = {{"192.0.2.30", kHostileText, kS3, kS4}};
  summary.latest_scans = {kS1, kS3, kS4};
  return scenario;
}

ReportOptions FixedOptions() {
  ReportOptions options;
  options.trusted_networks = {core::IpNetwork::Parse("10.20.0.0/16").value(),
                              core::IpNetwork::Parse("2001:db8:100::/48").value()};
  options.generated_at = kGeneratedAt;
  options.tool_version = "0.1.0-test";
  return options;
}

}  // namespace ttmtrack::reports::testing
