#include "tools/scangen/report_items.hpp"

#include <array>

#include <fmt/core.h>

#include "core/civil_time.hpp"
#include "core/detection_constants.hpp"

namespace ttmtrack::scangen {
namespace {

// Plugin 19506's "Scan Start Date" layout: "2026/1/5 10:00", nothing zero-padded but minutes.
std::string NessusScanDate(std::int64_t epoch) {
  const core::CivilTime civil = core::ToCivilTime(epoch).value();
  return fmt::format("{}/{}/{} {}:{:02}", civil.year, civil.month, civil.day, civil.hour,
                     civil.minute);
}

// Static text of a filler result. IDs and names are the public ones of common informational
// plugins, so generated files look like real exports to a human reader.
struct Template {
  std::string_view nessus_id;
  std::string_view oid;
  std::string_view name;
  std::string_view family;
  std::string_view synopsis;
  std::string_view fname;
};

constexpr Template kScanInfo{"19506",
                             "",
                             "Nessus Scan Information",
                             "Settings",
                             "This plugin displays information about the Nessus scan.",
                             "scan_info.nasl"};
constexpr Template kTracerouteNessus{"10287",
                                     "",
                                     "Traceroute Information",
                                     "General",
                                     "It was possible to obtain traceroute information.",
                                     "traceroute.nasl"};
constexpr Template kTracerouteGvm{"",
                                  "1.3.6.1.4.1.25623.1.0.51662",
                                  "Traceroute",
                                  "General",
                                  "Collect information about the network route.",
                                  ""};
constexpr Template kOsNessus{"11936",
                             "",
                             "OS Identification",
                             "General",
                             "It is possible to guess the remote operating system.",
                             "os_fingerprint.nasl"};
constexpr Template kOsGvm{"",
                          "1.3.6.1.4.1.25623.1.0.105937",
                          "OS Detection Consolidation and Reporting",
                          "Product detection",
                          "Consolidation and reporting of the detected operating system.",
                          ""};
constexpr Template kFqdn{"12053",
                         "",
                         "Host Fully Qualified Domain Name (FQDN) Resolution",
                         "General",
                         "It was possible to resolve the name of the remote host.",
                         "fqdn.nasl"};
constexpr Template kSynScanner{"11219",
                               "",
                               "Nessus SYN scanner",
                               "Port scanners",
                               "It is possible to determine which TCP ports are open.",
                               "nessus_syn_scanner.nbin"};
constexpr Template kServicesGvm{"",
                                "1.3.6.1.4.1.25623.1.0.10330",
                                "Services",
                                "Service detection",
                                "This plugin performs service detection.",
                                ""};
constexpr Template kServiceNessus{"22964",
                                  "",
                                  "Service Detection",
                                  "Service detection",
                                  "The remote service could be identified.",
                                  "find_service.nasl"};
constexpr Template kSshNessus{"10267",
                              "",
                              "SSH Server Type and Version Information",
                              "Service detection",
                              "An SSH server is listening on this port.",
                              "ssh_detect.nasl"};
constexpr Template kSshGvm{"",
                           "1.3.6.1.4.1.25623.1.0.10267",
                           "SSH Server type and version",
                           "Product detection",
                           "Detects the SSH server software and version.",
                           ""};
constexpr Template kHttpNessus{"10107",
                               "",
                               "HTTP Server Type and Version",
                               "Web Servers",
                               "A web server is running on the remote host.",
                               "http_version.nasl"};
constexpr Template kHttpGvm{"",
                            "1.3.6.1.4.1.25623.1.0.10107",
                            "HTTP Server type and version",
                            "Web application abuses",
                            "Detects the HTTP server software.",
                            ""};

constexpr std::array<Template, 4> kExtraNessus = {{
    {"45590", "", "Common Platform Enumeration (CPE)", "General",
     "It was possible to enumerate CPE names that matched on the remote system.", "cpe.nbin"},
    {"54615", "", "Device Type", "General", "It is possible to guess the remote device type.",
     "device_type.nasl"},
    {"25220", "", "TCP/IP Timestamps Supported", "General",
     "The remote service implements TCP timestamps.", "tcp_timestamps.nasl"},
    {"10180", "", "Ping the remote host", "Port scanners",
     "It was possible to identify the status of the remote host (alive or dead).",
     "ping_host.nasl"},
}};
constexpr std::array<Template, 4> kExtraGvm = {{
    {"", "1.3.6.1.4.1.25623.1.0.810002", "CPE Inventory", "Service detection",
     "This routine uses information collected by other routines about CPE identities.", ""},
    {"", "1.3.6.1.4.1.25623.1.0.80091", "TCP timestamps", "General",
     "The remote host implements TCP timestamps.", ""},
    {"", "1.3.6.1.4.1.25623.1.0.103190", "ICMP Timestamp Reply Information Disclosure", "General",
     "The remote host responded to an ICMP timestamp request.", ""},
    {"", "1.3.6.1.4.1.25623.1.0.102002", "OS fingerprinting", "Product detection",
     "This script performs ICMP based OS fingerprinting.", ""},
}};

void Reset(ReportItem& item, const Template& t, bool gvm) {
  item.port = 0;
  item.protocol = "tcp";
  item.svc_name = "general";
  item.severity = 0;
  item.nessus_id = t.nessus_id;
  item.oid = t.oid;
  item.name = t.name;
  item.family = t.family;
  item.synopsis = t.synopsis;
  item.description = t.synopsis;
  item.solution = "n/a";
  item.fname = t.fname;
  item.plugin_type = "remote";
  item.risk_factor = "None";
  item.threat = "Log";
  item.cvss = "0.0";
  item.qod_type = gvm ? "remote_banner" : "";
  item.is_detection = false;
  item.output.clear();
}

std::string_view SshBanner(std::uint64_t variant) {
  constexpr std::array<std::string_view, 3> kBanners = {"SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3",
                                                        "SSH-2.0-OpenSSH_8.4p1 Debian-5+deb11u3",
                                                        "SSH-2.0-OpenSSH_for_Windows_8.1"};
  return kBanners[variant % kBanners.size()];
}

std::string_view HttpServer(std::uint64_t variant) {
  constexpr std::array<std::string_view, 3> kServers = {"nginx/1.22.1", "Apache/2.4.62 (Debian)",
                                                        "Microsoft-IIS/10.0"};
  return kServers[variant % kServers.size()];
}

// Cheap per-host variety that does not need a random generator: a hash of the IP.
std::uint64_t Variant(const HostSpec& host) {
  std::uint64_t h = 1469598103934665603ull;
  for (const char c : host.ip) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  return h;
}

// Walks one host's items; one member function per kind of result keeps each short.
class HostItemWalker {
 public:
  HostItemWalker(const ScanSpec& scan, const HostSpec& host, bool with_output, ReportItem& item,
                 const std::function<void(const ReportItem&)>& emit)
      : scan_(scan),
        host_(host),
        gvm_(scan.format == ExportFormat::kGvm),
        with_output_(with_output),
        item_(item),
        emit_(emit),
        variant_(Variant(host)) {}

