#pragma once

#include "core/host_record.hpp"
#include "core/result_record.hpp"
#include "core/scan_coverage.hpp"
#include "core/scan_info.hpp"

namespace ttmtrack::core {

// Receives what an importer reads, as it reads it (leveldb's Reporter, Zeek's events): the
// parsers know nothing of SQLite, and tests and fuzzers plug in their own sink.
//
// Call order for one export: BeginScan once; then Host and Result in the order the file has
// them (GVM puts results before hosts; a host may come twice; a result may name a host never
// given a Host record); then EndScan once, only if the whole file parsed. A parse error is
// thrown between these calls and EndScan is not called: the caller discards what the sink got.
// References passed in are valid only for the duration of the call.
class ScanSink {
 public:
  virtual ~ScanSink() = default;
  virtual void BeginScan(const ScanInfo& scan) = 0;
  virtual void Host(const HostRecord& host) = 0;
  virtual void Result(const ResultRecord& result) = 0;
  // Final scan facts: times and status known only at the end, and the coverage.
  virtual void EndScan(const ScanInfo& scan, const ScanCoverage& coverage) = 0;
};

}  // namespace ttmtrack::core
