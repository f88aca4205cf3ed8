#pragma once

#include <string_view>

namespace ttmtrack::core {

// The canonical ID of the one exposure ttmtrack tracks: a reachable ttm_cmd listener.
inline constexpr std::string_view kDetectionId = "c564e5ab";

// IDs of the project's own NASL plugin (nasl/ttm_cmd_detect.nasl). They seed the default rules.
// The OID sits under the RFC 5612 documentation enterprise number; sites that re-number the
// plugin under their own arc add a rule with `ttmtrack rules add --oid`.
inline constexpr std::string_view kOwnNessusPluginId = "9564501";
inline constexpr std::string_view kOwnOpenVasOid = "1.3.6.1.4.1.32473.564.1";
inline constexpr std::string_view kOwnPluginFamily = "Service detection";
// Default rule: any result whose plugin name contains this (case-insensitive).
inline constexpr std::string_view kDefaultNameNeedle = "Trading Technologies Messaging";
// Default rule: any result on this service name.
inline constexpr std::string_view kServiceName = "ttm_cmd";

}  // namespace ttmtrack::core
