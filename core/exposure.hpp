#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/outcome.hpp"
#include "core/scan_ref.hpp"

namespace ttmtrack::core {

enum class ExposureState { kOpen, kFixed, kReopened };

// How strong the evidence of a detection is (docs/verification.md, "Detection tiers"):
// kConfirmed, the listener answered the probe with the signature (ttm_cmd_detect.nasl, and any
// other plugin a rule names); kUnconfirmed, a TTM port that is open and answered in no known
// protocol (ttm_cmd_unconfirmed.nasl). Both are detections; kConfirmed is the stronger.
enum class DetectionTier { kConfirmed, kUnconfirmed };

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
  // The strongest evidence it ever had: kConfirmed when any of its detections was.
  DetectionTier tier = DetectionTier::kConfirmed;
};

// The evidence of one detection: what the scanner saw, verbatim.
struct Evidence {
  ScanRef scan;
  std::uint16_t port = 0;
  std::string protocol;
  std::string plugin_id;
  std::string plugin_name;
  int severity = 0;
  std::string output;                              // untrusted text from the export
  DetectionTier tier = DetectionTier::kConfirmed;  // its matched rule's
};

}  // namespace ttmtrack::core
