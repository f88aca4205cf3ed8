#include "reports/urgency.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <tuple>

#include "core/host_key.hpp"
#include "reports/display_time.hpp"

namespace ttmtrack::reports {
namespace {

// Known times sort before unknown ones.
std::tuple<bool, std::int64_t> TimeKey(std::optional<std::int64_t> time) {
  return IsKnownTime(time) ? std::tuple(false, *time) : std::tuple(true, std::int64_t{0});
}

}  // namespace

int UrgencyRank(core::ExposureState state) {
  switch (state) {
    case core::ExposureState::kReopened: return 0;
    case core::ExposureState::kOpen: return 1;
    case core::ExposureState::kFixed: return 2;
  }
  return 3;
}

bool MoreUrgent(const core::Exposure& a, const core::Exposure& b) {
  const auto head_a = std::tuple(UrgencyRank(a.state), TimeKey(a.first_seen));
  const auto head_b = std::tuple(UrgencyRank(b.state), TimeKey(b.first_seen));
  if (head_a != head_b) return head_a < head_b;
  if (a.ip != b.ip) return core::HostKeyLess(a.ip, b.ip);
  return std::tie(a.port, a.protocol, a.id) < std::tie(b.port, b.protocol, b.id);
}

std::vector<HostGroup> GroupByHost(const std::vector<core::Exposure>& exposures) {
  std::vector<const core::Exposure*> sorted;
  sorted.reserve(exposures.size());
  for (const core::Exposure& exposure : exposures) sorted.push_back(&exposure);
  std::sort(sorted.begin(), sorted.end(),
            [](const core::Exposure* a, const core::Exposure* b) { return MoreUrgent(*a, *b); });

  // Groups appear in the order of their most urgent exposure, which is the first one met.
  std::vector<HostGroup> groups;
  std::map<std::string, std::size_t> index_of_ip;
  for (const core::Exposure* exposure : sorted) {
    const auto [it, inserted] = index_of_ip.emplace(exposure->ip, groups.size());
    if (inserted) {
      HostGroup group;
      group.ip = exposure->ip;
      group.state = exposure->state;
      groups.push_back(std::move(group));
    }
    HostGroup& group = groups[it->second];
    group.exposures.push_back(exposure);
    if (group.hostname.empty()) group.hostname = exposure->hostname;
  }
  return groups;
}

}  // namespace ttmtrack::reports
