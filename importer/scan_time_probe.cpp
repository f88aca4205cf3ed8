#include "importer/scan_time_probe.hpp"

namespace ttmtrack::importer {
namespace {

// Thrown by the sink to stop ReadExport once the time is known: the reader is pull-driven
// inside ReadExport and the ScanSink contract has no "stop", so unwinding is the only way out
// that reads no further. It never leaves ReadScanStartHint.
struct StopReading {};

class TimeProbeSink : public core::ScanSink {
 public:
  void BeginScan(const core::ScanInfo& scan) override { Found(scan.started_at); }
  void Host(const core::HostRecord& host) override { Found(host.started_at); }
  void Result(const core::ResultRecord&) override {}
  void EndScan(const core::ScanInfo& scan, const core::ScanCoverage&) override {
    time_ = scan.started_at ? scan.started_at : scan.ended_at;
  }

  std::optional<std::int64_t> time() const { return time_; }

 private:
  void Found(std::optional<std::int64_t> time) {
    if (!time) return;
    time_ = time;
    throw StopReading{};
  }

  std::optional<std::int64_t> time_;
};

}  // namespace

std::optional<std::int64_t> ReadScanStartHint(const std::string& path, const ReadOptions& options) {
  TimeProbeSink sink;
  ReadOptions probe_options = options;
  probe_options.progress = nullptr;
  // It stops after the first host or so: reading ahead would only read blocks it never parses.
  probe_options.read_ahead = false;
  try {
    ReadExport(path, probe_options, sink);
  } catch (const StopReading&) {
    // The time is known; the rest of the file is not needed.
  }
  return sink.time();
}

}  // namespace ttmtrack::importer
