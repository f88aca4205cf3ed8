#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ttmtrack::importer::gvm {

struct GvmPort {
  std::uint16_t number = 0;  // 0 for host-level pseudo ports ("general/tcp", "package")
  std::string protocol;      // lower-case; empty for "package"
  std::string service;       // "http" in "http (80/tcp)", "general" in "general/tcp"
};

// Parses a GVM/OpenVAS result port: "5010/tcp", "general/tcp", "general/CPE-T", "package",
// "http (80/tcp)" (OMP era), or empty (no port). nullopt when the text has another shape or a
// number outside 0-65535. Pure function.
std::optional<GvmPort> ParseGvmPort(std::string_view text);

}  // namespace ttmtrack::importer::gvm
