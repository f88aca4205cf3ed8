#pragma once

#include <chrono>
#include <functional>
#include <vector>

#include "core/vantage_check.hpp"

namespace ttmtrack::evidence {

// A target of an active check: a TCP port of a host.
struct ProbeTarget {
  core::IpAddress address;
  int port = 0;
};

// Checks TTM ports from the machine it runs on, as the detection plugins would: connect, send
// core::Probe(), read the reply and classify it with core::ClassifyReply / core::TierOf, so a
// check and a scan read a port alike (one definition, core/ttm_probe.hpp).
//
// Non-blocking sockets and poll(2), at most `concurrency` connections in flight; each target
// gets `timeout` to connect and, once connected, `timeout` for its reply. Reading stops at the
// peer's close, at 1024 bytes, at the timeout, or 300 ms after the last byte when fewer than
// the signature's 16 bytes are in (a reply that trickles in byte by byte is cut there). A
// connection that stays open without a byte for the whole timeout is a silent listener (no
// whole-second clock here, so kMinSilenceSeconds does not apply).
//
// Outcomes: ECONNREFUSED → refused; no answer → filtered; EHOSTUNREACH, ENETUNREACH, EACCES,
// EPERM (an ICMP "prohibited" or a local firewall) → filtered, with the error as detail;
// connected → the tier of the reply (core::TierOf): confirmed → reachable-confirmed,
// unconfirmed → reachable-unconfirmed, another protocol or a hang-up without a byte →
// other-service. Not thread-safe; Run may be called again. Throws ttmtrack::Error (kIo) only
// when no socket can be made at all (descriptors exhausted).
class PortProber {
 public:
  struct Options {
    std::chrono::milliseconds timeout{4000};
    int concurrency = 256;  // REQUIRES: >= 1; each in flight holds a descriptor
  };

  explicit PortProber(Options options) : options_(options) {}

  // Checks every target; `done` is called once per target as its check ends (in completion
  // order, from this thread). Returns the checks in the order of `targets`.
  std::vector<core::VantageCheck> Run(
      const std::vector<ProbeTarget>& targets,
      const std::function<void(const core::VantageCheck&)>& done = {}) const;

 private:
  Options options_;
};

}  // namespace ttmtrack::evidence
