#include "tools/scangen/hostile_strings.hpp"

#include <string>

namespace ttmtrack::scangen {

void MakeHostile(ScanSpec& scan, std::vector<HostSpec>& hosts) {
  scan.scan_name = std::string(hostile::kScanName);
  scan.policy_name = std::string(hostile::kScanName);
  for (HostSpec& host : hosts) {
    host.fqdn = std::string(hostile::kFqdn);
    host.netbios = std::string(hostile::kNetbios);
    host.os = std::string(hostile::kOs);
    for (DetectionSpec& detection : host.detections)
      detection.output = std::string(hostile::kOutput);
  }
}

}  // namespace ttmtrack::scangen
