-- ttmtrack schema, version 2 (upgrade from 1). Documented in docs/schema.md.

-- Options that change what the lifecycle decides (coverage.*) or how exports are read
-- (import.*). A missing key means the built-in default (core/setting_catalogue.cpp).
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
-- (core::JudgePluginEnabled), and could its export show one. Rewritten by every recomputation.
-- export_complete: could the export show a c564e5ab result at all (core::JudgeExportFilter);
-- 'unknown' when it states no result filter.
CREATE TABLE scan_judgements (
  scan_id          INTEGER PRIMARY KEY REFERENCES scans(id) ON DELETE CASCADE,
  plugin_enabled   TEXT    NOT NULL CHECK (plugin_enabled IN ('yes', 'no', 'unknown')),
  plugin_basis     TEXT    NOT NULL DEFAULT '',
  export_complete  TEXT    NOT NULL DEFAULT 'unknown'
                   CHECK (export_complete IN ('yes', 'no', 'unknown')),
  export_basis     TEXT    NOT NULL DEFAULT ''
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

-- The family of the plugin an ID rule names, where known (core::Rule::plugin_family): a .nessus
-- without plugin_set is judged from its FamilySelection. The default rules get theirs from the
-- C++ step of this version (db/schema/migrations.cpp).
ALTER TABLE rules ADD COLUMN plugin_family TEXT NOT NULL DEFAULT '';

-- The rest of a .nessus plugin selection: FamilySelection families in mixed state (';'-joined,
-- like enabled_families), and whether the Policy has an IndividualPluginSelection at all (an
-- empty one still says "nothing of the mixed families is enabled").
ALTER TABLE scans ADD COLUMN mixed_families TEXT;
ALTER TABLE scans ADD COLUMN individual_selection INTEGER NOT NULL DEFAULT 0
  CHECK (individual_selection IN (0, 1));

-- IndividualPluginSelection items: the plugins of mixed families with their own status.
CREATE TABLE scan_plugin_items (
  scan_id    INTEGER NOT NULL REFERENCES scans(id) ON DELETE CASCADE,
  plugin_id  TEXT    NOT NULL,
  family     TEXT    NOT NULL DEFAULT '',
  enabled    INTEGER NOT NULL CHECK (enabled IN (0, 1)),
  PRIMARY KEY (scan_id, plugin_id)
) WITHOUT ROWID;

-- What a rule is used for (core::RuleScope): 'match' rules match results; 'coverage' rules are
-- plugin IDs learned from a service-name match, which never match a result and count for plugin
-- enablement only where the scan saw the port closed (docs/rules.md).
ALTER TABLE rules ADD COLUMN scope TEXT NOT NULL DEFAULT 'match'
  CHECK (scope IN ('match', 'coverage'));

-- A GVM report is a filtered view of its scan (core::ResultFilter): its result filter and
-- paging, one row per scan whose export states any of them. No row: the export states none
-- (Nessus, or a GVM report without <filters>, <results start/max> and <result_count>).
CREATE TABLE scan_result_filters (
  scan_id            INTEGER PRIMARY KEY REFERENCES scans(id) ON DELETE CASCADE,
  term               TEXT    NOT NULL DEFAULT '',
  min_qod            INTEGER,
  levels             TEXT,
  apply_overrides    INTEGER CHECK (apply_overrides IN (0, 1)),
  first_result       INTEGER,
  page_rows          INTEGER,
  filtered_count     INTEGER,
  full_count         INTEGER,
  results_in_export  INTEGER NOT NULL
);

-- The Quality of Detection a GVM result states (0-100); NULL when it states none.
ALTER TABLE detections ADD COLUMN qod INTEGER;
