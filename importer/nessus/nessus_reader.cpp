#include "importer/nessus/nessus_reader.hpp"

#include <algorithm>
#include <utility>

#include "core/civil_time.hpp"
#include "core/ip_address.hpp"
#include "importer/text_util.hpp"
#include "importer/xml/xml_reader.hpp"

namespace ttmtrack::importer::nessus {
namespace {

std::optional<std::string> NonEmpty(std::string_view text) {
  text = Trim(text);
  if (text.empty()) return std::nullopt;
  return std::string(text);
}

void Earliest(std::optional<std::int64_t>& acc, std::optional<std::int64_t> value) {
  if (value && (!acc || *value < *acc)) acc = value;
}

void Latest(std::optional<std::int64_t>& acc, std::optional<std::int64_t> value) {
  if (value && (!acc || *value > *acc)) acc = value;
}

}  // namespace

// One ReportHost as far as it has been read.
struct NessusReader::CurrentHost {
  core::HostRecord record;
  bool emitted = false;
};

NessusReader::NessusReader(xml::XmlReader& xml, core::ScanInfo scan, ReadOptions options,
                           core::ScanSink& sink)
    : xml_(xml), scan_(std::move(scan)), options_(std::move(options)), sink_(sink) {
  scan_.format = core::ScanFormat::kNessusV2;
  scan_.scanner = "Nessus";
  // The elements whose text this reader and ReadNessusPolicy read; the descriptions, solutions
  // and synopses of every ReportItem, most of a .nessus, are parsed and dropped.
  xml_.KeepTextOnlyIn({"policyName", "name", "value", "FamilyName", "Status", "PluginId", "Family",
                       "tag", "plugin_output"});
}

void NessusReader::Read() {
  const std::int64_t root_line = xml_.line();
  bool saw_policy = false;
  bool saw_report = false;
  xml_.ForEachChild([&](std::string_view child) {
    if (child == "Policy") {
      saw_policy = true;
      policy_ = ReadNessusPolicy(xml_);
      if (scan_.policy_name.empty()) scan_.policy_name = policy_.name;
    } else if (child == "Report") {
      saw_report = true;
      ReadReport();
    }
  });
  if (saw_report) return;
  // What Nessus exports from its policy list (or a scan's "Export policy") has the same root.
  xml_.Fail(saw_policy ? "a Nessus scan policy, not a scan: the file has a <Policy> and no "
                         "<Report> (export the scan's results, not its policy); nothing imported"
                       : "a Nessus file without a <Report>: no scan in it; nothing imported",
            root_line);
}

void NessusReader::BeginScanOnce() {
  if (begun_) return;
  begun_ = true;
  sink_.BeginScan(scan_);
}

void NessusReader::Finish(const ScanDigests& digests) {
  BeginScanOnce();
  scan_.sha256 = digests.sha256;
  scan_.file_sha256 = digests.file_sha256;
  if (have_scan_information_) {
    if (scan_.scanner_version.empty()) scan_.scanner_version = scan_information_.nessus_version;
    if (scan_.policy_name.empty()) scan_.policy_name = scan_information_.policy_name;
  }
  sink_.EndScan(scan_, std::move(policy_).TakeCoverage(scan_information_.port_range));
}

void NessusReader::ReadReport() {
  if (scan_.scan_name.empty()) {
    scan_.scan_name = std::string(Trim(xml_.Attribute("name").value_or("")));
  }
  BeginScanOnce();
  xml_.ForEachChild([&](std::string_view child) {
    if (child == "ReportHost") ReadReportHost();
  });
}

void NessusReader::ReadReportHost() {
  CurrentHost host;
  host.record.line = xml_.line();
  host.record.name = std::string(Trim(xml_.Attribute("name").value_or("")));
  // A name that is an address is that address, in its one spelling (docs/importer.md).
  if (const auto address = core::IpAddress::ParseTolerant(host.record.name)) {
    host.record.ip = address->ToString();
    host.record.name = host.record.ip;
  }
  // Nothing says the host finished until HostProperties shows a HOST_END.
  host.record.completion = core::HostCompletion::kIncomplete;
  xml_.ForEachChild([&](std::string_view child) {
    if (child == "HostProperties") {
      ReadHostProperties(host);
      EmitHost(host);
    } else if (child == "ReportItem") {
      ReadReportItem(host);
    }
  });
  if (!host.emitted) EmitHost(host);
}

void NessusReader::EmitHost(CurrentHost& host) {
  host.emitted = true;
  Earliest(scan_.started_at, host.record.started_at);
  Latest(scan_.ended_at, host.record.ended_at);
  sink_.Host(host.record);
}

std::optional<std::int64_t> NessusReader::HostTime(const std::optional<std::string>& epoch_tag,
                                                   const std::optional<std::string>& text_tag,
                                                   const char* tag_name, CurrentHost& host,
                                                   std::optional<std::string>& zoneless_text) {
  const std::string name(tag_name);
  core::HostRecord& record = host.record;
  const auto unreadable = [&](const std::string& tag, const std::string& text,
                              std::string_view reason) {
    if (record.unreadable_time.empty()) {
      record.unreadable_time = tag + " \"" + text + "\" is not a time: " + std::string(reason) +
                               " (line " + std::to_string(record.line) + ")";
    }
    return std::nullopt;
  };
  if (epoch_tag) {
    const core::Parsed<std::int64_t> epoch = core::ParseEpochSeconds(*epoch_tag);
    if (epoch) return epoch.value();
    return unreadable(name + "_TIMESTAMP", *epoch_tag, epoch.reason());
  }
  if (!text_tag) return std::nullopt;
  // ctime in either day padding, or ISO 8601 (newer and Web App Scanning exports).
  const core::Parsed<std::int64_t> parsed =
      core::ParseExportTime(*text_tag, options_.nessus_local_utc_offset_seconds);
  if (!parsed) return unreadable(name, *text_tag, parsed.reason());
  if (core::IsZonelessExportTime(*text_tag)) zoneless_text = std::string(Trim(*text_tag));
  return parsed.value();
}

void NessusReader::ReadHostProperties(CurrentHost& host) {
  std::optional<std::string> host_ip, start_epoch, end_epoch, start_text, end_text, os_tag;
  core::HostRecord& record = host.record;
  xml_.ForEachChild([&](std::string_view child) {
    if (child != "tag") return;
    const std::string tag(xml_.Attribute("name").value_or(""));
    std::optional<std::string> value = NonEmpty(xml_.ReadText());
    if (!value) return;
    if (tag == "host-ip")
      host_ip = std::move(value);
    else if (tag == "host-fqdn")
      record.fqdn = std::move(*value);
    else if (tag == "netbios-name")
      record.netbios_name = std::move(*value);
    else if (tag == "operating-system")
      record.os = std::move(*value);
    else if (tag == "os")
      os_tag = std::move(value);
    else if (tag == "mac-address")
      record.mac = std::move(*value);
    else if (tag == "HOST_START")
      start_text = std::move(value);
    else if (tag == "HOST_END")
      end_text = std::move(value);
    else if (tag == "HOST_START_TIMESTAMP")
      start_epoch = std::move(value);
    else if (tag == "HOST_END_TIMESTAMP")
      end_epoch = std::move(value);
  });
  if (host_ip) {
    const std::optional<core::IpAddress> address = core::IpAddress::ParseTolerant(*host_ip);
    if (!address) {
      xml_.Fail("host-ip \"" + *host_ip + "\" is not an IP address", record.line, record.name);
    }
    record.ip = address->ToString();
  }
  // "os" is a short family name ("linux"); operating-system is the full text when both exist.
  if (record.os.empty() && os_tag) record.os = std::move(*os_tag);
  record.started_at = HostTime(start_epoch, start_text, "HOST_START", host, record.started_text);
  record.ended_at = HostTime(end_epoch, end_text, "HOST_END", host, record.ended_text);
  record.completion = (end_epoch || end_text) ? core::HostCompletion::kCompleted
                                              : core::HostCompletion::kIncomplete;
  if (!record.unreadable_time.empty()) {
    // One time that cannot be read makes the host's times unknown: none of them proves anything,
    // and neither does the HOST_END that says the scan of the host finished.
    record.started_at = record.ended_at = std::nullopt;
    record.started_text = record.ended_text = std::nullopt;
    record.completion = core::HostCompletion::kUnknown;
  }
}

void NessusReader::ReadReportItem(const CurrentHost& host) {
  core::ResultRecord result;
  result.line = xml_.line();
  result.host_ip = host.record.ip;
  result.host_name = host.record.name;
  const auto fail = [&](const std::string& message) {
    xml_.Fail(message, result.line, host.record.name);
  };

  const std::optional<std::string_view> port = xml_.Attribute("port");
  if (!port) fail("ReportItem has no port attribute");
  const std::optional<std::uint16_t> port_number = ParsePortNumber(Trim(*port));
  if (!port_number) {
    fail("ReportItem port \"" + std::string(*port) + "\" is not a port number (0-65535)");
  }
  result.port = *port_number;

  result.plugin_id = std::string(Trim(xml_.Attribute("pluginID").value_or("")));
  if (result.plugin_id.empty()) fail("ReportItem has no pluginID attribute");
  result.protocol = ToLower(Trim(xml_.Attribute("protocol").value_or("")));
  result.service_name = std::string(Trim(xml_.Attribute("svc_name").value_or("")));
  result.plugin_name = xml_.Attribute("pluginName").value_or("");
  result.plugin_family = xml_.Attribute("pluginFamily").value_or("");
  if (const std::optional<std::string_view> severity = xml_.Attribute("severity")) {
    const std::optional<std::int64_t> level = ParseNonNegative(Trim(*severity));
    if (!level || *level > 4) {
      fail("ReportItem severity \"" + std::string(*severity) + "\" is not 0-4");
    }
    result.severity = static_cast<int>(*level);
    result.severity_label = std::string(Trim(*severity));
  }

  xml_.ForEachChild([&](std::string_view child) {
    if (child == "plugin_output") result.output = xml_.ReadText();
  });

  if (result.plugin_id == kScanInformationPluginId && !have_scan_information_) {
    have_scan_information_ = true;
    scan_information_ = ParseScanInformation(result.output);
  }
  sink_.Result(result);
}

}  // namespace ttmtrack::importer::nessus
