// The lifecycle of an exposure: design note.
//
// An exposure is one (ip, port, protocol) at which c564e5ab was ever detected. Every stored scan
// says one thing about every exposure: an Outcome, decided by DecideOutcome from the facts the
// store gathered for that scan alone (an ExposureObservation) and the CoveragePolicy:
//
//   detected     the scan reports c564e5ab at (ip, port, protocol);
//   absent       the scan could have seen it and did not: the host was in the scan and its scan
//                completed, a c564e5ab plugin was enabled (or only a coverage-scope plugin, a port
//                scanner, which then must have reported nothing on the port), the export could
//                have shown the result (no filter or paging hid it), the port was inside the
//                scanned range (port 0, a host-level finding, has no range to be inside);
//   not-covered  anything else, with the first failing check as the reason, in this order:
//                host-not-in-scan, host-time-unreadable, host-scan-incomplete,
//                plugin-not-enabled, export-filtered, port-outside-range; coverage-unknown when a
//                fact is unknown and the policy is strict.
//
// States, and the function that performs each transition (ApplyOutcome dispatches to them;
// Replay folds ApplyOutcome over the outcomes in scan order):
//
//   (none) --detected--> open        ApplyDetected
//   open   --absent----> fixed       ApplyAbsent    verified_by = that scan
//   fixed  --detected--> reopened    ApplyDetected  verified_by cleared
//   reopened --absent--> fixed       ApplyAbsent    verified_by = that scan
//   open/reopened --detected--> unchanged; fixed --absent--> unchanged (first verification kept)
//   any --not-covered--> unchanged   (Replay skips it)
//
// Invariants (the tests cite them by number: tests/core/lifecycle_decide_test.cpp,
// lifecycle_replay_test.cpp and export_filter_test.cpp for the rules, tests/db/ and
// tests/scenarios/ for the store and the binary):
//   I1  An outcome depends only on its own scan's observation and the policy; no other scan,
//       and no import order, enters DecideOutcome.
//   I2  A detection wins: a scan that reports c564e5ab at the exposure yields `detected`
//       whatever its coverage facts say.
//   I3  A scan in which the host is missing never changes the state (host-not-in-scan).
//   I4  A not-covered outcome changes nothing: not the state, first/last_seen, last_checked
//       nor verified_by.
//   I5  Only `absent` makes an exposure fixed, and `absent` requires every coverage check to
//       pass, on a fact from the export or on an assumption the policy allows.
//   I6  Every assumption an absent outcome rests on is written into Outcome::assumption; a
//       not-covered outcome rests on none (it would be not-covered whatever the assumed fact),
//       so it records none. Under a strict policy an unknown fact gives not-covered
//       (coverage-unknown) instead of an assumption.
//   I7  Replay orders outcomes by (scan time, scan sha256) only, so the same set of scans gives
//       the same state, dates and timeline in any import order.
//   I8  An absent outcome before the first detection changes nothing.
//   I9  A fixed exposure's verified_by is the first absent after its latest detection; later
//       absents keep it.
//   I10 Once fixed, an exposure never returns to `open`: a new detection makes it `reopened`,
//       which stays `reopened` until an absent fixes it again.
//   I11 last_checked is the scan time of the latest covering (detected or absent) outcome;
//       first_seen <= last_seen, both scan times of detections.
//   I12 A plugin judged enabled only through coverage-scope rules (a plugin that once reported
//       the ttm_cmd service without detecting it, such as a port scanner) proves absence only
//       where the scan reported nothing on the exposure's port: it would have listed the port
//       open. A port the scan saw open, or a host-level exposure, gives not-covered
//       (plugin-not-enabled): no enabled plugin could tell a ttm_cmd listener from another.
//   I13 A clean scan proves nothing when its export could have left a c564e5ab result out: one
//       page of a longer result list, or a result filter (QoD, severity levels) that could hide
//       the results of either detection tier (the unconfirmed-listener plugin reports at QoD 30,
//       the confirmed one at 50) gives not-covered (export-filtered); JudgeExportFilter
//       decides, docs/verification.md, "Export filters". An export that states no filter is
//       taken as complete.
//   I14 A host whose export spells one of its times in a way that cannot be read proves nothing
//       in that scan (host-time-unreadable), under any policy: the fact is damaged, not merely
//       unknown, so no assumption may stand in for it.

#include "core/lifecycle.hpp"

#include <algorithm>
#include <string>
#include <tuple>

#include "core/facts.hpp"
#include "core/port_range.hpp"

