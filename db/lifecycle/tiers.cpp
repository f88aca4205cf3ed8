// Each exposure's tier (docs/verification.md, "Detection tiers"): the strongest evidence it
// ever had, confirmed when any of its matched detections is.
#include "db/lifecycle/recomputer.hpp"
#include "db/sqlite/database.hpp"

namespace ttmtrack::db::lifecycle {

void Recomputer::StoreExposureTiers() {
  const std::string tier =
      "CASE WHEN EXISTS (SELECT 1 FROM detections d "
      "  WHERE d.rule_id IS NOT NULL AND d.tier = 'confirmed' AND d.ip = exposures.ip "
      "  AND d.port = exposures.port AND d.protocol = exposures.protocol) "
      "THEN 'confirmed' ELSE 'unconfirmed' END";
  // Only rows whose tier changes are written.
  db_.Exec("UPDATE exposures SET tier = " + tier + " WHERE tier <> " + tier);
}

}  // namespace ttmtrack::db::lifecycle
