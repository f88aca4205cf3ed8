#pragma once

// Synthetic scans for the store tests: what an importer would emit, driven straight into a
// core::ScanSink, so the db tests need no importer (STYLE.md §1: db does not link it).

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/detection_constants.hpp"
#include "core/scan_sink.hpp"

namespace ttmtrack::testing {

struct FakeScan {
  core::ScanInfo info;
  core::ScanCoverage coverage;
  std::vector<core::HostRecord> hosts;
  std::vector<core::ResultRecord> results;
  bool results_first = false;  // GVM order: results before hosts

  // A reader for Store::ImportScan: BeginScan, hosts and results, EndScan.
  std::function<void(core::ScanSink&)> Reader() const {
    return [this](core::ScanSink& sink) {
      sink.BeginScan(info);
      if (results_first) {
        for (const auto& r : results) sink.Result(r);
        for (const auto& h : hosts) sink.Host(h);
      } else {
        for (const auto& h : hosts) sink.Host(h);
        for (const auto& r : results) sink.Result(r);
      }
      sink.EndScan(info, coverage);
    };
  }

  // Sink calls Reader() makes: BeginScan + hosts + results + EndScan.
  int SinkCalls() const { return 2 + static_cast<int>(hosts.size() + results.size()); }

  FakeScan& Host(const std::string& ip,
                 core::HostCompletion completion = core::HostCompletion::kCompleted) {
    core::HostRecord host;
    host.ip = ip;
    host.name = ip;
    host.completion = completion;
    hosts.push_back(host);
    return *this;
  }

  // A result on (ip, port/tcp) of plugin `plugin_id`.
  FakeScan& Result(const std::string& ip, std::uint16_t port, const std::string& plugin_id,
                   const std::string& plugin_name = "Generic check",
                   const std::string& protocol = "tcp") {
    core::ResultRecord r;
    r.host_ip = ip;
    r.host_name = ip;
    r.port = port;
    r.protocol = protocol;
    r.plugin_id = plugin_id;
    r.plugin_name = plugin_name;
    r.severity = 2;
    r.severity_label = "2";
    r.output = "listener answered on " + std::to_string(port);
    results.push_back(r);
    return *this;
  }

  // c564e5ab by the project's own plugin ID of this scan's format.
  FakeScan& Detect(const std::string& ip, std::uint16_t port = 5010,
                   const std::string& protocol = "tcp") {
    const bool nessus = info.format == core::ScanFormat::kNessusV2;
    return Result(ip, port, std::string(nessus ? core::kOwnNessusPluginId : core::kOwnOpenVasOid),
                  "TTM command channel detection", protocol);
  }

  // c564e5ab by the unconfirmed-listener plugin's ID of this scan's format, with its evidence.
  FakeScan& DetectUnconfirmed(const std::string& ip, std::uint16_t port = 5010) {
    const bool nessus = info.format == core::ScanFormat::kNessusV2;
    Result(
        ip, port,
        std::string(nessus ? core::kOwnUnconfirmedNessusPluginId : core::kOwnUnconfirmedOpenVasOid),
        "Trading Technologies Messaging (TTM) Possible ttm_cmd Listener (Unconfirmed)");
    results.back().output = "sent 17 bytes; no reply; silent for 5 s";
    return *this;
  }
};

// A Nessus scan whose policy enables the project's plugin and scans every port: a scan that
// can verify a fix. `time` is its start.
inline FakeScan NessusScan(const std::string& sha, std::int64_t time) {
  FakeScan scan;
  scan.info.file_name = sha + ".nessus";
  scan.info.sha256 = sha;
  scan.info.format = core::ScanFormat::kNessusV2;
  scan.info.scanner = "Nessus";
  scan.info.scan_name = "weekly";
  scan.info.started_at = time;
  scan.info.ended_at = time + 600;
  scan.coverage.enabled_plugin_ids =
      std::vector<std::string>{"10107", "11219", std::string(core::kOwnNessusPluginId)};
  scan.coverage.port_range = "all";
  return scan;
}

// An OpenVAS report: no scan configuration, results before hosts.
inline FakeScan GvmScan(const std::string& sha, std::int64_t time) {
  FakeScan scan;
  scan.info.file_name = sha + ".xml";
  scan.info.sha256 = sha;
  scan.info.format = core::ScanFormat::kGvm;
  scan.info.scanner = "OpenVAS";
  scan.info.scan_name = "nightly";
  scan.info.run_status = "Done";
  scan.info.started_at = time;
  scan.results_first = true;
  return scan;
}

}  // namespace ttmtrack::testing
