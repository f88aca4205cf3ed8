#include "tools/scangen/big_host_source.hpp"

#include <array>
#include <string_view>

#include <fmt/core.h>

#include "core/ip_address.hpp"
#include "tools/scangen/report_items.hpp"
#include "tools/scangen/split_mix.hpp"

namespace ttmtrack::scangen {
namespace {

constexpr std::array<std::string_view, 5> kOperatingSystems = {
    "Linux Kernel 6.1 on Debian 12", "Linux Kernel 5.14 on Red Hat Enterprise Linux 9",
    "Microsoft Windows Server 2022 Standard", "Microsoft Windows Server 2019 Standard",
    "Linux Kernel 5.15 on Ubuntu 22.04"};
constexpr std::array<std::string_view, 4> kRoles = {"trd", "md", "oms", "risk"};
constexpr std::array<std::uint16_t, 6> kCommonPorts = {22, 443, 80, 3389, 8080, 445};

}  // namespace

BigHostSource::BigHostSource(const ScanSpec& scan, const BigScanOptions& options)
    : scan_(scan), options_(options) {}

bool BigHostSource::Next(HostSpec& host) {
  if (next_ >= options_.hosts) return false;
  Fill(next_++, host);
  return true;
}

std::string BigHostSource::TargetText() const {
  if (options_.hosts == 0) return "";
  const auto last = static_cast<std::uint32_t>(options_.first_ip + options_.hosts - 1);
  return core::IpAddress::FromV4(options_.first_ip).ToString() + "-" +
         core::IpAddress::FromV4(last).ToString();
}

void BigHostSource::Fill(std::size_t index, HostSpec& host) const {
  SplitMix rng(options_.seed * 0x9E3779B97F4A7C15ull + index);
  host.ip =
      core::IpAddress::FromV4(static_cast<std::uint32_t>(options_.first_ip + index)).ToString();
  host.report_name.clear();
  host.fqdn = fmt::format("{}-{:06}.big.example", kRoles[rng.Below(kRoles.size())], index);
  host.netbios.clear();
  host.os = kOperatingSystems[rng.Below(kOperatingSystems.size())];
  host.mac = fmt::format("00:50:56:{:02x}:{:02x}:{:02x}", (index >> 16) & 0xFFu,
                         (index >> 8) & 0xFFu, index & 0xFFu);
  host.completed = true;
  // Hosts of a big scan run in parallel batches: spread starts over the scan's duration.
  host.start_offset = static_cast<std::int64_t>(
      rng.Below(static_cast<std::uint64_t>(scan_.duration > 600 ? scan_.duration - 600 : 1)));
  host.duration = 120 + static_cast<std::int64_t>(rng.Below(400));
  host.detections.clear();
  if (options_.detect_every != 0 && index % options_.detect_every == 0) {
    DetectionSpec detection;
    detection.port = rng.Below(3) == 0 ? 10200 : 5010;
    host.detections.push_back(std::move(detection));
  }
  host.open_ports.clear();
  for (std::size_t i = 0; i < 1 + rng.Below(kCommonPorts.size()); ++i) {
    host.open_ports.push_back(kCommonPorts[i]);
  }
  host.scan_info = true;
  host.traceroute = true;
  host.extra_results = 0;
  FitResultCount(host);
}

// Trims or pads the host's results to exactly results_per_host: host-level extras first, then
// open ports, then the informational items, never the detection.
void BigHostSource::FitResultCount(HostSpec& host) const {
  const std::size_t want = options_.results_per_host;
  std::size_t have = CountReportItems(scan_, host);
  while (have > want && !host.open_ports.empty()) {
    host.open_ports.pop_back();
    have = CountReportItems(scan_, host);
  }
  if (have > want && !host.os.empty()) host.os.clear();
  have = CountReportItems(scan_, host);
  if (have > want && !host.fqdn.empty()) host.fqdn.clear();
  have = CountReportItems(scan_, host);
  if (have > want) host.traceroute = false;
  have = CountReportItems(scan_, host);
  if (have > want) host.scan_info = false;
  have = CountReportItems(scan_, host);
  if (have < want) host.extra_results = want - have;
}

}  // namespace ttmtrack::scangen
