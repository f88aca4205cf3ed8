#include "cli/notify/notification.hpp"

#include <algorithm>

#include <fmt/format.h>

#ifndef TTMTRACK_VERSION
#error "TTMTRACK_VERSION must be defined by the build"
#endif

namespace ttmtrack::cli {
namespace {

void Count(std::vector<std::string>& items, std::size_t n, const char* one, const char* many) {
  if (n > 0) items.push_back(fmt::format("{} {}", n, n == 1 ? one : many));
}

}  // namespace

std::vector<std::string> AttentionItems(const RunSummary& summary) {
  std::vector<std::string> items;
  Count(items, summary.exposures.new_exposures.size(), "new exposure", "new exposures");
  Count(items, summary.exposures.reopened.size(), "reopened exposure", "reopened exposures");
  const FileCounts files = CountFiles(summary.files);
  Count(items, static_cast<std::size_t>(files.failed), "file refused (moved to failed/)",
        "files refused (moved to failed/)");
  Count(items, static_cast<std::size_t>(files.kept), "file left in the drop folder after an error",
        "files left in the drop folder after an error");
  if (summary.report && !summary.report->written) items.emplace_back("the report was not written");
  const auto fresh = static_cast<std::size_t>(
      std::count_if(summary.dropped_out.begin(), summary.dropped_out.end(),
                    [&](const db::DroppedOutHost& h) { return summary.DroppedOutInThisRun(h); }));
  Count(items, fresh, "host dropped out of scanning", "hosts dropped out of scanning");
  return items;
}

std::optional<Notification> BuildNotification(const RunSummary& summary, bool always,
                                              const std::string& host_name) {
  Notification n;
  n.attention = AttentionItems(summary);
  if (n.attention.empty() && !always) return std::nullopt;
  std::string joined;
  for (const std::string& item : n.attention) joined += (joined.empty() ? "" : ", ") + item;
  n.subject =
      fmt::format("ttmtrack on {}: {}", host_name,
                  joined.empty() ? std::string("nightly run, nothing needs attention") : joined);
  n.text = fmt::format("ttmtrack on {}, run of {}.\n\n", host_name, TimeText(summary.started_at));
  if (!n.attention.empty()) {
    n.text += "Needs attention:\n";
    for (const std::string& item : n.attention) n.text += "  - " + item + "\n";
    n.text += "\n";
  }
  n.text += RunSummaryText(summary, /*include_notifications=*/false);
  n.json["source"] = "ttmtrack";
  n.json["version"] = TTMTRACK_VERSION;
  n.json["host"] = host_name;
  n.json["attention"] = n.attention;
  n.json["run"] = RunSummaryJson(summary, /*include_notifications=*/false);
  return n;
}

}  // namespace ttmtrack::cli
