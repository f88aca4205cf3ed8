#pragma once

#include <filesystem>
#include <string>

namespace ttmtrack::reports::testing {

// A year of nightly scans of one host, made and reported by the real programs: ttmtrack-gen
// writes 365 Nessus exports (one a night from 2025-01-01 02:00 UTC) of host kYearHost with
// ttm_cmd detected on 5010/tcp on nights 0-99 and 200-364, absent on nights 100-199 (fixed on
// night 100, reopened on night 200) except night 150, when the host's scan did not complete;
// `ttmtrack import` stores them and `ttmtrack report` writes DIR (HTML) and DIR-json (JSON).
// Expected timeline rows: first detection, run of 99, verified fix, run of 49, not covered,
// run of 49, reopened, run of 164 — 8 rows for 365 scans.
inline constexpr char kYearHost[] = "10.40.8.13";
inline constexpr int kYearNights = 365;
inline constexpr int kYearTimelineRows = 8;

struct YearHistory {
  std::filesystem::path html;  // the report folder (index.html, hosts/10.40.8.13.html)
  std::filesystem::path json;  // the same report as JSON
};

// Builds the history once per test process under `work` (a fresh folder) and returns the
// report folders. Records a GoogleTest failure when a program fails.
YearHistory MakeYearHistory(const std::filesystem::path& work);

}  // namespace ttmtrack::reports::testing
