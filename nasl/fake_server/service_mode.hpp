#pragma once

#include <array>
#include <string_view>

#include "core/enum_text.hpp"

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

}  // namespace ttmtrack::nasl::fake_server

// `--mode` spells a mode as this table does (core::ToText, core::FromText; core::AllValues lists
// every mode for --help and table-driven tests).
namespace ttmtrack::core {

template <>
struct EnumTexts<nasl::fake_server::ServiceMode> {
  using ServiceMode = nasl::fake_server::ServiceMode;
  static constexpr std::string_view kName = "service mode";
  static constexpr std::array<EnumText<ServiceMode>, 9> kTexts{{
      {ServiceMode::kTtm, "ttm"},
      {ServiceMode::kTtmSilent, "ttm-silent"},
      {ServiceMode::kHttp, "http"},
      {ServiceMode::kSsh, "ssh"},
      {ServiceMode::kSmtp, "smtp"},
      {ServiceMode::kTls, "tls"},
      {ServiceMode::kEcho, "echo"},
      {ServiceMode::kSilent, "silent"},
      {ServiceMode::kClose, "close"},
  }};
};

}  // namespace ttmtrack::core
