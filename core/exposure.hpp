#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/outcome.hpp"
#include "core/scan_ref.hpp"

namespace ttmtrack::core {

enum class ExposureState { kOpen, kFixed, kReopened };

// One (host, port, protocol) at which c564e5ab was ever detected, with its current state.
struct Exposure {
  std::int64_t id = 0;
  std::string ip;
  std::uint16_t port = 0;
  std::string protocol;
  ExposureState state = ExposureState::kOpen;
  std::string hostname;                      // latest known FQDN or name; may be empty
  std::optional<std::int64_t> first_seen;    // scan time of the first detection
  std::optional<std::int64_t> last_seen;     // scan time of the latest detection
  std::optional<std::int64_t> last_checked;  // scan time of the latest covering outcome
  std::optional<ScanRef> verified_by;        // the scan that proved it fixed (state fixed only)
};

// The evidence of one detection: what the scanner saw, verbatim.
struct Evidence {
  ScanRef scan;
  std::uint16_t port = 0;
  std::string protocol;
  std::string plugin_id;
  std::string plugin_name;
  int severity = 0;
  std::string output;  // untrusted text from the export
};

}  // namespace ttmtrack::core
