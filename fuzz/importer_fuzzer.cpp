// libFuzzer harness for the importer: any bytes, both formats (the root element decides), plain
// or gzip. A ttmtrack::Error is the expected answer to bad input; anything else escaping, a
// crash, a leak or a sanitizer report is a finding. Built as a libFuzzer binary with
// TTMTRACK_BUILD_FUZZERS=ON and clang, and always linked into the replay driver
// (replay_main.cpp) so GCC builds run every seed and regression through the same code.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "core/error.hpp"
#include "fuzz/read_once.hpp"
#include "importer/export_reader.hpp"

namespace {

// Touches every field so a sanitizer sees any read of bad memory in what the readers built.
class ConsumingSink : public ttmtrack::core::ScanSink {
 public:
  void BeginScan(const ttmtrack::core::ScanInfo& scan) override { Touch(scan.scan_name); }
  void Host(const ttmtrack::core::HostRecord& host) override {
    Touch(host.ip);
    Touch(host.name);
    Touch(host.os);
    checksum_ += host.open_tcp_ports.size();
  }
  void Result(const ttmtrack::core::ResultRecord& result) override {
    Touch(result.host_ip);
    Touch(result.plugin_id);
    Touch(result.output);
    checksum_ += result.port;
  }
  void EndScan(const ttmtrack::core::ScanInfo& scan,
               const ttmtrack::core::ScanCoverage& coverage) override {
    Touch(scan.scanner_version);
    if (coverage.enabled_plugin_ids) checksum_ += coverage.enabled_plugin_ids->size();
    ended_ = true;
  }
  bool ended() const { return ended_; }

 private:
  void Touch(const std::string& text) {
    for (const char c : text) checksum_ += static_cast<unsigned char>(c);
  }
  std::size_t checksum_ = 0;
  bool ended_ = false;
};

}  // namespace

namespace ttmtrack::fuzz {

ReadOutcome ReadOnce(const std::uint8_t* data, std::size_t size) {
  std::istringstream bytes(std::string(reinterpret_cast<const char*>(data), size));
  ConsumingSink sink;
  importer::ReadOptions options;
  options.nessus_local_utc_offset_seconds = 3600;
  ReadOutcome outcome;
  try {
    importer::ReadExportStream(bytes, "fuzz-input", options, sink);
  } catch (const Error& error) {
    outcome.error = error.what();  // rejected input: the normal outcome for most fuzz inputs
  }
  outcome.ended = sink.ended();
  return outcome;
}

}  // namespace ttmtrack::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  ttmtrack::fuzz::ReadOnce(data, size);
  return 0;
}
