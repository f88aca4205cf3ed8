// Store: the facts reports/ renders (core/host_report.hpp).
#include <algorithm>

#include "core/host_key.hpp"
#include "core/lifecycle.hpp"
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

}  // namespace

std::optional<core::HostReport> Store::BuildHostReport(const std::string& host,
                                                       std::optional<std::int64_t> now) {
  const std::string ip = core::HostKey(host);
  core::HostReport report;
  report.identity.ip = ip;
  // Oldest first, so each attribute ends as the latest non-empty value.
  auto select =
      impl_->db.Prepare("SELECT h.fqdn, h.netbios_name, h.os, h.mac, " + ScanRefColumns("s") +
                        " FROM scan_hosts h JOIN scans s ON s.id = h.scan_id WHERE h.ip = ?1 "
                        "ORDER BY s.scan_time, s.sha256");
  select.Bind(1, ip);
  core::HostIdentity& id = report.identity;
  while (select.Step()) {
    for (auto [field, column] : {std::pair{&id.fqdn, 0}, std::pair{&id.netbios_name, 1},
                                 std::pair{&id.os, 2}, std::pair{&id.mac, 3}}) {
      std::string value = select.Text(column);
      if (!value.empty()) *field = std::move(value);
    }
    id.scans.push_back(ReadScanRef(select, 4));
  }
  report.exposures = History(ip);
  if (id.scans.empty() && report.exposures.empty()) return std::nullopt;
  const std::vector<core::ExposureStatus> statuses =
      ListExposureStatuses({.ip = ip}, now.value_or(Now()));
  const std::vector<core::DecisionRecord> records = ListDecisions();
  for (core::ExposureReport& exposure : report.exposures) {
    const core::Exposure& e = exposure.exposure;
    for (const core::ExposureStatus& status : statuses) {
      if (status.exposure.id == e.id) exposure.status = status;
    }
    for (const core::DecisionRecord& record : records) {
      if (record.target.Covers(e.ip, e.port, e.protocol)) exposure.decisions.push_back(record);
    }
  }
  return report;
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
