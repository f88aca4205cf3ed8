#include "importer/gvm/gvm_reader.hpp"

#include <algorithm>
#include <utility>

#include "core/civil_time.hpp"
#include "core/ip_address.hpp"
#include "importer/gvm/gvm_filter.hpp"
#include "importer/gvm/gvm_port.hpp"
#include "importer/gvm/gvm_severity.hpp"
#include "importer/text_util.hpp"
#include "importer/xml/xml_reader.hpp"

namespace ttmtrack::importer::gvm {
namespace {

std::string TrimmedText(xml::XmlReader& xml) { return std::string(Trim(xml.ReadText())); }

// Host detail "ports": open TCP ports as "21,22,80". Tokens that are not port numbers are
// skipped: the detail is an optional hint, and results name the ports again.
void AddPorts(std::string_view list, std::vector<std::uint16_t>& ports) {
  for (const std::string& token : SplitTrimmed(list, ',')) {
    if (const std::optional<std::uint16_t> port = ParsePortNumber(token); port && *port != 0) {
      ports.push_back(*port);
    }
  }
}

// <qod><value>80</value><type>remote_banner</type></qod>: a percentage; anything else states
// nothing.
std::optional<int> ReadQod(xml::XmlReader& xml) {
  std::optional<int> qod;
  xml.ForEachChild([&](std::string_view item) {
    if (item != "value") return;
    if (const auto value = ParseNonNegative(Trim(xml.ReadText())); value && *value <= 100) {
      qod = static_cast<int>(*value);
    }
  });
  return qod;
}

}  // namespace

GvmReader::GvmReader(xml::XmlReader& xml, core::ScanInfo scan, core::ScanSink& sink)
    : xml_(xml), scan_(std::move(scan)), sink_(sink) {
  scan_.format = core::ScanFormat::kGvm;
  scan_.scanner = "OpenVAS";
  // The elements whose text this reader and gvm_filter.cpp read (a <host> or <filters> with
  // everything inside it); NVT tags, references, original threats and the like are dropped.
  xml_.KeepTextOnlyIn({"name",     "scan_run_status", "scan_start",
                       "scan_end", "version",         "host",
                       "port",     "family",          "threat",
                       "severity", "description",     "value",
                       "ip",       "start",           "end",
                       "hostname", "filters",         "result_count",
                       "term",     "min_qod",         "apply_overrides",
                       "column",   "relation",        "full",
                       "filtered"});
}

void GvmReader::Read() {
  const std::int64_t root_line = xml_.line();
  ReadWrapper();
  if (!saw_report_) {
    xml_.Fail(
        "a GMP response without a report, not a scan: <get_reports_response> holds no <report> "
        "(a report ID that matched nothing, or a filter that left no report?); nothing imported",
        root_line);
  }
}

void GvmReader::BeginScanOnce() {
  if (begun_) return;
  begun_ = true;
  sink_.BeginScan(scan_);
}

void GvmReader::Finish(const ScanDigests& digests) {
  BeginScanOnce();
  scan_.sha256 = digests.sha256;
  scan_.file_sha256 = digests.file_sha256;
  core::ScanCoverage coverage;
  if (filter_stated_) {
    // <results start= max=> restate first and rows; the term, when it has them, is the filter.
    if (!filter_.first) filter_.first = results_start_;
    if (!filter_.rows) filter_.rows = results_max_;
    coverage.result_filter = filter_;
  }
  sink_.EndScan(scan_, coverage);
}

void GvmReader::ReadWrapper() {
  if (xml_.name() == "get_reports_response") {
    const std::string status(Trim(xml_.Attribute("status").value_or("")));
    if (!status.empty() && status.front() != '2') {
      xml_.Fail("the GMP response reports an error: status " + status + " (" +
                    std::string(xml_.Attribute("status_text").value_or("no status_text")) + ")",
                xml_.line());
    }
    xml_.ForEachChild([&](std::string_view child) {
      if (child == "report") ReadWrapper();
    });
    return;
  }
  saw_report_ = true;
  if (scan_.report_id.empty()) {
    scan_.report_id = std::string(Trim(xml_.Attribute("id").value_or("")));
  }
  xml_.ForEachChild([&](std::string_view child) {
    if (child == "report") {
      ReadWrapper();
    } else {
      ReadReportChild(child);
    }
  });
}

void GvmReader::ReadReportChild(std::string_view child) {
  if (child == "results") {
    ReadResults();
  } else if (child == "filters") {
    ReadFilters();
  } else if (child == "result_count") {
    ReadResultCount();
  } else if (child == "host") {
    ReadHost();
  } else if (child == "task") {
    xml_.ForEachChild([&](std::string_view item) {
      if (item == "name" && scan_.scan_name.empty()) scan_.scan_name = TrimmedText(xml_);
    });
  } else if (child == "scan_run_status") {
    scan_.run_status = TrimmedText(xml_);
  } else if (child == "scan_start") {
    if (auto at = ReadTime("scan_start")) scan_.started_at = at;
  } else if (child == "scan_end") {
    if (auto at = ReadTime("scan_end")) scan_.ended_at = at;
  } else if (child == "gmp" || child == "omp") {
    // The manager's protocol version is the only version a report carries.
    const std::string protocol = child == "gmp" ? "GMP " : "OMP ";
    xml_.ForEachChild([&](std::string_view item) {
      if (item == "version" && scan_.scanner_version.empty()) {
        const std::string version = TrimmedText(xml_);
        if (!version.empty()) scan_.scanner_version = protocol + version;
      }
    });
  }
}

std::optional<std::int64_t> GvmReader::ReadTime(const char* what, std::string* unreadable) {
  const std::int64_t at_line = xml_.line();
  const std::string text = TrimmedText(xml_);
  if (text.empty()) return std::nullopt;  // GVM writes <end></end> for unfinished hosts
  // ISO 8601, or ctime in the OMP era; GVM's zone-less times are UTC.
  const core::Parsed<std::int64_t> parsed = core::ParseExportTime(text, 0);
  if (parsed) return parsed.value();
  const std::string message =
      std::string(what) + " \"" + text + "\" is not a time: " + std::string(parsed.reason());
  if (unreadable == nullptr) xml_.Fail(message, at_line);
  if (unreadable->empty()) *unreadable = message + " (line " + std::to_string(at_line) + ")";
  return std::nullopt;
}

void GvmReader::ReadResults() {
  const auto number = [&](const char* name) -> std::optional<std::int64_t> {
    const std::optional<std::string_view> text = xml_.Attribute(name);
    if (!text) return std::nullopt;
    filter_stated_ = true;
    return ParseGvmInteger(Trim(*text));
  };
  if (!results_start_) results_start_ = number("start");
  if (!results_max_) results_max_ = number("max");
  xml_.ForEachChild([&](std::string_view item) {
    if (item == "result") ReadResult();
  });
}

void GvmReader::ReadFilters() {
  if (filters_read_) return;  // left unread, ForEachChild skips it
  filters_read_ = true;
  filter_stated_ = true;
  ReadGvmFilters(xml_, filter_);
}

void GvmReader::ReadResultCount() {
  filter_stated_ = true;
  ReadGvmResultCount(xml_, filter_);
}

void GvmReader::ReadResult() {
  core::ResultRecord result;
  result.line = xml_.line();
  ++filter_.results_in_export;
  std::string host_text, port_text, threat, severity_text, result_name;
  xml_.ForEachChild([&](std::string_view child) {
    if (child == "host") {
      xml_.ForEachChild(
          [&](std::string_view item) {
            if (item == "hostname") result.host_name = TrimmedText(xml_);
          },
          [&](std::string_view text) { host_text.append(text); });
    } else if (child == "port") {
      port_text = xml_.ReadText();
    } else if (child == "nvt") {
      result.plugin_id = std::string(Trim(xml_.Attribute("oid").value_or("")));
      xml_.ForEachChild([&](std::string_view item) {
        if (item == "name")
          result.plugin_name = TrimmedText(xml_);
        else if (item == "family")
          result.plugin_family = TrimmedText(xml_);
      });
    } else if (child == "name") {
      result_name = TrimmedText(xml_);
    } else if (child == "threat") {
      threat = TrimmedText(xml_);
    } else if (child == "severity") {
      severity_text = TrimmedText(xml_);
    } else if (child == "description") {
      result.output = xml_.ReadText();
    } else if (child == "qod") {
      result.qod = ReadQod(xml_);
    }
  });

  const std::string_view host = Trim(host_text);
  const std::optional<core::IpAddress> address = core::IpAddress::ParseTolerant(host);
  result.host_ip = address ? address->ToString() : "";
  if (result.host_ip.empty() && result.host_name.empty()) result.host_name = std::string(host);
  const std::string& who = result.host_name.empty() ? result.host_ip : result.host_name;

  const std::optional<GvmPort> port = ParseGvmPort(port_text);
  if (!port) {
    xml_.Fail("result port \"" + std::string(Trim(port_text)) +
                  "\" is not a port (expected e.g. 5010/tcp, general/tcp, package or "
                  "http (80/tcp))",
              result.line, who);
  }
  result.port = port->number;
  result.protocol = port->protocol;
  result.service_name = port->service;
  if (result.plugin_name.empty()) result.plugin_name = result_name;
  result.severity = MapGvmSeverity(threat, ParseGvmSeverity(severity_text));
  result.severity_label = threat.empty() ? severity_text : threat;
  BeginScanOnce();
  sink_.Result(result);
}

void GvmReader::ReadHost() {
  core::HostRecord host;
  host.line = xml_.line();
  std::string os_txt, os_cpe, os_other;
  xml_.ForEachChild([&](std::string_view child) {
    if (child == "ip") {
      host.name = TrimmedText(xml_);
    } else if (child == "start") {
      host.started_at = ReadTime("host start", &host.unreadable_time);
    } else if (child == "end") {
      host.ended_at = ReadTime("host end", &host.unreadable_time);
    } else if (child == "hostname") {
      if (host.fqdn.empty()) host.fqdn = TrimmedText(xml_);
    } else if (child == "detail") {
      std::string name, value;
      xml_.ForEachChild([&](std::string_view item) {
        if (item == "name")
          name = TrimmedText(xml_);
        else if (item == "value")
          value = TrimmedText(xml_);
      });
      if (value.empty()) return;
      if (name == "hostname" && host.fqdn.empty())
        host.fqdn = value;
      else if (name == "best_os_txt" && os_txt.empty())
        os_txt = value;
      else if (name == "best_os_cpe" && os_cpe.empty())
        os_cpe = value;
      else if (name == "OS" && os_other.empty())
        os_other = value;
      else if (name == "MAC" && host.mac.empty())
        host.mac = value;
      else if (name == "ports")
        AddPorts(value, host.open_tcp_ports);
    }
  });
  // An address is written in its one spelling, as the name too (docs/importer.md).
  if (const auto address = core::IpAddress::ParseTolerant(host.name)) {
    host.ip = address->ToString();
    host.name = host.ip;
  }
  host.os = !os_txt.empty() ? os_txt : (!os_cpe.empty() ? os_cpe : os_other);
  host.completion =
      host.ended_at ? core::HostCompletion::kCompleted : core::HostCompletion::kIncomplete;
  if (!host.unreadable_time.empty()) {
    // One time that cannot be read makes the host's times unknown, its end included.
    host.started_at = host.ended_at = std::nullopt;
    host.completion = core::HostCompletion::kUnknown;
  }
  std::sort(host.open_tcp_ports.begin(), host.open_tcp_ports.end());
  host.open_tcp_ports.erase(std::unique(host.open_tcp_ports.begin(), host.open_tcp_ports.end()),
                            host.open_tcp_ports.end());
  BeginScanOnce();
  sink_.Host(host);
}

}  // namespace ttmtrack::importer::gvm
