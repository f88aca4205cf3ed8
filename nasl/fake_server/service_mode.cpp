#include "nasl/fake_server/service_mode.hpp"

namespace ttmtrack::nasl::fake_server {

std::string_view ModeName(ServiceMode mode) {
  switch (mode) {
    case ServiceMode::kTtm: return "ttm";
    case ServiceMode::kTtmSilent: return "ttm-silent";
    case ServiceMode::kHttp: return "http";
    case ServiceMode::kSsh: return "ssh";
    case ServiceMode::kSmtp: return "smtp";
    case ServiceMode::kTls: return "tls";
    case ServiceMode::kEcho: return "echo";
    case ServiceMode::kSilent: return "silent";
    case ServiceMode::kClose: return "close";
  }
  return "?";
}

const std::vector<ServiceMode>& AllServiceModes() {
  static const std::vector<ServiceMode> kModes = {
      ServiceMode::kTtm,  ServiceMode::kTtmSilent, ServiceMode::kHttp,
      ServiceMode::kSsh,  ServiceMode::kSmtp,      ServiceMode::kTls,
      ServiceMode::kEcho, ServiceMode::kSilent,    ServiceMode::kClose,
  };
  return kModes;
}

std::optional<ServiceMode> ParseServiceMode(std::string_view name) {
  for (ServiceMode mode : AllServiceModes()) {
    if (ModeName(mode) == name) return mode;
  }
  return std::nullopt;
}

}  // namespace ttmtrack::nasl::fake_server
