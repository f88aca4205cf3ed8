#include "tools/scangen/nessus_writer.hpp"

#include <array>
#include <string_view>

#include <fmt/core.h>

#include "core/civil_time.hpp"
#include "tools/scangen/report_items.hpp"
#include "tools/scangen/split_mix.hpp"
#include "tools/scangen/xml_writer.hpp"

namespace ttmtrack::scangen {
namespace {

// The IDs of the filler plugins report_items.cpp uses: they are always in plugin_set.
constexpr std::array<std::string_view, 16> kUsualPluginIds = {
    "19506", "10287", "11936", "12053", "11219", "22964", "10267", "10107",
    "45590", "54615", "25220", "10180", "10114", "10150", "35716", "33276"};

void Preference(XmlWriter& w, std::string_view name, std::string_view value) {
  w.Start("preference");
  w.Leaf("name", name);
  w.Leaf("value", value);
  w.End();
}

// plugin_set is one text node that can hold 100,000+ IDs: written in chunks, never built whole.
void PluginSetPreference(XmlWriter& w, const ScanSpec& scan) {
  w.Start("preference");
  w.Leaf("name", "plugin_set");
  w.Start("value");
  std::string chunk;
  for (const std::string_view id : kUsualPluginIds) {
    chunk += id;
    chunk += ';';
  }
  if (scan.plugin_set == PluginSet::kWithTtm) chunk += scan.detection_plugin.nessus_id + ';';
  for (const std::string& id : scan.extra_plugin_ids) chunk += id + ';';
  SplitMix rng(scan.seed ^ 0x706C7567696E73ull);
  for (std::size_t i = 0; i < scan.plugin_set_padding; ++i) {
    chunk += fmt::format("{};", 100000 + rng.Below(150000));
    if (chunk.size() > 8192) {
      w.Text(chunk);
      chunk.clear();
    }
  }
  if (!chunk.empty()) chunk.pop_back();  // no trailing ';'
  w.Text(chunk);
  w.End();
  w.End();
}

void FamilyItem(XmlWriter& w, std::string_view family, std::string_view status) {
  w.Start("FamilyItem");
  w.Leaf("FamilyName", family);
  w.Leaf("Status", status);
  w.End();
}

void PluginSelection(XmlWriter& w, const ScanSpec& scan) {
  const DetectionPlugin& own = scan.detection_plugin;
  const bool with = scan.plugin_set == PluginSet::kWithTtm;
  w.Start("FamilySelection");
  for (const std::string_view family : {"General", "Port scanners", "Settings", "Web Servers"}) {
    FamilyItem(w, family, "enabled");
  }
  FamilyItem(w, own.family, with ? "enabled" : "mixed");
  FamilyItem(w, "Windows : Microsoft Bulletins", "disabled");
  w.End();
  if (with) return;
  // A mixed family lists its plugins one by one.
  w.Start("IndividualPluginSelection");
  const std::array<std::array<std::string_view, 3>, 3> items = {{
      {"22964", "Service Detection", "enabled"},
      {"10267", "SSH Server Type and Version Information", "enabled"},
      {own.nessus_id, own.name, "disabled"},
  }};
  for (const auto& [id, name, status] : items) {
    w.Start("PluginItem");
    w.Leaf("PluginId", id);
    w.Leaf("PluginName", name);
    w.Leaf("Family", own.family);
    w.Leaf("Status", status);
    w.End();
  }
  w.End();
}

void Policy(XmlWriter& w, const ScanSpec& scan, const std::string& targets) {
  w.Start("Policy");
  w.Leaf("policyName", scan.policy_name);
  w.Start("Preferences");
  w.Start("ServerPreferences");
  Preference(w, "max_simult_tcp_sessions", "unlimited");
  if (scan.plugin_set != PluginSet::kAbsent) PluginSetPreference(w, scan);
  Preference(w, "TARGET", targets);
  if (scan.port_range) Preference(w, "port_range", *scan.port_range);
  Preference(w, "name", scan.scan_name);
  Preference(w, "safe_checks", "yes");
  w.End();
  w.Start("PluginsPreferences");
  w.Start("item");
  w.Leaf("pluginName", "Ping the remote host");
  w.Leaf("pluginId", "10180");
  w.Leaf("fullName", "Ping the remote host[checkbox]:Do a TCP ping");
  w.Leaf("preferenceName", "Do a TCP ping");
  w.Leaf("preferenceType", "checkbox");
  w.Leaf("preferenceValues", "yes");
  w.Leaf("selectedValue", "yes");
  w.End();
  w.End();
  w.End();
  if (scan.plugin_set != PluginSet::kAbsent) PluginSelection(w, scan);
  w.End();
}

void Tag(XmlWriter& w, std::string_view name, std::string_view value) {
  w.Start("tag");
  w.Attribute("name", name);
  w.Text(value);
  w.End();
}

void HostProperties(XmlWriter& w, const ScanSpec& scan, const HostSpec& host) {
  const std::int64_t start = scan.start_time + host.start_offset;
  w.Start("HostProperties");
  if (host.completed) {
    Tag(w, "HOST_END_TIMESTAMP", std::to_string(start + host.duration));
    Tag(w, "HOST_END", core::FormatCtime(start + host.duration).value());
  }
  if (!host.os.empty()) {
    Tag(w, "operating-system", host.os);
    Tag(w, "system-type", "general-purpose");
  }
  if (!host.mac.empty()) Tag(w, "mac-address", host.mac);
  if (!host.netbios.empty()) Tag(w, "netbios-name", host.netbios);
  if (!host.fqdn.empty()) Tag(w, "host-fqdn", host.fqdn);
  Tag(w, "host-ip", host.ip);
  Tag(w, "HOST_START_TIMESTAMP", std::to_string(start));
  Tag(w, "HOST_START", core::FormatCtime(start).value());
  w.End();
}

void Item(XmlWriter& w, const ReportItem& item) {
  w.Start("ReportItem");
  w.Attribute("port", std::to_string(item.port));
  w.Attribute("svc_name", item.svc_name);
  w.Attribute("protocol", item.protocol);
  w.Attribute("severity", std::to_string(item.severity));
  w.Attribute("pluginID", item.nessus_id);
  w.Attribute("pluginName", item.name);
  w.Attribute("pluginFamily", item.family);
  w.Leaf("description", item.description);
  if (!item.fname.empty()) w.Leaf("fname", item.fname);
  w.Leaf("plugin_modification_date", "2025/11/04");
  w.Leaf("plugin_name", item.name);
  w.Leaf("plugin_publication_date", item.is_detection ? "2026/01/02" : "2005/08/26");
  w.Leaf("plugin_type", item.plugin_type);
  w.Leaf("risk_factor", item.risk_factor);
  w.Leaf("script_version", "1.12");
  w.Leaf("solution", item.solution);
  w.Leaf("synopsis", item.synopsis);
  if (!item.output.empty()) w.Leaf("plugin_output", item.output);
  w.End();
}

}  // namespace

WriteStats WriteNessus(const ScanSpec& scan, HostSource& hosts, std::ostream& out) {
  WriteStats stats;
  XmlWriter w(out, 0);
  w.Declaration();
  w.Start("NessusClientData_v2");
  hosts.Rewind();
  if (scan.with_policy) Policy(w, scan, scan.targets.empty() ? hosts.TargetText() : scan.targets);
  w.Start("Report");
  w.Attribute("name", scan.scan_name);
  w.Attribute("xmlns:cm", "http://www.nessus.org/cm");
  HostSpec host;
  ReportItem item;
  while (hosts.Next(host)) {
    w.Start("ReportHost");
    w.Attribute("name", host.report_name.empty() ? host.ip : host.report_name);
    HostProperties(w, scan, host);
    ForEachReportItem(scan, host, true, item, [&](const ReportItem& r) {
      Item(w, r);
      ++stats.results;
      if (r.is_detection) ++stats.detections;
    });
    w.End();
    ++stats.hosts;
  }
  w.End();
  w.End();
  w.Finish();
  stats.bytes = w.bytes_written();
  return stats;
}

}  // namespace ttmtrack::scangen
