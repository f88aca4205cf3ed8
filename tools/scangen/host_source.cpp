#include "tools/scangen/host_source.hpp"

namespace ttmtrack::scangen {

bool VectorHostSource::Next(HostSpec& host) {
  if (next_ >= hosts_.size()) return false;
  host = hosts_[next_++];
  return true;
}

std::string VectorHostSource::TargetText() const {
  std::string text;
  for (const HostSpec& host : hosts_) {
    if (!text.empty()) text += ',';
    text += host.report_name.empty() ? host.ip : host.report_name;
  }
  return text;
}

}  // namespace ttmtrack::scangen
