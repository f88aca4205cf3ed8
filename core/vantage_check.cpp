#include "core/vantage_check.hpp"

namespace ttmtrack::core {

const char* ToString(VantageOutcome outcome) {
  switch (outcome) {
    case VantageOutcome::kReachableConfirmed: return "reachable-confirmed";
    case VantageOutcome::kReachableUnconfirmed: return "reachable-unconfirmed";
    case VantageOutcome::kRefused: return "refused";
    case VantageOutcome::kFiltered: return "filtered";
    case VantageOutcome::kOtherService: return "other-service";
  }
  return "filtered";
}

bool IsReachable(VantageOutcome outcome) {
  return outcome == VantageOutcome::kReachableConfirmed ||
         outcome == VantageOutcome::kReachableUnconfirmed;
}

}  // namespace ttmtrack::core
