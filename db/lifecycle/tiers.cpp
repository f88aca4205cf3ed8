// Each exposure's tier (docs/verification.md, "Detection tiers"): the strongest evidence it
// ever had, confirmed when any of its matched detections is, or any check from an untrusted
// vantage point that found the signature (docs/verification.md, "Vantage-point checks").
#include "db/lifecycle/recomputer.hpp"
#include "db/sql/connection.hpp"

namespace ttmtrack::db::lifecycle {

void Recomputer::StoreExposureTiers() {
  const std::string tier =
      "CASE WHEN EXISTS (SELECT 1 FROM detections d "
      "  WHERE d.rule_id IS NOT NULL AND d.tier = 'confirmed' AND d.ip = exposures.ip "
      "  AND d.port = exposures.port AND d.protocol = exposures.protocol) "
      "OR EXISTS (SELECT 1 FROM vantage_checks v WHERE v.untrusted = 1 "
      "  AND v.outcome = 'reachable-confirmed' AND v.ip = exposures.ip "
      "  AND v.port = exposures.port AND v.protocol = exposures.protocol) "
      "THEN 'confirmed' ELSE 'unconfirmed' END";
  // Only rows whose tier changes are written.
  db_.Exec("UPDATE exposures SET tier = " + tier + " WHERE tier <> " + tier);
}

}  // namespace ttmtrack::db::lifecycle
