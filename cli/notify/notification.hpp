#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli/run_summary.hpp"

namespace ttmtrack::cli {

// The one message a run sends to each notification target (docs/install.md, "Notifications").
struct Notification {
  // What needs a person, one line each ("1 new exposure"); empty in an `always` message about
  // a quiet run.
  std::vector<std::string> attention;
  std::string subject;          // e-mail subject: counts only, no text from scans
  std::string text;             // e-mail body: the attention list and the run summary
  nlohmann::ordered_json json;  // webhook body: {source, version, host, attention, run}
};

// What in `summary` needs a person: new or reopened exposures, refused files, files left after
// an error, a report that could not be written, hosts that dropped out with this run's scans.
std::vector<std::string> AttentionItems(const RunSummary& summary);

// The message for `summary` from the machine `host_name`; nullopt when nothing needs a person
// and `always` (notify.when = always) is false.
std::optional<Notification> BuildNotification(const RunSummary& summary, bool always,
                                              const std::string& host_name);

}  // namespace ttmtrack::cli
