#include "cli/run_summary.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "cli/format/import_summary.hpp"
#include "cli/format/terminal_text.hpp"
#include "core/civil_time.hpp"
#include "core/error.hpp"
#include "core/json_fields.hpp"

namespace ttmtrack::cli {
namespace {

using Json = nlohmann::ordered_json;

std::string Plural(std::size_t n, const char* word) {
  return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

std::string ExposureName(const core::Exposure& e) {
  std::string name = fmt::format("{}:{}/{}", e.ip, e.port, e.protocol);
  if (!e.hostname.empty()) name += " (" + e.hostname + ")";
  return SafeTerminalText(name);
}

std::string DroppedOutLine(const RunSummary& summary, const db::DroppedOutHost& host) {
  std::string name = host.ip;
  if (!host.hostname.empty()) name += " (" + host.hostname + ")";
  const auto when = [](const core::ScanRef& scan) { return TimeText(scan.time); };
  return SafeTerminalText(
      fmt::format("{}: in {} task \"{}\" until {} ({}), not in its latest scan of {} ({}){}", name,
                  host.latest_scan.scanner, host.latest_scan.scan_name, when(host.last_seen_by),
                  host.last_seen_by.file_name, when(host.latest_scan), host.latest_scan.file_name,
                  summary.DroppedOutInThisRun(host) ? "; new with this run" : ""));
}

// "label:" padded so the values line up.
void Line(std::string& out, const char* label, const std::string& value) {
  out += fmt::format("{:<15}{}\n", std::string(label) + ":", value);
}

template <typename Item, typename Render>
void List(std::string& out, const std::vector<Item>& items, std::size_t limit, Render render) {
  for (std::size_t i = 0; i < items.size() && i < limit; ++i) out += "  " + render(items[i]) + "\n";
  if (items.size() > limit) {
    out += fmt::format("  ... and {} more (--format json lists all)\n", items.size() - limit);
  }
}

std::string NotificationText(const RunNotification& n) {
  std::string text = n.target + " " + SafeTerminalText(n.destination) + ": ";
  switch (n.status) {
    case RunNotification::Status::kSent: return text + "sent";
    case RunNotification::Status::kFailed: return text + "FAILED: " + SafeTerminalText(n.error);
    case RunNotification::Status::kNotNeeded: return text + "nothing to report";
  }
  return text;
}

const char* ToString(RunNotification::Status status) {
  switch (status) {
    case RunNotification::Status::kSent: return "sent";
    case RunNotification::Status::kFailed: return "failed";
    case RunNotification::Status::kNotNeeded: return "not-needed";
  }
  return "unknown";
}

Json DroppedOutJson(const RunSummary& summary) {
  Json dropped = Json::array();
  for (const db::DroppedOutHost& host : summary.dropped_out) {
    Json h = core::DroppedOutHostJson(host);
    h["new_in_this_run"] = summary.DroppedOutInThisRun(host);
    dropped.push_back(std::move(h));
  }
  return dropped;
}

}  // namespace

std::string TimeText(std::optional<std::int64_t> epoch_seconds) {
  std::optional<std::string> text;
  if (epoch_seconds) text = core::FormatIso8601Utc(*epoch_seconds);
  return text.value_or("an unknown time");
}

std::vector<std::int64_t> RunSummary::ImportedScanIds() const {
  std::vector<std::int64_t> ids;
  for (const DropResult& file : files) {
    if (file.status == DropStatus::kImported) ids.push_back(file.import.scan_id);
  }
  return ids;
}

bool RunSummary::DroppedOutInThisRun(const db::DroppedOutHost& host) const {
  const std::vector<std::int64_t> ids = ImportedScanIds();
  return std::find(ids.begin(), ids.end(), host.latest_scan.id) != ids.end();
}

int RunSummary::ExitCode() const {
  for (const DropResult& file : files) {
    if (file.exit_code != 0) return file.exit_code;
  }
  if (report && !report->written) return report->exit_code;
  for (const RunNotification& n : notifications) {
    if (n.status == RunNotification::Status::kFailed) return exit_code::kUnavailable;
  }
  return exit_code::kOk;
}

FileCounts CountFiles(const std::vector<DropResult>& files) {
  FileCounts counts;
  for (const DropResult& file : files) {
    switch (file.status) {
      case DropStatus::kImported: ++counts.imported; break;
      case DropStatus::kAlreadyImported: ++counts.already_imported; break;
      case DropStatus::kWaiting: ++counts.waiting; break;
      case DropStatus::kRefused: ++counts.failed; break;
      case DropStatus::kKept: ++counts.kept; break;
    }
  }
  return counts;
}

std::string RunSummaryText(const RunSummary& summary, bool include_notifications,
                           std::size_t list_limit) {
  std::string out =
      fmt::format("ttmtrack run {} .. {}, database {}\n", TimeText(summary.started_at),
                  TimeText(summary.finished_at), SafeTerminalText(summary.database));
  const FileCounts f = CountFiles(summary.files);
  std::string files = fmt::format(
      "{} imported, {} skipped ({} already imported, {} still being written), {} failed",
      f.imported, f.already_imported + f.waiting, f.already_imported, f.waiting, f.failed);
  if (f.failed > 0) files += " (in " + SafeTerminalText(summary.folder.failed.string()) + ")";
  if (f.kept > 0) files += fmt::format(", {} left in the drop folder after an error", f.kept);
  Line(out, "files", files);
  const db::LifecycleCounts& c = summary.exposures.counts;
  Line(out, "exposures",
       fmt::format("{} new, {} still open, {} verified fixed, {} reopened, {} not covered, {} "
                   "still fixed",
                   c.new_exposures, c.still_open, c.verified_fixed, c.reopened, c.not_checked,
                   c.still_fixed));
  Line(out, "deadlines",
       fmt::format("{} overdue, {} stale (no covering scan for stale.days)", summary.overdue,
                   summary.stale));
  if (!summary.exposures.new_exposures.empty()) {
    Line(out, "new", Plural(summary.exposures.new_exposures.size(), "exposure") + ":");
    List(out, summary.exposures.new_exposures, list_limit, ExposureName);
  }
  if (!summary.exposures.reopened.empty()) {
    Line(out, "reopened", Plural(summary.exposures.reopened.size(), "exposure") + ":");
    List(out, summary.exposures.reopened, list_limit, ExposureName);
  }
  const auto fresh = static_cast<std::size_t>(
      std::count_if(summary.dropped_out.begin(), summary.dropped_out.end(),
                    [&](const db::DroppedOutHost& h) { return summary.DroppedOutInThisRun(h); }));
  Line(out, "dropped out",
       fmt::format("{} no longer in their task's latest scan ({} with this run's scans){}",
                   Plural(summary.dropped_out.size(), "host"), fresh,
                   summary.dropped_out.empty() ? "" : ":"));
  List(out, summary.dropped_out, list_limit,
       [&](const db::DroppedOutHost& h) { return DroppedOutLine(summary, h); });
  if (!summary.report) {
    Line(out, "report", "not written (no report.folder configured, or --no-report)");
  } else if (summary.report->written) {
    Line(out, "report",
         fmt::format("{} ({})", SafeTerminalText(summary.report->folder),
                     Plural(summary.report->host_pages, "host page")));
  } else {
    Line(out, "report", "FAILED: " + SafeTerminalText(summary.report->error));
  }
  if (include_notifications) {
    if (summary.notifications.empty()) Line(out, "notifications", "none configured");
    for (const RunNotification& n : summary.notifications) {
      Line(out, "notification", NotificationText(n));
    }
    Line(out, "exit code", std::to_string(summary.ExitCode()));
  }
  return out;
}

Json RunSummaryJson(const RunSummary& summary, bool include_notifications) {
  Json j;
  j["started_at"] = core::TimeJson(summary.started_at);
  j["finished_at"] = core::TimeJson(summary.finished_at);
  j["database"] = summary.database;
  j["drop_folder"] = summary.folder.incoming.string();
  j["done_folder"] = summary.folder.done.string();
  j["failed_folder"] = summary.folder.failed.string();
  const FileCounts f = CountFiles(summary.files);
  j["files"] = {{"imported", f.imported}, {"skipped", f.already_imported + f.waiting},
                {"failed", f.failed},     {"already_imported", f.already_imported},
                {"waiting", f.waiting},   {"kept", f.kept}};
  Json file_results = Json::array();
  for (const DropResult& file : summary.files) file_results.push_back(DropResultJson(file));
  j["file_results"] = std::move(file_results);
  const db::LifecycleCounts& c = summary.exposures.counts;
  j["exposures"] = {{"new", c.new_exposures},
                    {"still_open", c.still_open},
                    {"verified_fixed", c.verified_fixed},
                    {"reopened", c.reopened},
                    {"still_fixed", c.still_fixed},
                    {"not_covered", c.not_checked}};
  j["overdue"] = summary.overdue;
  j["stale"] = summary.stale;
  const auto exposures = [](const std::vector<core::Exposure>& list) {
    Json array = Json::array();
    for (const core::Exposure& e : list) array.push_back(core::ExposureJson(e));
    return array;
  };
  j["new_exposures"] = exposures(summary.exposures.new_exposures);
  j["reopened_exposures"] = exposures(summary.exposures.reopened);
  j["verified_fixed_exposures"] = exposures(summary.exposures.verified_fixed);
  j["dropped_out_hosts"] = DroppedOutJson(summary);
  if (summary.report) {
    const RunReport& r = *summary.report;
    j["report"] = {{"folder", r.folder},
                   {"written", r.written},
                   {"host_pages", r.host_pages},
                   {"error", r.error.empty() ? Json() : Json(r.error)}};
  } else {
    j["report"] = nullptr;
  }
  if (include_notifications) {
    Json notifications = Json::array();
    for (const RunNotification& n : summary.notifications) {
      notifications.push_back({{"target", n.target},
                               {"destination", n.destination},
                               {"status", ToString(n.status)},
                               {"error", n.error.empty() ? Json() : Json(n.error)}});
    }
    j["notifications"] = std::move(notifications);
    j["exit_code"] = summary.ExitCode();
  }
  return j;
}

}  // namespace ttmtrack::cli
