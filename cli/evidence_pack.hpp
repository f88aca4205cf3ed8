#pragma once

#include <filesystem>

#include "db/store.hpp"
#include "reports/report_options.hpp"

namespace ttmtrack::cli {

// `report --pack FILE.zip` (docs/reports.md, "Evidence pack"): one archive an auditor can take
// away, holding
//   report/...                 every file of the HTML report folder `report_dir` (written first);
//   json/index.json, json/hosts/<stem>.json   the report's JSON form;
//   triage/decisions.json      every triage record, in the order made;
//   MANIFEST.sha256            `sha256sum` lines for every file above, then, after a comment
//                              line, the SHA-256 of every source export the report rests on
//                              (each imported scan's file as stored) with the file name it was
//                              imported under.
// Entries are in name order, dated `options.generated_at`: the same database and generation time
// give a byte-identical archive. Written to a temporary sibling and renamed over `zip`.
// Throws ttmtrack::Error kIo when a file cannot be read or written.
void WriteEvidencePack(db::Store& store, const std::filesystem::path& report_dir,
                       const std::filesystem::path& zip, const reports::ReportOptions& options);

}  // namespace ttmtrack::cli
