#pragma once

namespace ttmtrack::db {

namespace sql {
class Connection;
}

// Nessus writes HOST_START/HOST_END without a zone when an export lacks the epoch tags; the
// import reads them at the import.nessus-utc-offset setting and keeps the text as read
// (scan_hosts.started_text, ended_text). When the setting changes, this reads every kept text
// again at `utc_offset_seconds`, and derives each affected scan's start, end and scan_time from
// its hosts as the import did (the earliest start, the latest end; scan_time as
// ScanWriter::EndScan), so the setting means the same for scans imported before and after it.
// The caller then recomputes the lifecycle: the order of scans may have changed. Scans stored
// before schema v4 kept no text and keep their times.
// Works in batches of hosts: memory does not grow with the database.
// REQUIRES: a write transaction is open on `db`. Throws ttmtrack::Error (kDatabase, kBusy).
void ReadZonelessTimesAgain(sql::Connection& db, int utc_offset_seconds);

}  // namespace ttmtrack::db
