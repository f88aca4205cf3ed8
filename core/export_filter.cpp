#include "core/export_filter.hpp"

#include <string>
#include <vector>

#include "core/detection_constants.hpp"
#include "core/facts.hpp"

namespace ttmtrack::core {
namespace {

std::string N(std::int64_t value) { return std::to_string(value); }

// Why the export may be one page of a longer list; empty when it holds every matched result
// or states too little to tell.
std::string PageCutBecause(const ResultFilter& f) {
  const std::int64_t held = f.results_in_export;
  if (f.filtered_count) {
    if (held >= *f.filtered_count) return {};
    std::string page;
    if (f.first) page += "first=" + N(*f.first);
    if (f.rows) page += std::string(page.empty() ? "" : " ") + "rows=" + N(*f.rows);
    return "the export holds " + N(held) + " of the " + N(*f.filtered_count) +
           " results its filter matched: it is one page of the report" +
           (page.empty() ? "" : " (" + page + ")");
  }
  if (f.first && *f.first > 1) {
    return "the export is a page starting at result " + N(*f.first) + " (first=" + N(*f.first) +
           "): the results before it are not in it";
  }
  if (f.rows && *f.rows > 0 && held >= *f.rows) {
    return "the export holds " + N(held) + " results, as many as its page size rows=" + N(*f.rows) +
           ", and states no result count: later results may be cut off";
  }
  return {};
}

// What shows the export holds every matched result; empty when it states nothing about it.
std::string PageWholeBecause(const ResultFilter& f) {
  const std::int64_t held = f.results_in_export;
  if (f.filtered_count) {
    return "the export holds all " + N(*f.filtered_count) + " results its filter matched";
  }
  if (f.rows && *f.rows > 0) {
    return "the export holds " + N(held) + " results, fewer than its page size rows=" + N(*f.rows);
  }
  return {};
}

bool LevelsExcludeOwn(const std::string& levels) {
  return levels.find(kOwnPluginLevel) == std::string::npos;
}

}  // namespace

Judgement JudgeExportFilter(const std::optional<ResultFilter>& filter,
                            const ExportedDetections& detections) {
  if (!filter) return {Knowledge::kUnknown, ""};
  const ResultFilter& f = *filter;
  const std::string level(kOwnPluginLevelName);
  std::vector<std::string> hides;
  std::vector<std::string> shows;

  if (std::string cut = PageCutBecause(f); !cut.empty()) {
    hides.push_back(std::move(cut));
  } else if (std::string whole = PageWholeBecause(f); !whole.empty()) {
    shows.push_back(std::move(whole));
  }

  if (detections.any && (f.min_qod || f.levels)) {
    std::string seen = "the export shows c564e5ab results";
    if (detections.max_qod) seen += " (QoD " + N(*detections.max_qod) + ")";
    shows.push_back(seen + ", so its filter lets them through");
  } else {
    if (f.levels) {
      if (LevelsExcludeOwn(*f.levels)) {
        hides.push_back("the export's filter levels=" + *f.levels + " leaves out " + level +
                        " results; the ttm_cmd plugin reports at " + level);
      } else {
        shows.push_back("the export's filter levels=" + *f.levels + " includes " + level);
      }
    }
    if (f.min_qod) {
      if (*f.min_qod > kOwnPluginQod) {
        hides.push_back("the export's filter min_qod=" + N(*f.min_qod) +
                        " hides results below QoD " + N(*f.min_qod) +
                        "; the ttm_cmd plugin reports at QoD " + N(kOwnPluginQod));
      } else {
        shows.push_back("the export's filter min_qod=" + N(*f.min_qod) +
                        " lets the ttm_cmd plugin's QoD " + N(kOwnPluginQod) + " through");
      }
    }
  }
  if (!hides.empty()) return {Knowledge::kNo, JoinFacts(hides)};
  if (shows.empty()) shows.emplace_back("the export's filter states nothing that hides results");
  return {Knowledge::kYes, JoinFacts(shows)};
}

}  // namespace ttmtrack::core
