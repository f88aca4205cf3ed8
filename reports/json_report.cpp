// index.json and hosts/<stem>.json (docs/json.md, "Report documents"). The domain objects (scan,
// exposure, outcome, evidence) are core/json_fields.hpp's, the same the CLI writes. Field names
// are stable: add fields, never rename or remove them without raising format_version.

#include <algorithm>
#include <map>

#include <nlohmann/json.hpp>

#include "core/detection_constants.hpp"
#include "core/enum_text.hpp"
#include "core/json_fields.hpp"
#include "reports/host_file_name.hpp"
#include "reports/open_chart.hpp"
#include "reports/proof.hpp"
#include "reports/remediation.hpp"
#include "reports/render.hpp"
#include "reports/timeline_runs.hpp"
#include "reports/urgency.hpp"

namespace ttmtrack::reports {
namespace {

// Insertion order is the documented field order, so output is stable without sorting keys.
using Json = nlohmann::ordered_json;

// 2: scans are core::ScanRefJson (no import-order id; `file`, `scan_time`), exposures carry
// `detection_id` and `ip`, and an outcome's empty basis or assumption is null, as every
// "none" is (docs/json.md).
constexpr int kFormatVersion = 2;

using core::TextOrNullJson;
using core::TimeJson;

Json Header(std::string_view kind, const ReportOptions& options) {
  Json networks = Json::array();
  for (const core::IpNetwork& network : options.trusted_networks) {
    networks.push_back(network.ToString());
  }
  return Json{{"format", kind},
              {"format_version", kFormatVersion},
              {"tool_version", options.tool_version},
              {"generated_at", TimeJson(options.generated_at)},
              {"detection_id", core::kDetectionId},
              {"trusted_networks", networks}};
}

Json Rules(const FirewallRules& rules) {
  return Json{{"before", rules.before},
              {"after", rules.after},
              {"apply", rules.apply},
              {"rollback", rules.rollback}};
}

Json Remediation(const core::Exposure& exposure, const ReportOptions& options) {
  const RemediationPlan plan = PlanRemediation(exposure, options.trusted_networks);
  Json verification = Json::array();
  for (const VerificationStep& step : plan.verification) {
    verification.push_back({{"text", step.text}, {"command", TextOrNullJson(step.command)}});
  }
  return Json{{"action_required", plan.action_required},
              {"uses_placeholder", plan.uses_placeholder},
              {"why_it_matters", WhyItMatters()},
              {"steps", plan.steps},
              {"iptables", Rules(plan.iptables)},
              {"nftables", Rules(plan.nftables)},
              {"ansible", plan.ansible},
              {"risks", plan.risks},
              {"verification", verification},
              {"last_covering_scan", TimeJson(plan.last_covering_scan)}};
}

// The rows of the HTML timeline (timeline_runs.hpp): runs of identical outcomes and every state
// change on its own, each naming its first and last entry of `timeline` by index.
Json TimelineRunsJson(const std::vector<core::Outcome>& timeline) {
  const TimelineStates states = ReplayStates(timeline);
  Json runs = Json::array();
  for (const TimelineRun& run : CollapseTimeline(timeline, states)) {
    const core::Outcome& first = timeline[run.first];
    const bool not_covered = first.kind == core::OutcomeKind::kNotCovered;
    runs.push_back(
        {{"first_index", run.first},
         {"last_index", run.first + run.count - 1},
         {"scans", run.count},
         {"outcome", core::ToText(first.kind)},
         {"reason", not_covered ? Json(core::ToText(first.reason)) : Json(nullptr)},
         {"assumption", core::TextOrNullJson(first.assumption)},
         {"state", run.state_after ? Json(core::ToText(*run.state_after)) : Json(nullptr)},
         {"state_change", run.change == StateChange::kNone
                              ? Json(nullptr)
                              : Json(StateChangeJsonName(run.change))}});
  }
  return runs;
}

Json ExposureDetail(const core::ExposureReport& report, const ReportOptions& options) {
  core::ExposureStatus status = report.status;
  status.exposure = report.exposure;  // a report built without statuses still names its exposure
  Json json = core::ExposureStatusJson(status);
  Json decisions = Json::array();
  for (const core::DecisionRecord& record : report.decisions) {
    decisions.push_back(core::DecisionRecordJson(record));
  }
  json["decisions"] = decisions;
  json["proof"] = ProofStatement(report);
  Json evidence = Json::array();
  for (const core::Evidence& item : report.evidence) evidence.push_back(core::EvidenceJson(item));
  json["evidence"] = evidence;
  Json checks = Json::array();
  for (const core::VantageCheckRecord& record : report.vantage_checks) {
    checks.push_back(core::VantageCheckJson(record));
  }
  json["vantage_checks"] = checks;
  Json firewall = Json::array();
  for (const core::FirewallCheck& check : report.firewall_checks) {
    firewall.push_back(core::FirewallCheckJson(check));
  }
  json["firewall_checks"] = firewall;
  Json timeline = Json::array();
  for (const core::Outcome& outcome : OrderedTimeline(report)) {
    Json entry = core::OutcomeJson(outcome);
    entry["reason_text"] = outcome.kind == core::OutcomeKind::kNotCovered
                               ? Json(ReasonText(outcome.reason))
                               : Json(nullptr);
    timeline.push_back(entry);
  }
  json["timeline"] = timeline;
  json["timeline_runs"] = TimelineRunsJson(OrderedTimeline(report));
  json["remediation"] = Remediation(report.exposure, options);
  return json;
}

// Invalid UTF-8 from an export becomes U+FFFD instead of an exception: the JSON stays valid and
// the rest of the text is kept verbatim (control characters are \u-escaped by the library).
std::string Dump(const Json& json) {
  return json.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace

std::string RenderSummaryJson(const core::SummaryReport& summary, const ReportOptions& options) {
  Json json = Header("ttmtrack-summary", options);
  json["hosts_in_latest_scans"] = summary.hosts_in_latest_scans;
  using core::ExposureState;
  json["exposures_by_state"] = {{core::ToText(ExposureState::kOpen), summary.open},
                                {core::ToText(ExposureState::kReopened), summary.reopened},
                                {core::ToText(ExposureState::kFixed), summary.fixed}};
  Json latest = Json::array();
  for (const core::ScanRef& scan : summary.latest_scans) latest.push_back(core::ScanRefJson(scan));
  json["latest_scans"] = latest;
  Json chart = Json::array();
  for (const DailyOpenCount& day : DailyOpenCounts(summary.open_over_time)) {
    chart.push_back({{"date", day.date}, {"open", day.open}});
  }
  json["open_over_time"] = chart;
  std::map<std::int64_t, const core::ExposureStatus*> status_of;
  for (const core::ExposureStatus& status : summary.statuses) {
    status_of[status.exposure.id] = &status;
  }
  Json hosts = Json::array();
  for (const HostGroup& group : GroupByHost(summary.exposures)) {
    Json exposures = Json::array();
    for (const core::Exposure* exposure : group.exposures) {
      const auto it = status_of.find(exposure->id);
      exposures.push_back(it == status_of.end() ? core::ExposureJson(*exposure)
                                                : core::ExposureStatusJson(*it->second));
    }
    hosts.push_back({{"ip", group.ip},
                     {"hostname", TextOrNullJson(group.hostname)},
                     {"state", core::ToText(group.state)},
                     {"file", "hosts/" + HostFileStem(group.ip) + ".json"},
                     {"exposures", exposures}});
  }
  json["hosts"] = hosts;
  json["overdue"] = static_cast<int>(std::count_if(summary.statuses.begin(), summary.statuses.end(),
                                                   [](const auto& s) { return s.overdue; }));
  json["stale"] = static_cast<int>(std::count_if(summary.statuses.begin(), summary.statuses.end(),
                                                 [](const auto& s) { return s.stale; }));
  Json dropped = Json::array();
  for (const core::DroppedOutHost& host : summary.dropped_out) {
    dropped.push_back(core::DroppedOutHostJson(host));
  }
  json["dropped_out_hosts"] = dropped;
  Json decisions = Json::array();
  for (const core::DecisionRecord& record : summary.decisions) {
    decisions.push_back(core::DecisionRecordJson(record));
  }
  json["triage_decisions"] = decisions;
  return Dump(json);
}

std::string RenderHostJson(const core::HostReport& host, const ReportOptions& options) {
  Json json = Header("ttmtrack-host", options);
  json["host"] = core::HostIdentityJson(host.identity);
  Json exposures = Json::array();
  for (const core::ExposureReport& report : host.exposures) {
    exposures.push_back(ExposureDetail(report, options));
  }
  json["exposures"] = exposures;
  return Dump(json);
}

}  // namespace ttmtrack::reports
