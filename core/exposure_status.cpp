#include "core/exposure_status.hpp"

namespace ttmtrack::core {

std::int64_t DeadlinePolicy::SlaDaysFor(const std::string& ip) const {
  const std::optional<IpAddress> address = IpAddress::Parse(ip);
  std::int64_t days = sla_days;
  int best = -1;
  if (!address) return days;
  for (const auto& [network, network_sla] : network_days) {
    if (network.Contains(*address) && network.prefix_length() > best) {
      best = network.prefix_length();
      days = network_sla;
    }
  }
  return days;
}

ExposureStatus AssessExposure(const Exposure& exposure, std::span<const StateChange> changes,
                              std::span<const DecisionRecord> records, const DeadlinePolicy& policy,
                              std::int64_t now) {
  ExposureStatus status;
  status.exposure = exposure;
  status.decision = ResolveDecision(records, exposure, changes, now);
  if (exposure.state != ExposureState::kFixed) {
    status.episode_start = EpisodeStart(exposure, changes);
    if (status.episode_start) {
      status.due = *status.episode_start + policy.SlaDaysFor(exposure.ip) * kSecondsPerDay;
    }
    const bool excused = status.decision && status.decision->IsActive();
    status.overdue = status.due && now > *status.due && !excused;
  }
  if (exposure.last_checked) {
    const std::int64_t age = now - *exposure.last_checked;
    status.days_since_checked = age < 0 ? 0 : age / kSecondsPerDay;
    status.stale = age > policy.stale_days * kSecondsPerDay;
  } else {
    status.stale = true;
  }
  return status;
}

}  // namespace ttmtrack::core
