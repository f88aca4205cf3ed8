#include "core/vantage_check.hpp"

#include "core/ascii_text.hpp"

namespace ttmtrack::core {

bool IsReachable(VantageOutcome outcome) {
  return outcome == VantageOutcome::kReachableConfirmed ||
         outcome == VantageOutcome::kReachableUnconfirmed;
}

std::string DescribeEvidence(const VantageCheck& check) {
  std::string text;
  if (!check.sent.empty()) text += "sent " + HexLower(check.sent) + "; ";
  text += check.reply.empty() ? std::string("received nothing")
                              : "received " + std::to_string(check.reply.size()) + " bytes " +
                                    HexLower(check.reply);
  text += "; waited " + std::to_string(check.waited_ms) + " ms";
  if (!check.detail.empty()) text += "; " + check.detail;
  return text;
}

}  // namespace ttmtrack::core
