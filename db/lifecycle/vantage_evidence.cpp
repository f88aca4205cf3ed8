// The lifecycle's use of vantage-point checks (docs/verification.md, "Vantage-point checks"): a
// check from an untrusted vantage point that reached a TTM listener is a detection at the
// check's time. Unreachable checks change nothing here: they are evidence for the auditor (history,
// reports), never a proof of a fix.
#include "db/lifecycle/recomputer.hpp"
#include "db/sql/connection.hpp"
#include "db/sql/statement.hpp"

namespace ttmtrack::db::lifecycle {
namespace {

constexpr const char* kReachableFromUntrusted =
    "untrusted = 1 AND outcome IN ('reachable-confirmed', 'reachable-unconfirmed')";

}  // namespace

void Recomputer::LoadVantage() {
  auto any = db_.Prepare(std::string("SELECT 1 FROM vantage_checks WHERE ") +
                         kReachableFromUntrusted + " LIMIT 1");
  vantage_detections_ = any.Step();
}

void Recomputer::AddVantageExposures() {
  if (!vantage_detections_) return;
  db_.Exec(std::string("INSERT INTO exposures(ip, port, protocol, state) "
                       "SELECT DISTINCT ip, port, protocol, 'open' FROM vantage_checks WHERE ") +
           kReachableFromUntrusted +
           " ORDER BY ip, port, protocol ON CONFLICT(ip, port, protocol) DO NOTHING");
}

void Recomputer::AppendVantageDetections(const ExposureRow& row,
                                         std::vector<core::Outcome>& outcomes) {
  if (!vantage_detections_) return;
  auto select = db_.Prepare(std::string("SELECT id, vantage, checked_at FROM vantage_checks "
                                        "WHERE ip = ?1 AND port = ?2 AND protocol = ?3 AND ") +
                            kReachableFromUntrusted);
  select.Bind(1, row.ip).Bind(2, static_cast<std::int64_t>(row.port)).Bind(3, row.protocol);
  while (select.Step()) {
    core::Outcome o;
    o.exposure_id = row.id;
    o.kind = core::OutcomeKind::kDetected;
    o.scan.id = 0;  // IsVantageOutcome: not a scan
    o.scan.scanner = "vantage point";
    o.scan.scan_name = select.Text(1);
    o.scan.time = select.Int64(2);
    // Orders checks among scans of the same second, and apart from each other, by their id.
    o.scan.sha256 = "vantage-check-" + std::to_string(select.Int64(0));
    outcomes.push_back(std::move(o));
  }
}

}  // namespace ttmtrack::db::lifecycle
