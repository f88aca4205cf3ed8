// Reads one export with the importer and prints what it emitted, for inspection by hand: the
// scan's facts and a count by default, every record with --records. Speed and memory are
// measured by `ttmtrack-bench importer` (docs/benchmark.md).
#include <cstdint>
#include <cstring>
#include <iostream>
#include <string>

#include "core/error.hpp"
#include "importer/export_reader.hpp"

namespace {

class PrintingSink : public ttmtrack::core::ScanSink {
 public:
  explicit PrintingSink(bool records) : records_(records) {}
  void BeginScan(const ttmtrack::core::ScanInfo& scan) override {
    if (records_) std::cout << "scan " << scan.scanner << " '" << scan.scan_name << "'\n";
  }
  void Host(const ttmtrack::core::HostRecord& host) override {
    ++hosts_;
    if (records_) {
      std::cout << "host ip=" << host.ip << " name=" << host.name << " fqdn=" << host.fqdn
                << " os=" << host.os << " start=" << host.started_at.value_or(-1)
                << " end=" << host.ended_at.value_or(-1) << " line=" << host.line << "\n";
    }
  }
  void Result(const ttmtrack::core::ResultRecord& result) override {
    ++results_;
    output_bytes_ += result.output.size();
    if (records_) {
      std::cout << "result " << result.host_ip << " " << result.port << "/" << result.protocol
                << " " << result.plugin_id << " sev=" << result.severity << " ("
                << result.severity_label << ") " << result.plugin_name << " line=" << result.line
                << "\n";
    }
  }
  void EndScan(const ttmtrack::core::ScanInfo& scan,
               const ttmtrack::core::ScanCoverage& coverage) override {
    std::cout << "end: scanner=" << scan.scanner << " version=" << scan.scanner_version
              << " policy='" << scan.policy_name << "' started=" << scan.started_at.value_or(-1)
              << " ended=" << scan.ended_at.value_or(-1) << " plugins="
              << (coverage.enabled_plugin_ids ? coverage.enabled_plugin_ids->size() : 0)
              << " port_range=" << coverage.port_range.value_or("?") << "\n";
    if (const auto& f = coverage.result_filter) {
      auto n = [](const auto& value) {
        return value ? std::to_string(static_cast<std::int64_t>(*value)) : std::string("?");
      };
      std::cout << "filter: term='" << f->term << "' min_qod=" << n(f->min_qod)
                << " levels=" << f->levels.value_or("?") << " first=" << n(f->first)
                << " rows=" << n(f->rows) << " filtered=" << n(f->filtered_count)
                << " full=" << n(f->full_count) << " in_export=" << f->results_in_export << "\n";
    }
  }
  std::int64_t hosts_ = 0, results_ = 0;
  std::size_t output_bytes_ = 0;

 private:
  bool records_;
};

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: ttmtrack_import_dump FILE [--records]\n";
    return 64;
  }
  const bool records = argc > 2 && std::strcmp(argv[2], "--records") == 0;
  PrintingSink sink(records);
  try {
    ttmtrack::importer::ReadExport(argv[1], {}, sink);
  } catch (const ttmtrack::Error& e) {
    std::cerr << e.what() << "\n";
    return e.ExitCode();
  }
  std::cout << "hosts=" << sink.hosts_ << " results=" << sink.results_
            << " output_bytes=" << sink.output_bytes_ << "\n";
  return 0;
}
