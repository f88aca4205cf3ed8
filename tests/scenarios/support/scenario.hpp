#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "tests/support/ttmtrack_cli.hpp"
#include "tools/scangen/scan_spec.hpp"

namespace ttmtrack::scenarios {

using scangen::ExportFormat;
using scangen::HostSpec;
using scangen::ScanSpec;
using test::TtmtrackCli;

// Scan times of the scenarios: a monthly verification cycle.
inline constexpr const char* kJan = "2026-01-05T10:00:00Z";
inline constexpr const char* kJan20 = "2026-01-20T10:00:00Z";
inline constexpr const char* kFeb = "2026-02-02T10:00:00Z";
inline constexpr const char* kFeb16 = "2026-02-16T10:00:00Z";
inline constexpr const char* kMar = "2026-03-02T10:00:00Z";
inline constexpr const char* kApr = "2026-04-06T10:00:00Z";
inline constexpr const char* kMay = "2026-05-04T10:00:00Z";

// One scan export of a scenario. `name` is both the file stem and the scan's name (Nessus
// Report name, GVM task name), so expectations can name scans.
struct Step {
  std::string name;
  std::string time;
  std::vector<HostSpec> hosts;
  std::function<void(ScanSpec&)> tweak;  // plugin set, port range, ... (nullptr: defaults)
  std::optional<ExportFormat> format;    // nullopt: the format the case runs in
};

HostSpec Detecting(const std::string& ip, const std::vector<std::uint16_t>& ports);
HostSpec Clean(const std::string& ip);
HostSpec Interrupted(HostSpec host);
HostSpec WithUdpDetection(HostSpec host, std::uint16_t port);

// Expected `status --format json` object. Step names stand for their scan times; "" is null.
struct ExpectExposure {
  std::string ip;
  int port = 0;
  std::string state;
  std::string first_seen;
  std::string last_seen;
  std::string last_checked;
  std::string verified_by;
  std::optional<std::string> hostname;  // checked when set
  std::string protocol = "tcp";
};

// Whether an outcome's `assumption` is empty.
enum class Assumed {
  kByFormat,  // an `absent` from a GVM report rests on assumptions; anything else does not
  kYes,
  kNo,
  kAny,  // not checked: a not-covered outcome may keep assumptions taken before the failing check
};

// Expected `history --format json` row. "" is null for reason and state_after.
struct ExpectOutcome {
  std::string step;
  std::string outcome;
  std::string reason;
  std::string state_after;
  Assumed assumed = Assumed::kByFormat;
};

struct ExpectHistory {
  std::string ip;
  int port = 0;
  std::vector<ExpectOutcome> outcomes;  // in scan-time order
  std::string protocol = "tcp";
};

enum class Formats {
  kBoth,        // run once with every step as Nessus, once as GVM
  kNessusOnly,  // the story needs a Policy (plugin selection, port range)
  kAsWritten,   // every step names its format (interleaved scanners)
};

// A named lifecycle story: ttmtrack commands run first (`config set ...`), then the steps
// imported one file per command in the order listed, then the expected state of every
// exposure and the expected history of some.
struct Scenario {
  std::string name;
  Formats formats = Formats::kBoth;
  std::vector<std::vector<std::string>> commands;
  std::vector<Step> steps;
  std::vector<ExpectExposure> status;
  std::vector<ExpectHistory> history;
};

// What the runner knows about a written step.
struct WrittenScan {
  std::string file;
  std::string time;
  std::string sha256;  // of the XML: the scan's identity
  ExportFormat format = ExportFormat::kNessus;
  std::size_t hosts = 0;
  std::size_t results = 0;
  std::size_t detections = 0;
};

// Writes steps as export files into `dir` (the format from the step, else `format`).
WrittenScan WriteStep(const std::string& dir, const Step& step, ExportFormat format);

// The scan's identity: the SHA-256 of the XML in the file at `path` (inflated when it ends .gz).
std::string XmlSha256Hex(const std::string& path);

// Checks status and history output against a scenario (GoogleTest assertions).
class ScenarioChecker {
 public:
  ScenarioChecker(const TtmtrackCli& cli, std::map<std::string, WrittenScan> scans)
      : cli_(cli), scans_(std::move(scans)) {}

  // Also remembers the status for CheckHostHistories.
  void CheckStatus(const std::vector<ExpectExposure>& expected);
  // `history IP --port N`: exactly the expected rows.
  void CheckHistory(const ExpectHistory& expected) const;
  // One `history IP` per host of the last status checked (REQUIRES: CheckStatus ran): every
  // scan yields one outcome for every exposure, so each exposure has one row per imported
  // scan; and the rows of each expected history, in order. Cheaper than CheckHistory per
  // exposure, which matters when the binary runs under AddressSanitizer.
  void CheckHostHistories(const std::vector<ExpectHistory>& expected) const;

 private:
  void CheckScanRef(const nlohmann::json& ref, const std::string& step,
                    const std::string& what) const;
  void CheckRows(const ExpectHistory& expected, const std::vector<nlohmann::json>& rows) const;
  std::string TimeOf(const std::string& step) const;

  const TtmtrackCli& cli_;
  std::map<std::string, WrittenScan> scans_;  // by step name
  nlohmann::json status_;                     // the last status checked
};

}  // namespace ttmtrack::scenarios