  void Walk() {
    HostLevel();
    for (const std::uint16_t port : host_.open_ports) OpenPort(port, ServiceNameForPort(port));
    if (scan_.port_results_on_detection_ports && !gvm_) {
      for (const DetectionSpec& d : host_.detections) DetectionPortScan(d);
    }
    for (const DetectionSpec& d : host_.detections) Detection(d);
    for (std::size_t i = 0; i < host_.extra_results; ++i) Extra(i);
  }

 private:
  void HostLevel() {
    if (!gvm_ && host_.completed && host_.scan_info) {
      Reset(item_, kScanInfo, gvm_);
      item_.plugin_type = "summary";
      if (with_output_) ScanInfoOutput();
      emit_(item_);
    }
    if (host_.traceroute) {
      Reset(item_, gvm_ ? kTracerouteGvm : kTracerouteNessus, gvm_);
      item_.protocol = gvm_ ? "tcp" : "udp";
      if (with_output_) {
        item_.output = gvm_
                           ? fmt::format(
                                 "Route information about the target:\n\nHop\tIP\n0\t10.255.0.10\n"
                                 "1\t{}\n",
                                 host_.ip)
                           : fmt::format(
                                 "For your information, here is the traceroute from 10.255.0.10 to "
                                 "{} : \n10.255.0.10\n{}\n",
                                 host_.ip, host_.ip);
      }
      emit_(item_);
    }
    if (!host_.os.empty()) {
      Reset(item_, gvm_ ? kOsGvm : kOsNessus, gvm_);
      if (with_output_) {
        item_.output = gvm_ ? fmt::format("Best matching OS:\n\nOS:           {}\n", host_.os)
                            : fmt::format(
                                  "\nRemote operating system : {}\nConfidence level : "
                                  "95\nMethod : SSH\n",
                                  host_.os);
      }
      emit_(item_);
    }
    if (!gvm_ && !host_.fqdn.empty()) {
      Reset(item_, kFqdn, gvm_);
      if (with_output_) item_.output = fmt::format("\n{} resolves as {}.\n", host_.ip, host_.fqdn);
      emit_(item_);
    }
  }

