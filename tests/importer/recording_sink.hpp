#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/scan_sink.hpp"

namespace ttmtrack::importer::testing {

// A ScanSink that keeps everything it receives, in order, so tests can assert on exactly what
// a reader emitted (and on the call order the ScanSink contract promises).
class RecordingSink : public core::ScanSink {
 public:
  void BeginScan(const core::ScanInfo& scan) override {
    calls.emplace_back("BeginScan");
    begin = scan;
  }
  void Host(const core::HostRecord& host) override {
    calls.emplace_back("Host");
    hosts.push_back(host);
  }
  void Result(const core::ResultRecord& result) override {
    calls.emplace_back("Result");
    results.push_back(result);
  }
  void EndScan(const core::ScanInfo& scan, const core::ScanCoverage& scan_coverage) override {
    calls.emplace_back("EndScan");
    end = scan;
    coverage = scan_coverage;
  }

  std::vector<std::string> calls;
  std::optional<core::ScanInfo> begin;
  std::optional<core::ScanInfo> end;
  std::optional<core::ScanCoverage> coverage;
  std::vector<core::HostRecord> hosts;
  std::vector<core::ResultRecord> results;
};

}  // namespace ttmtrack::importer::testing
