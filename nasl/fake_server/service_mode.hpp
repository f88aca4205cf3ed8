#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace ttmtrack::nasl::fake_server {

// What the fake server pretends to be. kTtm speaks the assumed ttm_cmd protocol (the confirmed
// tier reports it); kTtmSilent is a TTM daemon that ignores the probe (the unconfirmed tier
// reports it on a TTM port); every other mode is a service neither tier may report on a port
// the scanner identified, and only kSilent may be reported (as unconfirmed) on a TTM port the
// scanner left unidentified.
enum class ServiceMode {
  kTtm,        // answers HELLO and HEARTBEAT frames (core/ttm_frame.hpp)
  kTtmSilent,  // ignores what it receives; sends a HEARTBEAT frame every heartbeat interval
  kHttp,       // HTTP/1.1 server: 400 for anything that is not a request line
  kSsh,        // SSH-2.0 identification banner on connect
  kSmtp,       // 220 greeting, line-based replies
  kTls,        // answers the first bytes with a fatal TLS alert record, then closes
  kEcho,       // returns exactly what it receives (it returns the probe itself)
  kSilent,     // accepts and never sends a byte
  kClose,      // accepts and closes at once
};

std::string_view ModeName(ServiceMode mode);
std::optional<ServiceMode> ParseServiceMode(std::string_view name);
// Every mode, in declaration order (for --help and table-driven tests).
const std::vector<ServiceMode>& AllServiceModes();

}  // namespace ttmtrack::nasl::fake_server