  void ScanInfoOutput() {
    item_.output = fmt::format(
        "Information about this scan : \n\nNessus version : {}\nPlugin feed version : "
        "202601050312\nScanner edition used : Nessus\nScan type : Normal\nScan name : {}\n"
        "Scan policy used : {}\nScanner IP : 10.255.0.10\nPort scanner(s) : nessus_syn_scanner \n"
        "Port range : {}\nPing RTT : 1.204 ms\nThorough tests : no\nExperimental tests : no\n"
        "Paranoia level : 1\nReport verbosity : 1\nSafe checks : yes\nOptimize the test : yes\n"
        "Credentialed checks : no\nPatch management checks : None\nCGI scanning : disabled\n"
        "Max hosts : 30\nMax checks : 4\nRecv timeout : 5\nBackports : None\n"
        "Allow post-scan editing : Yes\nScan Start Date : {} UTC\nScan duration : {} sec\n",
        scan_.scanner_version, scan_.scan_name, scan_.policy_name,
        scan_.port_range.value_or("default"), NessusScanDate(scan_.start_time + host_.start_offset),
        host_.duration);
  }

  void OpenPort(std::uint16_t port, std::string_view svc) {
    if (gvm_) {
      Reset(item_, kServicesGvm, gvm_);
      item_.port = port;
      if (with_output_) {
        item_.output = svc == "ssh"   ? "An SSH server is running on this port"
                       : svc == "www" ? "A web server is running on this port"
                                      : "An unknown service is running on this port";
      }
      emit_(item_);
    } else {
      Reset(item_, kSynScanner, gvm_);
      item_.port = port;
      item_.svc_name = svc;
      if (with_output_) item_.output = fmt::format("Port {}/tcp was found to be open", port);
      emit_(item_);
    }
    ServiceResult(port, svc);
  }

  void ServiceResult(std::uint16_t port, std::string_view svc) {
    if (svc == "ssh") {
      Reset(item_, gvm_ ? kSshGvm : kSshNessus, gvm_);
      if (with_output_) {
        item_.output =
            fmt::format("\nSSH version : {}\nSSH supported authentication : publickey,password\n",
                        SshBanner(variant_));
      }
    } else if (svc == "www") {
      Reset(item_, gvm_ ? kHttpGvm : kHttpNessus, gvm_);
      if (with_output_) {
        item_.output = fmt::format("The remote web server type is :\n\n{}", HttpServer(variant_));
      }
    } else {
      Reset(item_, gvm_ ? kServicesGvm : kServiceNessus, gvm_);
      if (with_output_) {
        item_.output =
            fmt::format("The service on port {}/tcp could not be identified further.", port);
      }
    }
    item_.port = port;
    item_.svc_name = svc;
    emit_(item_);
  }

