#include "core/export_filter.hpp"

#include <string>
#include <utility>
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

// "the export shows c564e5ab results of tier confirmed (QoD 95) and unconfirmed, so ...".
std::string SeenBecause(const ExportedDetections& detections) {
  std::vector<std::string> tiers;
  for (const auto& [name, seen] : {std::pair{"confirmed", &detections.confirmed},
                                   std::pair{"unconfirmed", &detections.unconfirmed}}) {
    if (!seen->any) continue;
    tiers.push_back(std::string(name) + (seen->max_qod ? " (QoD " + N(*seen->max_qod) + ")" : ""));
  }
  std::string text = "the export shows c564e5ab results of tier " + tiers.front();
  if (tiers.size() > 1) text += " and " + tiers.back();
  return text + ", so its filter lets them through";
}

// min_qod against each tier that counts as a detection (docs/verification.md, "Export filters"):
// a tier whose results the export holds has shown that they pass; another passes only when
// min_qod is at most its plugin's QoD.
void JudgeMinQod(int min_qod, const ExportedDetections& detections, std::vector<std::string>& hides,
                 std::vector<std::string>& shows) {
  struct Tier {
    const char* plugin;
    int qod;
    bool seen;
  };
  const Tier tiers[] = {
      {"the ttm_cmd plugin", kOwnPluginQod, detections.confirmed.any},
      {"the unconfirmed-listener plugin", kOwnUnconfirmedPluginQod, detections.unconfirmed.any}};
  std::string hidden;
  std::string passed;
  for (const Tier& tier : tiers) {
    if (tier.seen) continue;
    if (min_qod > tier.qod) {
      hidden += hidden.empty() ? std::string(tier.plugin) + " reports at QoD " + N(tier.qod)
                               : " and " + std::string(tier.plugin) + " at QoD " + N(tier.qod);
    } else {
      passed +=
          (passed.empty() ? "" : " and ") + std::string(tier.plugin) + "'s QoD " + N(tier.qod);
    }
  }
  const std::string filter = "the export's filter min_qod=" + N(min_qod);
  if (!hidden.empty()) {
    hides.push_back(filter + " hides results below QoD " + N(min_qod) + "; " + hidden);
  } else if (!passed.empty()) {
    shows.push_back(filter + " lets " + passed + " through");
  }
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

  // Both tiers report at Medium: a result of either settles levels.
  if (detections.Any() && (f.min_qod || f.levels)) {
    shows.push_back(SeenBecause(detections));
  } else if (f.levels) {
    if (LevelsExcludeOwn(*f.levels)) {
      hides.push_back("the export's filter levels=" + *f.levels + " leaves out " + level +
                      " results; the ttm_cmd plugin reports at " + level);
    } else {
      shows.push_back("the export's filter levels=" + *f.levels + " includes " + level);
    }
  }
  if (f.min_qod) JudgeMinQod(*f.min_qod, detections, hides, shows);
  if (!hides.empty()) return {Knowledge::kNo, JoinFacts(hides)};
  if (shows.empty()) shows.emplace_back("the export's filter states nothing that hides results");
  return {Knowledge::kYes, JoinFacts(shows)};
}

}  // namespace ttmtrack::core
