#include "cli/format/import_summary.hpp"

#include <fmt/format.h>

namespace ttmtrack::cli {

using Json = nlohmann::ordered_json;

namespace {

// "1 host", "2 hosts".
std::string Count(std::int64_t n, const char* noun) {
  return fmt::format("{} {}{}", n, noun, n == 1 ? "" : "s");
}

}  // namespace

std::string ImportSummaryLine(const std::string& file, const db::ImportResult& result) {
  if (result.status == db::ImportStatus::kAlreadyImported) {
    if (result.stored_file_name == file) {
      return fmt::format("{}: already imported as scan {}; nothing to do", file, result.scan_id);
    }
    return fmt::format("{}: already imported as scan {} (the same XML, from {}); nothing to do",
                       file, result.scan_id, result.stored_file_name);
  }
  const db::LifecycleCounts& c = result.lifecycle;
  // Every line carries every count, zero or not, so lines can be compared and parsed alike.
  std::string line = fmt::format(
      "{}: imported as scan {} ({}, {}, {}); exposures: {} new, {} still open, {} verified "
      "fixed, {} reopened, {} not checked, {} still fixed",
      file, result.scan_id, Count(result.hosts, "host"), Count(result.results, "result"),
      Count(result.detections, "detection"), c.new_exposures, c.still_open, c.verified_fixed,
      c.reopened, c.not_checked, c.still_fixed);
  if (result.learned_rules > 0) {
    line += "; learned " + Count(std::int64_t{result.learned_rules}, "plugin ID rule");
  }
  return line;
}

Json ImportSummaryJson(const std::string& file, const db::ImportResult& result) {
  Json j;
  j["file"] = file;
  j["status"] =
      result.status == db::ImportStatus::kAlreadyImported ? "already-imported" : "imported";
  j["scan_id"] = result.scan_id;
  j["hosts"] = result.hosts;
  j["results"] = result.results;
  j["detections"] = result.detections;
  j["learned_rules"] = result.learned_rules;
  j["stored_file"] =
      result.status == db::ImportStatus::kAlreadyImported ? Json(result.stored_file_name) : Json();
  j["unreadable_host_times"] = result.unreadable_host_times;
  const db::LifecycleCounts& c = result.lifecycle;
  j["exposures"] = {{"new", c.new_exposures},
                    {"still_open", c.still_open},
                    {"verified_fixed", c.verified_fixed},
                    {"reopened", c.reopened},
                    {"still_fixed", c.still_fixed},
                    {"not_checked", c.not_checked}};
  j["error"] = nullptr;
  return j;
}

std::string UnreadableTimesWarning(const std::string& file, const db::ImportResult& result) {
  return fmt::format(
      "{}: warning: {} host{} with a time that cannot be read (first: {}); their times are "
      "unknown and this scan cannot prove them scanned to completion",
      file, result.unreadable_host_times, result.unreadable_host_times == 1 ? "" : "s",
      result.first_unreadable_time);
}

Json ImportFailureJson(const std::string& file, const Error& error) {
  Json j;
  j["file"] = file;
  j["status"] = "failed";
  j["scan_id"] = nullptr;
  j["error"] = error.what();
  j["line"] = error.context().line > 0 ? Json(error.context().line) : Json();
  j["column"] = error.context().column > 0 ? Json(error.context().column) : Json();
  j["exit_code"] = error.ExitCode();
  return j;
}

std::string DropResultLine(const DropResult& result, const DropFolder& folder) {
  const std::string moved = result.moved_to.string();
  switch (result.status) {
    case DropStatus::kImported:
    case DropStatus::kAlreadyImported: {
      std::string line = ImportSummaryLine(result.name, result.import);
      if (!moved.empty()) return line + "; moved to " + moved;
      return line + "; but it stays in the drop folder (the next run moves it): " + result.error;
    }
    case DropStatus::kRefused:
      if (moved.empty()) return result.name + ": refused: " + result.error;
      return result.name + ": refused: " + result.error + "; moved to " + moved + " (reason in " +
             moved + ".error)";
    case DropStatus::kWaiting:
      return fmt::format(
          "{}: still being written (modified {} s ago, settle time {} s); left for the next run",
          result.name, result.age_seconds, folder.settle.count());
    case DropStatus::kKept:
      return result.name + ": not imported: " + result.error +
             "; left in the drop folder for the next run";
  }
  return result.name;
}

int DropResultPriority(const DropResult& result) {
  const bool problem = result.status == DropStatus::kRefused ||
                       result.status == DropStatus::kKept || !result.error.empty();
  return problem ? 3 : 6;
}

Json DropResultJson(const DropResult& result) {
  Json j;
  switch (result.status) {
    case DropStatus::kImported:
    case DropStatus::kAlreadyImported: j = ImportSummaryJson(result.name, result.import); break;
    default:
      j["file"] = result.name;
      j["status"] = ToString(result.status);
      j["scan_id"] = nullptr;
      j["error"] = result.error.empty() ? Json() : Json(result.error);
      break;
  }
  if (!result.error.empty()) j["error"] = result.error;
  if (result.exit_code != 0) j["exit_code"] = result.exit_code;
  if (result.status == DropStatus::kWaiting) j["age_seconds"] = result.age_seconds;
  j["moved_to"] = result.moved_to.empty() ? Json() : Json(result.moved_to.string());
  return j;
}

}  // namespace ttmtrack::cli
