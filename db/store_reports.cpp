// Store: the facts reports/ renders (core/host_report.hpp).
#include <algorithm>
#include <unordered_map>

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

// One point per distinct scan time: open + reopened exposures after every scan at or before
// it. The states come from Replay over the stored covering outcomes, so the chart and the
// exposure table cannot disagree.
std::vector<core::OpenCountPoint> OpenOverTime(sqlite::Database& db) {
  std::vector<std::pair<std::int64_t, int>> deltas;  // (scan time, +1 / -1)
  auto select = db.Prepare(
      "SELECT o.exposure_id, o.kind, s.id, s.scan_time, s.sha256 FROM outcomes o "
      "JOIN scans s ON s.id = o.scan_id WHERE o.kind <> ?1 ORDER BY o.exposure_id");
  select.Bind(1, core::ToText(core::OutcomeKind::kNotCovered));
  std::vector<core::Outcome> outcomes;
  std::int64_t current = -1;
  auto flush = [&] {
    const core::LifecycleResult result = core::Replay(std::move(outcomes));
    bool was_open = false;
    for (const core::StateChange& change : result.changes) {
      const bool open = Open(change.state);
      if (open != was_open) deltas.emplace_back(change.scan_time, open ? 1 : -1);
      was_open = open;
    }
    outcomes.clear();
  };
  while (select.Step()) {
    if (select.Int64(0) != current && !outcomes.empty()) flush();
    current = select.Int64(0);
    core::Outcome o;
    o.kind = ParseStored<core::OutcomeKind>(select.Text(1));
    o.scan.id = select.Int64(2);
    o.scan.time = select.Int64(3);
    o.scan.sha256 = select.Text(4);
    outcomes.push_back(std::move(o));
  }
  if (!outcomes.empty()) flush();
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

// Each exposure's decision, deadline and staleness (from `statuses`, matched by exposure id)
// and every decision record covering it, in the order made.
void AttachTriage(std::vector<core::HostReport>& reports,
                  const std::vector<core::ExposureStatus>& statuses,
                  const std::vector<core::DecisionRecord>& records) {
  std::unordered_map<std::int64_t, const core::ExposureStatus*> by_id;
  by_id.reserve(statuses.size());
  for (const core::ExposureStatus& status : statuses) by_id.emplace(status.exposure.id, &status);
  for (core::HostReport& report : reports) {
    for (core::ExposureReport& exposure : report.exposures) {
      const core::Exposure& e = exposure.exposure;
      if (const auto found = by_id.find(e.id); found != by_id.end()) {
        exposure.status = *found->second;
      }
      for (const core::DecisionRecord& record : records) {
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
  AttachTriage(reports, ListExposureStatuses({.ip = ip}, now.value_or(Now())), ListDecisions());
  return std::move(reports.front());
}

void Store::ReadHostReports(const std::vector<std::string>& hosts,
                            const std::function<void(std::vector<core::HostReport>)>& visit,
                            std::optional<std::int64_t> now) {
  // One read of the statuses and the records for the whole report, not one per host: a
  // per-host status query filters on ip, which scans the exposures table each time.
  const std::vector<core::ExposureStatus> statuses = ListExposureStatuses({}, now.value_or(Now()));
  const std::vector<core::DecisionRecord> records = ListDecisions();
  HostReportReader reader(impl_->db);
  const std::span<const std::string> all(hosts);
  for (std::size_t first = 0; first < all.size(); first += HostReportReader::kWindow) {
    std::vector<core::HostReport> window =
        reader.Read(all.subspan(first, std::min(HostReportReader::kWindow, all.size() - first)));
    AttachTriage(window, statuses, records);
    visit(std::move(window));
  }
}

core::SummaryReport Store::BuildSummary(std::optional<std::int64_t> now) {
  core::SummaryReport summary;
  summary.statuses = ListExposureStatuses({}, now.value_or(Now()));
  for (const core::ExposureStatus& status : summary.statuses) {
    summary.exposures.push_back(status.exposure);
  }
  summary.dropped_out = HostsDroppedOutOfScanning();
  summary.decisions = ListDecisions();
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
  summary.open_over_time = OpenOverTime(impl_->db);
  return summary;
}

}  // namespace ttmtrack::db
