// Store: the facts reports/ renders (core/host_report.hpp).
#include <algorithm>
#include <span>
#include <utility>

#include "core/host_key.hpp"
#include "core/lifecycle.hpp"
#include "db/host_report_reader.hpp"
#include "db/store.hpp"
#include "db/store_impl.hpp"
#include "db/store_text.hpp"

namespace ttmtrack::db {
namespace {

bool Open(std::optional<core::ExposureState> state) {
  return state && *state != core::ExposureState::kFixed;
}

// The open-over-time deltas of one exposure's state changes: +1 at the scan time it became open
// or reopened, -1 where it was fixed.
void AddOpenDeltas(std::span<const core::StateChange> changes,
                   std::vector<std::pair<std::int64_t, int>>& deltas) {
  bool was_open = false;
  for (const core::StateChange& change : changes) {
    const bool open = Open(change.state);
    if (open != was_open) deltas.emplace_back(change.scan_time, open ? 1 : -1);
    was_open = open;
  }
}

// One point per distinct scan time: open + reopened exposures after every scan at or before
// it, from every exposure's `deltas` (AddOpenDeltas). The states come from the same replay of
// the stored covering outcomes as the statuses, so the chart and the exposure table cannot
// disagree.
std::vector<core::OpenCountPoint> OpenOverTime(sql::Connection& db,
                                               std::vector<std::pair<std::int64_t, int>> deltas) {
  std::sort(deltas.begin(), deltas.end());
  std::vector<core::OpenCountPoint> points;
  auto times = db.Prepare("SELECT DISTINCT scan_time FROM scans ORDER BY scan_time");
  std::size_t next = 0;
  int open = 0;
  while (times.Step()) {
    const std::int64_t time = times.Int64(0);
    for (; next < deltas.size() && deltas[next].first <= time; ++next) open += deltas[next].second;
    points.push_back({time, open});
  }
  return points;
}

// The state changes of `timeline` (every outcome, in timeline order: what the reader gives),
// folded as core::Replay would without copying the timeline.
std::vector<core::StateChange> ChangesOf(std::span<const core::Outcome> timeline) {
  core::LifecycleResult folded;
  for (const core::Outcome& outcome : timeline) core::ApplyOutcome(folded, outcome);
  return std::move(folded.changes);
}

// Each exposure's decision, deadline and staleness, judged from its own timeline, and every
// decision record covering it, in the order made.
void AttachTriage(std::vector<core::HostReport>& reports, const TriageContext& triage) {
  for (core::HostReport& report : reports) {
    for (core::ExposureReport& exposure : report.exposures) {
      const core::Exposure& e = exposure.exposure;
      exposure.status = triage.Assess(e, ChangesOf(exposure.timeline));
      for (const core::DecisionRecord& record : triage.records) {
        if (record.target.Covers(e.ip, e.port, e.protocol)) exposure.decisions.push_back(record);
      }
    }
  }
}

}  // namespace

std::optional<core::HostReport> Store::BuildHostReport(const std::string& host,
                                                       std::optional<std::int64_t> now) {
  const std::string ip = core::HostKey(host);
  std::vector<core::HostReport> reports = HostReportReader(impl_->db).Read({&ip, 1});
  if (reports.empty()) return std::nullopt;
  AttachTriage(reports, {ListDecisions(), GetDeadlinePolicy(), now.value_or(Now())});
  return std::move(reports.front());
}

void Store::ReadHostReports(const std::vector<std::string>& hosts,
                            const std::function<void(std::vector<core::HostReport>)>& visit,
                            std::optional<std::int64_t> now) {
  // The statuses come from each window's own timelines: nothing is read twice, and nothing of
  // the estate is held beyond the decision records and the settings.
  const TriageContext triage{ListDecisions(), GetDeadlinePolicy(), now.value_or(Now())};
  HostReportReader reader(impl_->db);
  const std::span<const std::string> all(hosts);
  for (std::size_t first = 0; first < all.size(); first += HostReportReader::kWindow) {
    std::vector<core::HostReport> window =
        reader.Read(all.subspan(first, std::min(HostReportReader::kWindow, all.size() - first)));
    AttachTriage(window, triage);
    visit(std::move(window));
  }
}

core::SummaryReport Store::BuildSummary(std::optional<std::int64_t> now) {
  core::SummaryReport summary;
  summary.decisions = ListDecisions();
  summary.exposures = ListExposures();
  // One pass over the covering outcomes for both the statuses and the chart.
  std::vector<std::pair<std::int64_t, int>> deltas;  // (scan time, +1 / -1)
  summary.statuses =
      AssessExposures(impl_->db, summary.exposures, {},
                      {summary.decisions, GetDeadlinePolicy(), now.value_or(Now())},
                      [&deltas](std::int64_t, std::span<const core::StateChange> changes) {
                        AddOpenDeltas(changes, deltas);
                      });
  summary.dropped_out = HostsDroppedOutOfScanning();
  for (const core::Exposure& e : summary.exposures) {
    switch (e.state) {
      case core::ExposureState::kOpen: ++summary.open; break;
      case core::ExposureState::kReopened: ++summary.reopened; break;
      case core::ExposureState::kFixed: ++summary.fixed; break;
    }
  }
  auto hosts = impl_->db.Prepare(std::string("SELECT count(DISTINCT ip) FROM scan_hosts "
                                             "WHERE scan_id IN (") +
                                 kLatestScanOfEachTask + ")");
  hosts.Step();
  summary.hosts_in_latest_scans = hosts.Int(0);
  auto latest =
      impl_->db.Prepare("SELECT " + ScanRefColumns("s") + " FROM scans s WHERE s.id IN (" +
                        kLatestScanOfEachTask + ") ORDER BY s.scan_time, s.sha256");
  while (latest.Step()) summary.latest_scans.push_back(ReadScanRef(latest, 0));
  summary.open_over_time = OpenOverTime(impl_->db, std::move(deltas));
  return summary;
}

}  // namespace ttmtrack::db
