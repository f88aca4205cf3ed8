#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "core/exposure.hpp"
#include "core/ip_network.hpp"
#include "core/lifecycle.hpp"
#include "core/triage.hpp"

// What `status` and the reports say about an exposure beyond its evidence-based state: the
// triage decision on it (core/triage.hpp), its remediation deadline and whether scans still look
// at it (docs/triage.md, "Deadlines" and "Stale exposures"). Pure functions; nothing throws.
namespace ttmtrack::core {

inline constexpr std::int64_t kSecondsPerDay = 86400;

// The settings sla.days, sla.network-days and stale.days (core/setting_catalogue.hpp), typed.
struct DeadlinePolicy {
  std::int64_t sla_days = 30;
  // Per network: the most specific network holding the host decides (longest prefix); hosts in
  // none take sla_days.
  std::vector<std::pair<IpNetwork, std::int64_t>> network_days;
  std::int64_t stale_days = 14;

  // The days to fix an exposure on host key `ip`.
  std::int64_t SlaDaysFor(const std::string& ip) const;
};

struct ExposureStatus {
  Exposure exposure;
  std::optional<ExposureDecision> decision;
  // When the current episode began (first detection or latest reopening); nullopt when fixed.
  std::optional<std::int64_t> episode_start;
  // episode_start + the host's SLA days; nullopt when fixed.
  std::optional<std::int64_t> due;
  // Not fixed, past `due`, and no active decision (an accepted risk, a compensating control or
  // a false positive) stands on it.
  bool overdue = false;
  // No scan covered it (could have seen it) for more than stale_days, or none ever did.
  bool stale = false;
  // Whole days since the latest covering scan; nullopt when none.
  std::optional<std::int64_t> days_since_checked;
};

// The status of `exposure` at `now`: `changes` are its lifecycle's state changes in timeline
// order (LifecycleResult::changes), `records` every stored decision record.
ExposureStatus AssessExposure(const Exposure& exposure, std::span<const StateChange> changes,
                              std::span<const DecisionRecord> records, const DeadlinePolicy& policy,
                              std::int64_t now);

}  // namespace ttmtrack::core
