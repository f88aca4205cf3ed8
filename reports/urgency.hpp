#pragma once

#include <string>
#include <vector>

#include "core/exposure.hpp"

namespace ttmtrack::reports {

// The order of the summary table: the most urgent first (docs/reports.md, "Order").
//   1. reopened (a regression: it was proved fixed and is reachable again),
//   2. open, oldest first_seen first (exposed the longest),
//   3. fixed.
// Within a rank: first_seen ascending (unknown last), then the host in the order every listing
// uses (core::HostKeyLess: IPv4 then IPv6, each numerically, then names), port, protocol, id —
// a total order, so the table never depends on the order the store returned rows in.
bool MoreUrgent(const core::Exposure& a, const core::Exposure& b);

// One host of the summary table with its exposures, most urgent first. Pointers refer into the
// vector given to GroupByHost and are valid while it lives and is not modified.
struct HostGroup {
  std::string ip;
  std::string hostname;         // of its most urgent exposure that has one; may be empty
  core::ExposureState state{};  // of its most urgent exposure
  std::vector<const core::Exposure*> exposures;
};

// Groups exposures by IP; groups are ordered by their most urgent exposure (MoreUrgent).
std::vector<HostGroup> GroupByHost(const std::vector<core::Exposure>& exposures);

// 0 reopened, 1 open, 2 fixed.
int UrgencyRank(core::ExposureState state);

}  // namespace ttmtrack::reports