  void DetectionPortScan(const DetectionSpec& d) {
    Reset(item_, kSynScanner, gvm_);
    item_.port = d.port;
    item_.protocol = d.protocol;
    item_.svc_name = d.plugin ? d.plugin->svc_name : scan_.detection_plugin.svc_name;
    if (with_output_)
      item_.output = fmt::format("Port {}/{} was found to be open", d.port, d.protocol);
    emit_(item_);
  }

  void Detection(const DetectionSpec& d) {
    const DetectionPlugin& plugin = d.plugin ? *d.plugin : scan_.detection_plugin;
    Reset(item_, Template{plugin.nessus_id, plugin.oid, plugin.name, plugin.family, "", ""}, gvm_);
    item_.port = d.port;
    item_.protocol = d.protocol;
    item_.svc_name = plugin.svc_name;
    item_.severity = 2;
    item_.synopsis = "A Trading Technologies Messaging command channel is reachable.";
    item_.description =
        "The remote host runs a Trading Technologies Messaging (TTM) daemon whose ttm_cmd "
        "command channel accepts connections from this network. The command channel should be "
        "reachable only from the TT daemon hosts of the trading network.";
    item_.solution = "Restrict access to the ttm_cmd port with a firewall rule.";
    item_.fname = "ttm_cmd_detect.nasl";
    item_.risk_factor = "Medium";
    item_.threat = "Medium";
    item_.cvss = "5.0";
    item_.qod_type = gvm_ ? "remote_probe" : "";  // QoD 50, core::kOwnPluginQod
    item_.is_detection = true;
    if (with_output_) {
      if (!d.output.empty()) {
        item_.output = d.output;
      } else {
        item_.output = fmt::format(
            "\nA Trading Technologies Messaging (TTM) ttm_cmd listener answered on port {}/{}.\n\n"
            "  Remote address : {}\n  Handshake      : accepted (command channel)\n"
            "  Heartbeat      : 20 s\n",
            d.port, d.protocol, host_.ip);
      }
    }
    emit_(item_);
  }

  void Extra(std::size_t index) {
    if (gvm_) {
      Reset(item_, kExtraGvm[index % kExtraGvm.size()], gvm_);
    } else {
      Reset(item_, kExtraNessus[index % kExtraNessus.size()], gvm_);
    }
    if (with_output_) {
      item_.output =
          fmt::format("{} (host {}, item {}): {}", item_.name, host_.ip, index + 1, item_.synopsis);
    }
    emit_(item_);
  }

  const ScanSpec& scan_;
  const HostSpec& host_;
  bool gvm_;
  bool with_output_;
  ReportItem& item_;
  const std::function<void(const ReportItem&)>& emit_;
  std::uint64_t variant_;
};

}  // namespace

std::string_view ServiceNameForPort(std::uint16_t port) {
  switch (port) {
    case 21: return "ftp";
    case 22: return "ssh";
    case 25: return "smtp";
    case 80:
    case 443:
    case 8080: return "www";
    case 111: return "rpc-portmapper";
    case 445: return "cifs";
    case 3389: return "msrdp";
    case 5432: return "postgresql";
    default: return "unknown";
  }
}

}  // namespace ttmtrack::scangen

namespace ttmtrack::scangen {

void ForEachReportItem(const ScanSpec& scan, const HostSpec& host, bool with_output,
                       ReportItem& scratch, const std::function<void(const ReportItem&)>& emit) {
  HostItemWalker(scan, host, with_output, scratch, emit).Walk();
}

std::size_t CountReportItems(const ScanSpec& scan, const HostSpec& host) {
  std::size_t count = 0;
  ReportItem scratch;
  ForEachReportItem(scan, host, false, scratch, [&count](const ReportItem&) { ++count; });
  return count;
}

DetectionPlugin OwnDetectionPlugin() {
  return DetectionPlugin{std::string(core::kOwnNessusPluginId), std::string(core::kOwnOpenVasOid),
                         "Trading Technologies Messaging (TTM) ttm_cmd Detection",
                         std::string(core::kOwnPluginFamily), std::string(core::kTtmServiceName)};
}

}  // namespace ttmtrack::scangen
