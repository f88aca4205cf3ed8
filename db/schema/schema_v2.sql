-- ttmtrack schema, version 2 (upgrade from 1). Documented in docs/schema.md.

-- Options that change what the lifecycle decides (coverage.*) or how exports are read
-- (import.*). A missing key means the built-in default (db/settings.cpp).
CREATE TABLE settings (
  key    TEXT PRIMARY KEY,
  value  TEXT NOT NULL
) WITHOUT ROWID;

-- A rule can be switched off without being lost (default rules cannot be removed). A learned
-- rule remembers the scan whose result taught it.
ALTER TABLE rules ADD COLUMN enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1));
ALTER TABLE rules ADD COLUMN learned_from_scan_id INTEGER REFERENCES scans(id);

-- The facts a covering outcome rests on ("port 5010/tcp is inside the scanned range ..."),
-- next to the assumptions it took.
ALTER TABLE outcomes ADD COLUMN basis TEXT NOT NULL DEFAULT '';
CREATE INDEX outcomes_by_scan ON outcomes(scan_id);

-- Derived, per scan: was a c564e5ab plugin enabled, judged against the current rules
-- (core::JudgePluginEnabled). Rewritten by every recomputation.
CREATE TABLE scan_judgements (
  scan_id         INTEGER PRIMARY KEY REFERENCES scans(id) ON DELETE CASCADE,
  plugin_enabled  TEXT    NOT NULL CHECK (plugin_enabled IN ('yes', 'no', 'unknown')),
  plugin_basis    TEXT    NOT NULL DEFAULT ''
);

-- Lifecycle order is (scan_time, sha256); index both so ordered scans need no sort.
DROP INDEX scans_by_time;
CREATE INDEX scans_by_time ON scans(scan_time, sha256);

-- Covering indexes for the recomputation, which asks per exposure "which scans detected it"
-- and per host "which scans reported it, and did they complete": answered from the index alone.
DROP INDEX detections_by_exposure;
CREATE INDEX detections_by_exposure ON detections(ip, port, protocol, rule_id, scan_id);
DROP INDEX scan_hosts_by_ip;
CREATE INDEX scan_hosts_by_ip ON scan_hosts(ip, scan_id, completion);
