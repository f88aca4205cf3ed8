#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace ttmtrack::core {

// What a GVM report's result filter and paging let into the export, as the export states it.
// A GVM report is a *view* of a scan: gvmd leaves out results below the filter's minimum
// Quality of Detection and of excluded severity levels, and a paginated report holds one page.
// Judged by core::JudgeExportFilter; Nessus exports hold every result and carry none of this.
struct ResultFilter {
  std::string term;                     // the filter term as exported, for display ("" when none)
  std::optional<int> min_qod;           // min_qod=N: results with QoD below N are left out
  std::optional<std::string> levels;    // levels=hml: severity levels let through, lower-case
                                        // (h high, m medium, l low, g log, d debug, f false pos.,
                                        // c critical)
  std::optional<bool> apply_overrides;  // overrides applied: a result's level may not be its NVT's
  std::optional<std::int64_t> first;    // first result of the page, 1-based (first=, results@start)
  std::optional<std::int64_t> rows;     // page size (rows=, else results@max); -1: no limit
  std::optional<std::int64_t> filtered_count;  // result_count/filtered: results the filter matched
  std::optional<std::int64_t> full_count;      // result_count/full: results of the whole scan
  std::int64_t results_in_export = 0;          // report/results/result elements in the file
};

}  // namespace ttmtrack::core
