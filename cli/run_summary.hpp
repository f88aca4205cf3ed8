#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli/spool/drop_folder.hpp"
#include "db/store_types.hpp"

namespace ttmtrack::cli {

// The report step of a run: written, or why not.
struct RunReport {
  std::string folder;
  bool written = false;
  std::size_t host_pages = 0;
  std::string error;  // when not written
  int exit_code = 0;  // the error's sysexits code
};

// One notification target's outcome (cli/notify/).
struct RunNotification {
  std::string target;       // "webhook" or "email"
  std::string destination;  // shown without secrets: scheme://host[:port]/..., or the recipients
  enum class Status { kSent, kFailed, kNotNeeded } status = Status::kNotNeeded;
  std::string error;  // kFailed: why
};

// What one `ttmtrack run` did (docs/cli.md, "run"): printed as a text block or JSON, and what
// the notifications carry.
struct RunSummary {
  std::int64_t started_at = 0;
  std::int64_t finished_at = 0;
  std::string database;
  DropFolder folder;
  std::vector<DropResult> files;  // in the order they were handled
  db::ExposureChanges exposures;
  // After the run's imports (docs/triage.md): exposures past their remediation deadline with no
  // active decision, and exposures no scan has covered for stale.days.
  int overdue = 0;
  int stale = 0;
  std::vector<db::DroppedOutHost> dropped_out;  // Store::HostsDroppedOutOfScanning
  std::optional<RunReport> report;              // nullopt: no report folder configured
  std::vector<RunNotification> notifications;   // filled last

  // Scans this run imported: their ids (ChangesSince, "dropped out in this run").
  std::vector<std::int64_t> ImportedScanIds() const;
  // A host whose task's latest scan came with this run: it dropped out just now.
  bool DroppedOutInThisRun(const db::DroppedOutHost& host) const;
  // 0 when every file imported and nothing failed; else the first file's error code, else the
  // report's, else 69 when a notification failed (docs/cli.md, "run").
  int ExitCode() const;
};

// "2026-01-05T10:00:00Z" (core::FormatIso8601Utc), or "an unknown time".
std::string TimeText(std::optional<std::int64_t> epoch_seconds);

// How many files ended each way.
struct FileCounts {
  int imported = 0;
  int already_imported = 0;
  int waiting = 0;
  int failed = 0;  // refused: moved to failed/
  int kept = 0;    // left after a database or disk error
};
FileCounts CountFiles(const std::vector<DropResult>& files);

// The block printed to stdout, one "label: value" line per part; lists longer than
// `list_limit` are cut with "... and N more". Untrusted text is escaped (SafeTerminalText).
// With `include_notifications` false (the text sent by e-mail) the notification line and exit
// code are left out.
std::string RunSummaryText(const RunSummary& summary, bool include_notifications = true,
                           std::size_t list_limit = 20);
// The JSON form (field names are a contract, docs/cli.md). Without notifications (the webhook
// body) `notifications` and `exit_code` are left out.
nlohmann::ordered_json RunSummaryJson(const RunSummary& summary, bool include_notifications = true);

}  // namespace ttmtrack::cli
