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
// How the plugin reports (docs/ttm-protocol.md): Quality of Detection 50 % (qod_type
// remote_probe; Greenbone's default result filter hides results below 70 %) and severity
// Medium (CVSS 5.0), the level a GVM filter's `levels` names with 'm'.
inline constexpr int kOwnPluginQod = 50;
inline constexpr char kOwnPluginLevel = 'm';
inline constexpr std::string_view kOwnPluginLevelName = "Medium";
// The sibling plugin of the unconfirmed-listener tier (nasl/ttm_cmd_unconfirmed.nasl): a TTM
// port that is open, that service detection left unidentified and that answers the probe in no
// known protocol (core/ttm_probe.hpp, TierOf). Same detection, same severity, weaker evidence:
// Quality of Detection 30 % (the tag qod = 30). Default rules of tier unconfirmed (core/rule.cpp,
// schema version 5).
inline constexpr std::string_view kOwnUnconfirmedNessusPluginId = "9564502";
inline constexpr std::string_view kOwnUnconfirmedOpenVasOid = "1.3.6.1.4.1.32473.564.2";
inline constexpr int kOwnUnconfirmedPluginQod = 30;
// Default rule: any result whose plugin name contains this (case-insensitive).
inline constexpr std::string_view kDefaultNameNeedle = "Trading Technologies Messaging";
// Default rule: any result on this service name.
inline constexpr std::string_view kTtmServiceName = "ttm_cmd";

}  // namespace ttmtrack::core
