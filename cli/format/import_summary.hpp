#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "cli/spool/drop_folder.hpp"
#include "core/error.hpp"
#include "db/store_types.hpp"

namespace ttmtrack::cli {

// The per-file lines and JSON objects of `import` and `import --from` (docs/cli.md, "import");
// `run` reports each drop-folder file the same way. Field names are a contract.

// "FILE: imported as scan 1 (4 hosts, ...); exposures: 3 new, ..." or "FILE: already imported
// as scan 1; nothing to do" (naming the stored scan's file when it came from another one: the
// same XML, plain or gzip, or renamed).
std::string ImportSummaryLine(const std::string& file, const db::ImportResult& result);
// {file, status, scan_id, hosts, results, detections, learned_rules, stored_file,
// unreadable_host_times, exposures{...}, error}
nlohmann::ordered_json ImportSummaryJson(const std::string& file, const db::ImportResult& result);
// The one warning line for a file that imported with host times that cannot be read
// (result.unreadable_host_times > 0): those hosts cannot prove their scan complete
// (docs/importer.md, "Times").
std::string UnreadableTimesWarning(const std::string& file, const db::ImportResult& result);
// {file, status: "failed", scan_id: null, error, line, column, exit_code}
nlohmann::ordered_json ImportFailureJson(const std::string& file, const Error& error);

// One line per drop-folder file, for people and for the journal: what happened and where the
// file went. Untrusted text (file names, messages quoting exports) is not escaped here: pass
// the line through SafeTerminalText before printing.
std::string DropResultLine(const DropResult& result, const DropFolder& folder);
// The syslog priority of that line: 3 (error) for refused and kept files and failed moves, 6
// (info) otherwise.
int DropResultPriority(const DropResult& result);
// The import JSON object of the file, plus `moved_to` (null when it stayed) and, for waiting
// files, `age_seconds`; status is ToString(DropStatus).
nlohmann::ordered_json DropResultJson(const DropResult& result);

}  // namespace ttmtrack::cli
