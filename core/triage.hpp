#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/exposure.hpp"
#include "core/ip_network.hpp"
#include "core/lifecycle.hpp"

// Triage decisions: what a person decided about an exposure, beside what the scans prove.
// docs/triage.md is the full statement of the rules below; tests/core/triage_test.cpp has a
// named scenario for each.
//
// Design note.
//  - A decision is an append-only record (DecisionRecord): who, when, why, until, ticket.
//    Revoking or superseding adds a record; none is ever edited or deleted.
//  - The lifecycle state (open, fixed, reopened) stays decided by evidence alone
//    (core/lifecycle.hpp). A decision is an overlay, resolved for one exposure at one time by
//    ResolveDecision from the records, the exposure and its state changes. Nothing stored is
//    derived from decisions, so no import, re-import, rule change or recomputation touches one.
//  - Invariants (cited by the tests as T1..T6):
//    T1 The record that applies to an exposure: for every target covering it, that target's
//       latest record (made_at, then id); targets whose latest record is a revoke drop out; of
//       the rest the most specific target wins (exposure, then the longest prefix), then the
//       latest record.
//    T2 An acceptance or compensating control lapses at its `until`: status lapsed from then on,
//       the record kept.
//    T3 A verified fix (a change to fixed at a scan dated at or after the decision) closes an
//       acceptance or compensating control: status closed.
//    T4 A reopening after such a fix does not inherit the closed decision, unless the record
//       says it survives reopening (`--survives-reopen`): then it is active again.
//    T5 A false positive stays a false positive whatever the scans say (it may lapse by its
//       `until`); when the exposure was detected after the decision, detected_again_at says
//       when (the latest such detection).
//    T6 Decisions on an address or network cover every exposure there, including exposures
//       first detected after the decision.
namespace ttmtrack::core {

enum class DecisionKind { kAccept, kFalsePositive, kCompensatingControl, kRevoke };

// How a decision stands for one exposure at one time.
enum class DecisionStatus { kActive, kLapsed, kClosed };

// What a decision names: one exposure (IP:PORT[/PROTO]) or every exposure of an address or a
// network, now and later (IP, CIDR). Pure value type; nothing throws.
class TriageTarget {
 public:
  // Forms: "10.0.0.5:5010", "10.0.0.5:5010/tcp", "[2001:db8::5]:5010/udp" (one exposure; the
  // protocol defaults to tcp, case ignored), "10.0.0.5", "2001:db8::5" (one host),
  // "10.0.0.0/8", "2001:db8::/32" (a network; core::IpNetwork::Parse's rules). nullopt and
  // `*problem` (when given) otherwise.
  static std::optional<TriageTarget> Parse(std::string_view text, std::string* problem = nullptr);

  // Whether this target names the exposure at host key `ip` (core::HostKey text), `port`,
  // `protocol`. A host known only by a name is covered by no target.
  bool Covers(const std::string& ip, std::uint16_t port, const std::string& protocol) const;
  // Canonical text: "10.0.0.5:5010/tcp", "[2001:db8::5]:5010/tcp", "10.0.0.5", "10.0.0.0/8".
  // Parse(ToString()) gives the same target.
  std::string ToString() const;
  bool names_exposure() const { return port_.has_value(); }
  // Higher wins (T1): an exposure above every network; a network by its prefix length.
  int Specificity() const;

  friend bool operator==(const TriageTarget&, const TriageTarget&) = default;

 private:
  IpNetwork network_;
  std::optional<std::uint16_t> port_;
  std::string protocol_;  // "tcp" or "udp" when port_ is set
};

// One stored decision record (schema table triage_decisions). Times are epoch seconds UTC.
struct DecisionRecord {
  std::int64_t id = 0;  // order of recording; ties of made_at break by it
  TriageTarget target;
  DecisionKind kind = DecisionKind::kAccept;
  std::string reason;  // free text from a person: untrusted, escaped wherever shown
  std::string by;      // likewise
  std::int64_t made_at = 0;
  std::optional<std::int64_t> until;  // lapses at this time (T2)
  std::string ticket;                 // may be empty
  bool survives_reopen = false;       // T4
};

// The decision that applies to one exposure at one time (ResolveDecision).
struct ExposureDecision {
  DecisionRecord record;
  DecisionStatus status = DecisionStatus::kActive;
  // lapsed: the record's until; closed: the scan time of the verified fix that closed it.
  std::optional<std::int64_t> ended_at;
  // False positives (T5): the latest detection after the decision; nullopt when none.
  std::optional<std::int64_t> detected_again_at;
  // Active and of a kind that takes the exposure off the remediation list (every kind but
  // revoke, which never applies): not overdue.
  bool IsActive() const { return status == DecisionStatus::kActive; }
};

// The decision on `exposure` at `now` from `records` (any order), given the exposure's state
// changes in timeline order (core::LifecycleResult::changes). nullopt when no record applies.
// Records made after `now` are ignored.
std::optional<ExposureDecision> ResolveDecision(std::span<const DecisionRecord> records,
                                                const Exposure& exposure,
                                                std::span<const StateChange> changes,
                                                std::int64_t now);

// When the exposure's current episode began: the scan time of its first detection, or of its
// latest reopening (the latest change to open or reopened). nullopt when it has none.
std::optional<std::int64_t> EpisodeStart(const Exposure& exposure,
                                         std::span<const StateChange> changes);

}  // namespace ttmtrack::core
