#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace ttmtrack::nasl::fake_server {

// What the fake server pretends to be. kTtm speaks the assumed ttm_cmd protocol; every other
// mode is a service the detection plugin must NOT report (its negative tests).
enum class ServiceMode {
  kTtm,     // answers HELLO and HEARTBEAT frames (ttm_frame.hpp)
  kHttp,    // HTTP/1.1 server: 400 for anything that is not a request line
  kSsh,     // SSH-2.0 identification banner on connect
  kSmtp,    // 220 greeting, line-based replies
  kEcho,    // returns exactly what it receives (it returns the probe itself)
  kSilent,  // accepts and never sends a byte
  kClose,   // accepts and closes at once
};

std::string_view ModeName(ServiceMode mode);
std::optional<ServiceMode> ParseServiceMode(std::string_view name);
// Every mode, in declaration order (for --help and table-driven tests).
const std::vector<ServiceMode>& AllServiceModes();

}  // namespace ttmtrack::nasl::fake_server
