#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "tools/scangen/host_source.hpp"
#include "tools/scangen/scan_spec.hpp"

namespace ttmtrack::scangen {

// Settings of a huge synthetic scan for the benchmark.
struct BigScanOptions {
  std::size_t hosts = 100000;
  std::size_t results_per_host = 20;  // exact, detections included (at least 1)
  std::size_t detect_every = 50;      // every Nth host (the first included) has c564e5ab; 0: none
  std::uint64_t seed = 1;
  std::uint32_t first_ip = 0x0A000001;  // 10.0.0.1; hosts take consecutive IPv4 addresses
};

// Hosts of a huge scan, generated on demand from the seed: host i is a pure function of
// (options, i), so every pass yields the same hosts and memory does not depend on the count.
// `scan` is borrowed: result counts depend on its format (Nessus has plugin 19506, GVM has not).
class BigHostSource : public HostSource {
 public:
  BigHostSource(const ScanSpec& scan, const BigScanOptions& options);
  bool Next(HostSpec& host) override;
  void Rewind() override { next_ = 0; }
  std::string TargetText() const override;

 private:
  void Fill(std::size_t index, HostSpec& host) const;
  void FitResultCount(HostSpec& host) const;

  const ScanSpec& scan_;
  BigScanOptions options_;
  std::size_t next_ = 0;
};

}  // namespace ttmtrack::scangen
