#pragma once

#include <cstdint>
#include <string>

#include "core/ip_address.hpp"

namespace ttmtrack::core {

// What one active check of a TTM port from a vantage point found (`ttmtrack verify`,
// docs/verification.md "Vantage-point checks"): the connection attempt's result, read with the
// plugins' own probe and classifier (core/ttm_probe.hpp).
enum class VantageOutcome {
  kReachableConfirmed,    // connected; the reply carries the signature (the confirmed tier)
  kReachableUnconfirmed,  // connected; silent until the timeout, a TTM frame, or unrecognised
                          // bytes (the unconfirmed tier)
  kRefused,               // the host answered the SYN with a reset (or ICMP port unreachable)
  kFiltered,              // no answer within the timeout, or an ICMP "prohibited/unreachable"
  kOtherService,          // connected; another protocol answered, or the peer hung up unasked
};

// True for the two reachable outcomes: a TTM listener answered the connection.
bool IsReachable(VantageOutcome outcome);

// One check of one target. Bytes are kept as received (attacker-controlled: escape to show).
struct VantageCheck {
  IpAddress address;
  int port = 0;
  VantageOutcome outcome = VantageOutcome::kFiltered;
  std::string sent;     // the probe, when a connection was made
  std::string reply;    // the bytes that came back (at most 1024)
  std::string service;  // kOtherService: "http", "echo", "closed without a reply", ...
  // How long the check waited: for the connection when it was not made, else for the reply
  // (for a silent listener: how long it stayed silent). Milliseconds.
  std::int64_t waited_ms = 0;
  std::string detail;  // one line: "connection refused", "no answer within 2 s", ...
};

// The check's evidence in one line, bytes in hex: "sent 0a1b...; received 12 bytes 4854...;
// waited 2000 ms; no answer within 2 s" (history and the reports show it).
std::string DescribeEvidence(const VantageCheck& check);

// A check as stored (`ttmtrack verify`): where from, when, and what it found.
struct VantageCheckRecord {
  std::string vantage;          // the vantage point's name (--from)
  bool untrusted = true;        // false: the vantage point is inside the trusted networks
  std::int64_t checked_at = 0;  // epoch seconds UTC
  VantageCheck check;
  // A reachable listener from an untrusted vantage point: a detection for the lifecycle.
  bool IsDetection() const { return untrusted && IsReachable(check.outcome); }
};

}  // namespace ttmtrack::core
