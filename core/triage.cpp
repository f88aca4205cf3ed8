#include "core/triage.hpp"

#include <algorithm>
#include <charconv>
#include <map>
#include <tuple>

#include "core/ascii_text.hpp"

namespace ttmtrack::core {
namespace {

std::optional<std::uint16_t> ParsePort(std::string_view text) {
  unsigned value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size() || value == 0 ||
      value > 65535) {
    return std::nullopt;
  }
  return static_cast<std::uint16_t>(value);
}

bool Fail(std::string* problem, std::string text) {
  if (problem != nullptr) *problem = std::move(text);
  return false;
}

// "PORT[/PROTO]" into port and protocol.
bool ParsePortAndProtocol(std::string_view text, std::uint16_t& port, std::string& protocol,
                          std::string* problem) {
  const std::size_t slash = text.find('/');
  const std::optional<std::uint16_t> parsed = ParsePort(text.substr(0, slash));
  if (!parsed) return Fail(problem, "the port is not a number from 1 to 65535");
  port = *parsed;
  protocol = slash == std::string_view::npos ? "tcp" : ToLower(text.substr(slash + 1));
  if (protocol != "tcp" && protocol != "udp")
    return Fail(problem, "the protocol is not tcp or udp");
  return true;
}

// The records that a newer one for the same target supersedes are dropped; so are targets
// whose newest record is a revoke (T1).
std::vector<const DecisionRecord*> CurrentPerTarget(std::span<const DecisionRecord> records,
                                                    const Exposure& exposure, std::int64_t now) {
  std::map<std::string, const DecisionRecord*> latest;
  for (const DecisionRecord& record : records) {
    if (record.made_at > now) continue;
    if (!record.target.Covers(exposure.ip, exposure.port, exposure.protocol)) continue;
    const DecisionRecord*& slot = latest[record.target.ToString()];
    if (slot == nullptr ||
        std::tie(record.made_at, record.id) > std::tie(slot->made_at, slot->id)) {
      slot = &record;
    }
  }
  std::vector<const DecisionRecord*> current;
  for (const auto& [target, record] : latest) {
    if (record->kind != DecisionKind::kRevoke) current.push_back(record);
  }
  return current;
}

}  // namespace

std::optional<TriageTarget> TriageTarget::Parse(std::string_view text, std::string* problem) {
  TriageTarget target;
  std::string_view address = text;
  std::string_view port_text;
  if (!text.empty() && text.front() == '[') {
    const std::size_t close = text.find(']');
    if (close == std::string_view::npos || close + 1 >= text.size() || text[close + 1] != ':') {
      Fail(problem, "expected [IPv6]:PORT[/PROTO]");
      return std::nullopt;
    }
    address = text.substr(1, close - 1);
    port_text = text.substr(close + 2);
  } else if (std::count(text.begin(), text.end(), ':') == 1) {
    const std::size_t colon = text.find(':');
    address = text.substr(0, colon);
    port_text = text.substr(colon + 1);
  }
  if (!port_text.empty() || address.size() != text.size()) {
    std::uint16_t port = 0;
    if (!ParsePortAndProtocol(port_text, port, target.protocol_, problem)) return std::nullopt;
    target.port_ = port;
    const std::optional<IpAddress> ip = IpAddress::Parse(address);
    if (!ip) {
      Fail(problem, "'" + std::string(address) + "' is not an IP address");
      return std::nullopt;
    }
    target.network_ = IpNetwork::Containing(*ip, ip->bit_length());
    return target;
  }
  std::string network_problem;
  const std::optional<IpNetwork> network = IpNetwork::Parse(text, &network_problem);
  if (!network) {
    Fail(problem, network_problem);
    return std::nullopt;
  }
  target.network_ = *network;
  return target;
}

bool TriageTarget::Covers(const std::string& ip, std::uint16_t port,
                          const std::string& protocol) const {
  const std::optional<IpAddress> address = IpAddress::Parse(ip);
  if (!address || !network_.Contains(*address)) return false;
  return !port_ || (*port_ == port && protocol_ == protocol);
}

std::string TriageTarget::ToString() const {
  const IpAddress& address = network_.address();
  const bool host = network_.prefix_length() == address.bit_length();
  if (!host) return network_.ToString();
  if (!port_) return address.ToString();
  const std::string ip = address.is_v4() ? address.ToString() : "[" + address.ToString() + "]";
  return ip + ":" + std::to_string(*port_) + "/" + protocol_;
}

int TriageTarget::Specificity() const { return port_ ? 1000 : network_.prefix_length(); }

std::optional<std::int64_t> EpisodeStart(const Exposure& exposure,
                                         std::span<const StateChange> changes) {
  for (auto it = changes.rbegin(); it != changes.rend(); ++it) {
    if (it->state != ExposureState::kFixed) return it->scan_time;
  }
  return exposure.first_seen;
}

std::optional<ExposureDecision> ResolveDecision(std::span<const DecisionRecord> records,
                                                const Exposure& exposure,
                                                std::span<const StateChange> changes,
                                                std::int64_t now) {
  const std::vector<const DecisionRecord*> current = CurrentPerTarget(records, exposure, now);
  if (current.empty()) return std::nullopt;
  const DecisionRecord* chosen = *std::max_element(
      current.begin(), current.end(), [](const DecisionRecord* a, const DecisionRecord* b) {
        return std::make_tuple(a->target.Specificity(), a->made_at, a->id) <
               std::make_tuple(b->target.Specificity(), b->made_at, b->id);
      });
  ExposureDecision decision;
  decision.record = *chosen;
  const DecisionRecord& record = decision.record;
  std::optional<std::int64_t> fixed_at;  // T3: the first verified fix at or after the decision
  if (record.kind != DecisionKind::kFalsePositive) {
    for (const StateChange& change : changes) {
      if (change.state == ExposureState::kFixed && change.scan_time >= record.made_at &&
          change.scan_time <= now) {
        fixed_at = change.scan_time;
        break;
      }
    }
  }
  const bool lapsed = record.until && *record.until <= now;
  if (fixed_at && (!lapsed || *fixed_at < *record.until)) {
    const bool reopened = exposure.state != ExposureState::kFixed;
    if (!(reopened && record.survives_reopen)) {
      decision.status = DecisionStatus::kClosed;
      decision.ended_at = fixed_at;
      return decision;
    }
  }
  if (lapsed) {
    decision.status = DecisionStatus::kLapsed;
    decision.ended_at = record.until;
  }
  if (record.kind == DecisionKind::kFalsePositive && exposure.last_seen &&
      *exposure.last_seen > record.made_at) {
    decision.detected_again_at = exposure.last_seen;
  }
  return decision;
}

}  // namespace ttmtrack::core
