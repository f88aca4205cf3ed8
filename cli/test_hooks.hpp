#pragma once

#include "db/store.hpp"

namespace ttmtrack::cli {

// Store options that the fault and memory tests set through the environment, documented in
// docs/cli.md ("Test hooks"); neither is meant for day-to-day use.
//   TTMTRACK_PAGE_CACHE_KIB=N        SQLite's page-cache ceiling in KiB (default 8192, least
//                                    256): a small one makes an import spill pages to the
//                                    write-ahead log before its COMMIT.
//   TTMTRACK_PHASE_MARKERS=FD[:wait] writes "phase:NAME\n" to the inherited descriptor FD at
//                                    each point an import passes (db/sql/phase_observer.hpp
//                                    lists them); with ":wait" the process then reads one byte
//                                    from FD before it goes on, so a test can hold it at any
//                                    point and kill it there. Once FD is closed, or a write or
//                                    read fails, the process runs on without markers.
//   TTMTRACK_NOW=TIME                the store's clock (ISO 8601): when triage decisions are
//                                    recorded and when `status` judges deadlines, lapses and
//                                    staleness; tests of the real binary pin it.
// Throws Error kUsage when a variable is set to something else.
db::Store::Options StoreOptionsFromEnvironment();

}  // namespace ttmtrack::cli
