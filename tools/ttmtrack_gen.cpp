// ttmtrack-gen: writes synthetic Nessus v2 and GVM/OpenVAS scan exports for tests, the bundled
// samples and the benchmark. See `ttmtrack-gen --help` and samples/README.md.
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <Poco/Exception.h>
#include <fmt/core.h>

#include "core/civil_time.hpp"
#include "core/error.hpp"
#include "core/ip_address.hpp"
#include "tools/scangen/big_host_source.hpp"
#include "tools/scangen/host_spec_parser.hpp"
#include "tools/scangen/hostile_strings.hpp"
#include "tools/scangen/scan_file.hpp"

namespace {

using ttmtrack::Error;
namespace sg = ttmtrack::scangen;
namespace core = ttmtrack::core;

struct GenOptions {
  std::string out;
  bool gzip = false;
  std::string scan_name = "Trading subnet - weekly";
  std::string time = "2026-01-05T10:00:00Z";
  std::int64_t duration = 1800;
  std::uint64_t seed = 1;
  std::vector<std::string> hosts;
  bool hostile = false;
  sg::DetectionPlugin detection = sg::OwnDetectionPlugin();
  std::string detect_output;
  bool port_results_on_detection_ports = false;
  std::size_t big_hosts = 0;
  sg::BigScanOptions big;
  std::string first_ip = "10.0.0.1";
  // Nessus
  bool no_policy = false;
  std::string policy_name = "TTM verification";
  std::string plugin_set = "default";
  std::vector<std::string> extra_plugins;
  std::optional<std::size_t> plugin_set_padding;
  std::string port_range = "1-65535";
  std::string targets;
  std::string scanner_version = "10.7.3";
  // GVM
  std::string wrapper = "report";
  std::string run_status = "Done";
  std::string filter;
};

constexpr const char* kHostHelp =
    "A host: ADDRESS[,ITEM]... with items detect=PORT[/PROTO][+PORT..], open=PORT[+PORT..] "
    "(default 22), incomplete, fqdn=NAME, netbios=NAME, os=TEXT, mac=MAC, name=REPORTHOST-NAME, "
    "start=SECONDS. After an IPv4 address the first separator may be ':' "
    "(10.0.0.5:detect=5010); IPv6 may be bracketed. Repeatable.";

void AddCommonOptions(CLI::App& cmd, GenOptions& o) {
  cmd.add_option("--out,-o", o.out, "Output file")->required();
  cmd.add_flag("--gzip", o.gzip, "Compress the output with gzip");
  cmd.add_option("--scan-name", o.scan_name, "Nessus Report name / GVM task name")
      ->capture_default_str();
  cmd.add_option("--time", o.time, "Scan start, ISO 8601 (without a zone: UTC)")
      ->capture_default_str();
  cmd.add_option("--duration", o.duration, "Scan duration in seconds")->capture_default_str();
  cmd.add_option("--seed", o.seed, "Seed for IDs and big-mode variety")->capture_default_str();
  auto* host = cmd.add_option("--host", o.hosts, kHostHelp);
  cmd.add_flag("--hostile", o.hostile,
               "Put markup, quotes, '&', CR/LF and Unicode into names and detection outputs");
  cmd.add_option("--detect-id", o.detection.nessus_id, "Nessus plugin ID of the detection")
      ->capture_default_str();
  cmd.add_option("--detect-oid", o.detection.oid, "GVM NVT OID of the detection")
      ->capture_default_str();
  cmd.add_option("--detect-name", o.detection.name, "Plugin name of the detection")
      ->capture_default_str();
  cmd.add_option("--detect-family", o.detection.family, "Plugin family of the detection")
      ->capture_default_str();
  cmd.add_option("--detect-svc", o.detection.svc_name, "Nessus svc_name of the detection")
      ->capture_default_str();
  cmd.add_option("--detect-output", o.detect_output, "Plugin output of every detection");
  cmd.add_flag("--realistic-svc-names", o.port_results_on_detection_ports,
               "Nessus: also report detection ports open (SYN scanner) with the detection's "
               "svc_name, as real Nessus files do once a service is identified");
  auto* big = cmd.add_option("--hosts", o.big_hosts,
                             "Big mode: this many synthetic hosts, streamed with flat memory");
  big->excludes(host);
  cmd.add_option("--results-per-host", o.big.results_per_host, "Big mode: results per host")
      ->capture_default_str();
  cmd.add_option("--detect-every", o.big.detect_every,
                 "Big mode: every Nth host has a detection (0: none)")
      ->capture_default_str();
  cmd.add_option("--first-ip", o.first_ip, "Big mode: first IPv4 address")->capture_default_str();
}

void AddNessusOptions(CLI::App& cmd, GenOptions& o) {
  cmd.add_flag("--no-policy", o.no_policy, "Write no Policy element (coverage unknown)");
  cmd.add_option("--policy-name", o.policy_name, "Policy name")->capture_default_str();
  cmd.add_option("--plugin-set", o.plugin_set,
                 "default (with the detection plugin), without-ttm, or none (no plugin selection)")
      ->check(CLI::IsMember({"default", "without-ttm", "none"}))
      ->capture_default_str();
  cmd.add_option("--extra-plugin", o.extra_plugins, "Another plugin ID for plugin_set; repeatable");
  cmd.add_option("--plugin-set-size", o.plugin_set_padding,
                 "Extra plausible IDs in plugin_set (default 0, or 60000 in big mode)");
  cmd.add_option("--port-range", o.port_range, "port_range preference, or 'none' to omit it")
      ->capture_default_str();
  cmd.add_option("--targets", o.targets, "TARGET preference (default: the hosts written)");
  cmd.add_option("--scanner-version", o.scanner_version, "Nessus version in plugin 19506")
      ->capture_default_str();
}

void AddGvmOptions(CLI::App& cmd, GenOptions& o) {
  cmd.add_option("--wrapper", o.wrapper,
                 "report (XML download) or get-reports-response (management protocol)")
      ->check(CLI::IsMember({"report", "get-reports-response"}))
      ->capture_default_str();
  cmd.add_option("--run-status", o.run_status, "scan_run_status: Done, Stopped, Interrupted")
      ->capture_default_str();
  cmd.add_option("--filter", o.filter,
                 "Result filter term of the export, e.g. \"min_qod=70 levels=hml rows=100\" "
                 "(default: none stated)");
}

sg::ScanSpec BuildSpec(const GenOptions& o, sg::ExportFormat format) {
  sg::ScanSpec scan;
  scan.format = format;
  scan.scan_name = o.scan_name;
  const core::Parsed<std::int64_t> start = core::ParseIso8601(o.time);
  if (!start) {
    throw Error(Error::Kind::kUsage,
                "--time '" + o.time + "' is not a time: " + std::string(start.reason()));
  }
  scan.start_time = start.value();
  if (o.duration < 0 || o.duration > core::kMaxEpochSeconds - scan.start_time) {
    throw Error(Error::Kind::kUsage, "--duration must be at least 0 and end the scan by 9999");
  }
  scan.duration = o.duration;
  scan.seed = o.seed;
  scan.gzip = o.gzip;
  scan.detection_plugin = o.detection;
  scan.port_results_on_detection_ports = o.port_results_on_detection_ports;
  scan.with_policy = !o.no_policy;
  scan.policy_name = o.policy_name;
  scan.plugin_set = o.plugin_set == "default"       ? sg::PluginSet::kWithTtm
                    : o.plugin_set == "without-ttm" ? sg::PluginSet::kWithoutTtm
                                                    : sg::PluginSet::kAbsent;
  scan.extra_plugin_ids = o.extra_plugins;
  scan.plugin_set_padding = o.plugin_set_padding.value_or(o.big_hosts > 0 ? 60000 : 0);
  if (o.port_range == "none") {
    scan.port_range.reset();
  } else {
    scan.port_range = o.port_range;
  }
  scan.targets = o.targets;
  scan.scanner_version = o.scanner_version;
  scan.gvm_wrapper =
      o.wrapper == "report" ? sg::GvmWrapper::kReportFormat : sg::GvmWrapper::kGetReportsResponse;
  scan.run_status = o.run_status;
  scan.gvm_filter = o.filter;
  return scan;
}

int Generate(const GenOptions& o, sg::ExportFormat format) {
  sg::ScanSpec scan = BuildSpec(o, format);
  sg::WriteStats stats;
  if (o.big_hosts > 0) {
    sg::BigScanOptions big = o.big;
    big.hosts = o.big_hosts;
    big.seed = o.seed;
    const std::optional<ttmtrack::core::IpAddress> first =
        ttmtrack::core::IpAddress::Parse(o.first_ip);
    if (!first || !first->is_v4()) {
      throw Error(Error::Kind::kUsage, "--first-ip '" + o.first_ip + "' is not an IPv4 address");
    }
    big.first_ip = first->v4_value();
    if (big.results_per_host == 0) {
      throw Error(Error::Kind::kUsage, "--results-per-host must be at least 1");
    }
    sg::BigHostSource hosts(scan, big);
    stats = sg::WriteScanFile(scan, hosts, o.out);
  } else {
    std::vector<sg::HostSpec> hosts;
    for (const std::string& text : o.hosts) hosts.push_back(sg::ParseHostSpec(text));
    for (sg::HostSpec& host : hosts) {
      for (sg::DetectionSpec& d : host.detections) {
        if (d.output.empty()) d.output = o.detect_output;
      }
    }
    if (o.hostile) sg::MakeHostile(scan, hosts);
    stats = sg::WriteScanFile(scan, hosts, o.out);
  }
  std::cout << fmt::format("{}: {} hosts, {} results, {} detections, {} bytes of XML{}\n", o.out,
                           stats.hosts, stats.results, stats.detections, stats.bytes,
                           o.gzip ? " (gzip)" : "");
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "ttmtrack-gen: writes synthetic Nessus v2 (.nessus) and GVM/OpenVAS XML scan exports "
      "for ttmtrack's tests, demo samples and benchmark. Output is deterministic: the same "
      "arguments give the same bytes."};
  app.require_subcommand(1);
  app.footer(
      "Examples:\n"
      "  ttmtrack-gen nessus --out jan.nessus --time 2026-01-05T10:00:00Z \\\n"
      "      --host 10.0.0.5:detect=5010 --host 10.0.0.6,incomplete --port-range 1-65535\n"
      "  ttmtrack-gen gvm --out feb.xml --gzip --host 10.0.0.5,fqdn=trd-01.example\n"
      "  ttmtrack-gen nessus --hosts 100000 --results-per-host 20 --detect-every 50 "
      "--out big.nessus\n"
      "Exit codes: 0 ok, 64 usage, 74 cannot write the output.");
  GenOptions options;
  CLI::App* nessus = app.add_subcommand("nessus", "Write a Nessus v2 export");
  CLI::App* gvm = app.add_subcommand("gvm", "Write a GVM/OpenVAS XML report");
  AddCommonOptions(*nessus, options);
  AddNessusOptions(*nessus, options);
  AddCommonOptions(*gvm, options);
  AddGvmOptions(*gvm, options);
  try {
    app.parse(argc, argv);
    return Generate(options, nessus->parsed() ? sg::ExportFormat::kNessus : sg::ExportFormat::kGvm);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : ttmtrack::exit_code::kUsage;
  } catch (const Error& e) {
    std::cerr << "ttmtrack-gen: " << e.what() << '\n';
    return e.ExitCode();
  } catch (const Poco::Exception& e) {
    std::cerr << "ttmtrack-gen: " << e.displayText() << '\n';
    return ttmtrack::exit_code::kIoErr;
  }
}