namespace ttmtrack::core {
namespace {

std::string PortText(const ExposureObservation& o) {
  return std::to_string(o.port) + "/" + o.protocol;
}

// Accumulates the facts and assumptions one decision rests on.
struct Decision {
  Outcome outcome;
  std::vector<std::string> facts;
  std::vector<std::string> assumptions;

  Outcome Finish(OutcomeKind kind, NotCoveredReason reason) {
    outcome.kind = kind;
    outcome.reason = reason;
    outcome.basis = JoinFacts(facts);
    if (kind == OutcomeKind::kAbsent) outcome.assumption = JoinFacts(assumptions);  // I6
    return std::move(outcome);
  }
};

// An unknown fact: assumed under kAssumeCovered (recorded), fatal under kNotCovered.
// Returns false when the decision must stop with coverage-unknown.
bool Assume(Decision& d, UnknownCoverage policy, const std::string& assumption,
            const std::string& unknown_fact) {
  if (policy == UnknownCoverage::kAssumeCovered) {
    d.assumptions.push_back(assumption);
    return true;
  }
  d.facts.push_back(unknown_fact);
  return false;
}

// Why the scanned range says nothing about the port; empty when it does.
std::string RangeUnknownBecause(const std::optional<std::string>& spec,
                                const std::optional<PortRange>& range) {
  if (!spec) return "the export does not state the scanned port range";
  if (!range) return "the port range \"" + *spec + "\" could not be read";
  if (range->IsScannerDefault()) {
    return "the scan used the scanner's default port list, which the export does not enumerate";
  }
  return {};
}

// I12: whether a plugin enabled only through coverage-scope rules can speak for this exposure.
bool CoverageOnlyPluginCanTell(Decision& d, const ExposureObservation& o, const std::string& port) {
  if (o.port == 0) {
    d.facts.emplace_back("a port scanner cannot see a host-level finding");
    return false;
  }
  if (o.port_seen_open) {
    d.facts.emplace_back("the scan reported port " + port +
                         " open, and no enabled plugin could tell whether a ttm_cmd listener "
                         "answers there");
    return false;
  }
  d.facts.emplace_back("the scan reported nothing on port " + port);
  return true;
}

// Each check adds its facts (or assumption) to `d`; a reason means the outcome is not-covered.
std::optional<NotCoveredReason> CheckHost(Decision& d, const ExposureObservation& o,
                                          const CoveragePolicy& policy) {
  if (o.host_time_unreadable) {
    // I14: not an unknown the policy may assume away; the export says something, damaged.
    d.facts.emplace_back(
        "a time of the host in this export cannot be read, so nothing says its scan finished");
    return NotCoveredReason::kHostTimeUnreadable;
  }
  switch (o.host_completion) {
    case HostCompletion::kCompleted: d.facts.emplace_back("the host's scan completed"); break;
    case HostCompletion::kIncomplete:
      d.facts.emplace_back("the host's scan did not complete");
      return NotCoveredReason::kHostScanIncomplete;
    case HostCompletion::kUnknown:
      if (!Assume(d, policy.host_completed,
                  "host scan assumed complete: the export does not say whether it finished",
                  "the export does not say whether the host's scan finished")) {
        return NotCoveredReason::kCoverageUnknown;
      }
      break;
  }
  return std::nullopt;
}

std::optional<NotCoveredReason> CheckPlugin(Decision& d, const ExposureObservation& o,
                                            const CoveragePolicy& policy, const std::string& port) {
  switch (o.plugin_enabled.value) {
    case Knowledge::kYes:
      d.facts.push_back(o.plugin_enabled.basis);
      if (o.plugin_coverage_only && !CoverageOnlyPluginCanTell(d, o, port)) {  // I12
        return NotCoveredReason::kPluginNotEnabled;
      }
      break;
    case Knowledge::kNo:
      d.facts.push_back(o.plugin_enabled.basis);
      return NotCoveredReason::kPluginNotEnabled;
    case Knowledge::kUnknown:
      if (!Assume(d, policy.plugin_enabled, "plugin assumed enabled: " + o.plugin_enabled.basis,
                  "unknown whether the plugin was enabled: " + o.plugin_enabled.basis)) {
        return NotCoveredReason::kCoverageUnknown;
      }
      break;
  }
  return std::nullopt;
}

// I13. kUnknown: the export states no filter and is taken as complete; nothing to record.
std::optional<NotCoveredReason> CheckExportFilter(Decision& d, const ExposureObservation& o) {
  if (o.export_filter.value == Knowledge::kUnknown) return std::nullopt;
  d.facts.push_back(o.export_filter.basis);
  if (o.export_filter.value == Knowledge::kNo) return NotCoveredReason::kExportFiltered;
  return std::nullopt;
}

}  // namespace

Outcome DecideOutcome(const ExposureObservation& o, const CoveragePolicy& policy) {
  Decision d;
  d.outcome.exposure_id = o.exposure_id;
  d.outcome.scan = o.scan;
  const std::string port = PortText(o);

  if (o.detected) {  // I2
    d.facts.emplace_back("the scan reported c564e5ab at " + port);
    return d.Finish(OutcomeKind::kDetected, NotCoveredReason::kNone);
  }
  if (!o.host_in_scan) return d.Finish(OutcomeKind::kNotCovered, NotCoveredReason::kHostNotInScan);
  std::optional<NotCoveredReason> reason = CheckHost(d, o, policy);
  if (!reason) reason = CheckPlugin(d, o, policy, port);
  if (!reason) reason = CheckExportFilter(d, o);
  if (reason) return d.Finish(OutcomeKind::kNotCovered, *reason);

  // Port 0 is a host-level result (Nessus port 0, GVM general/tcp): no port range can exclude it.
  if (o.port == 0) {
    d.facts.emplace_back("a host-level finding, which no port range excludes");
    return d.Finish(OutcomeKind::kAbsent, NotCoveredReason::kNone);
  }
  std::optional<PortRange> range;
  if (o.port_range) range = PortRange::Parse(*o.port_range);
  const std::string unknown_because = RangeUnknownBecause(o.port_range, range);
  if (unknown_because.empty()) {
    if (!range->Contains(o.port, o.protocol)) {
      d.facts.emplace_back("port " + port + " is outside the scanned range " + range->spec());
      return d.Finish(OutcomeKind::kNotCovered, NotCoveredReason::kPortOutsideRange);
    }
    d.facts.emplace_back("port " + port + " is inside the scanned range " + range->spec());
  } else if (o.port_seen_open) {
    d.facts.emplace_back("the scan probed port " + port);
  } else if (!Assume(d, policy.port_scanned, "port assumed scanned: " + unknown_because,
                     "unknown whether port " + port + " was scanned: " + unknown_because)) {
    return d.Finish(OutcomeKind::kNotCovered, NotCoveredReason::kCoverageUnknown);
  }
  return d.Finish(OutcomeKind::kAbsent, NotCoveredReason::kNone);
}

namespace {

void ApplyDetected(LifecycleResult& r, const Outcome& o) {
  if (!r.first_seen) r.first_seen = o.scan.time;
  r.last_seen = o.scan.time;
  r.verified_by.reset();
  if (r.state == ExposureState::kFixed || r.state == ExposureState::kReopened) {
    r.state = ExposureState::kReopened;  // I10
  } else {
    r.state = ExposureState::kOpen;
  }
}

void ApplyAbsent(LifecycleResult& r, const Outcome& o) {
  if (r.state == ExposureState::kOpen || r.state == ExposureState::kReopened) {
    r.state = ExposureState::kFixed;
    r.verified_by = o.scan;  // I9: only the first absent after a detection gets here
  }
  // I8: before any detection (state nullopt) an absent changes nothing.
}

}  // namespace

void ApplyOutcome(LifecycleResult& result, const Outcome& o) {
  if (o.kind == OutcomeKind::kNotCovered) return;  // I3, I4
  result.last_checked = o.scan.time;               // I11: in order, so the latest wins
  const auto before = result.state;
  if (o.kind == OutcomeKind::kDetected) {
    ApplyDetected(result, o);
  } else {
    ApplyAbsent(result, o);
  }
  if (result.state != before) result.changes.push_back({o.scan.time.value_or(0), *result.state});
}

LifecycleResult Replay(std::vector<Outcome> outcomes) {
  // I7: (time, sha256) only; stable, so equal keys (one scan listed twice) keep input order.
  // Stores usually hand the outcomes over in order already: then there is nothing to move.
  auto before = [](const Outcome& a, const Outcome& b) {
    return std::tie(a.scan.time, a.scan.sha256) < std::tie(b.scan.time, b.scan.sha256);
  };
  if (!std::is_sorted(outcomes.begin(), outcomes.end(), before)) {
    std::stable_sort(outcomes.begin(), outcomes.end(), before);
  }
  LifecycleResult result;
  for (const Outcome& o : outcomes) ApplyOutcome(result, o);
  result.timeline = std::move(outcomes);
  return result;
}

}  // namespace ttmtrack::core
