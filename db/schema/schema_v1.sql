-- ttmtrack schema, version 1. Documented in docs/schema.md; applied by db/schema/migrations.cpp.
-- Times are INTEGER epoch seconds UTC. Text from exports is stored verbatim (untrusted).

-- One imported export file. sha256 makes re-import of the same bytes a no-op.
CREATE TABLE scans (
  id               INTEGER PRIMARY KEY,
  file_name        TEXT    NOT NULL,
  sha256           TEXT    NOT NULL UNIQUE,
  format           TEXT    NOT NULL CHECK (format IN ('nessus-v2', 'gvm')),
  gzip             INTEGER NOT NULL DEFAULT 0,
  scanner          TEXT    NOT NULL DEFAULT '',
  scanner_version  TEXT    NOT NULL DEFAULT '',
  scan_name        TEXT    NOT NULL DEFAULT '',
  policy_name      TEXT    NOT NULL DEFAULT '',
  report_id        TEXT    NOT NULL DEFAULT '',
  run_status       TEXT    NOT NULL DEFAULT '',
  started_at       INTEGER,
  ended_at         INTEGER,
  -- The time lifecycle ordering uses: started_at, else the earliest host start, else ended_at,
  -- else imported_at. Set once at the end of the import.
  scan_time        INTEGER NOT NULL,
  imported_at      INTEGER NOT NULL,
  hosts_read       INTEGER NOT NULL DEFAULT 0,
  results_read     INTEGER NOT NULL DEFAULT 0,
  -- Coverage facts (core::ScanCoverage). NULL = the export does not say.
  plugin_set_id    INTEGER REFERENCES plugin_sets(id),
  enabled_families TEXT,   -- ';'-joined family names, NULL when the export has no FamilySelection
  disabled_families TEXT,
  port_range       TEXT
);
CREATE INDEX scans_by_time ON scans(scan_time);

-- Enabled-plugin sets, shared by every scan with the same set (nightly scans of one policy
-- reuse a single row). ids: the sorted unique IDs joined by ';'.
CREATE TABLE plugin_sets (
  id      INTEGER PRIMARY KEY,
  sha256  TEXT    NOT NULL UNIQUE,
  count   INTEGER NOT NULL,
  ids     BLOB    NOT NULL
);

-- Each host a scan reports, merged per (scan, ip).
CREATE TABLE scan_hosts (
  id            INTEGER PRIMARY KEY,
  scan_id       INTEGER NOT NULL REFERENCES scans(id) ON DELETE CASCADE,
  ip            TEXT    NOT NULL,  -- normalised; the host name when the export gives no IP
  name          TEXT    NOT NULL DEFAULT '',
  fqdn          TEXT    NOT NULL DEFAULT '',
  netbios_name  TEXT    NOT NULL DEFAULT '',
  os            TEXT    NOT NULL DEFAULT '',
  mac           TEXT    NOT NULL DEFAULT '',
  started_at    INTEGER,
  ended_at      INTEGER,
  completion    TEXT    NOT NULL DEFAULT 'unknown'
                CHECK (completion IN ('completed', 'incomplete', 'unknown')),
  UNIQUE (scan_id, ip)
);
CREATE INDEX scan_hosts_by_ip ON scan_hosts(ip);

-- Ports a scan found open on a host (from results with a port, and GVM host details).
CREATE TABLE scan_host_ports (
  scan_host_id  INTEGER NOT NULL REFERENCES scan_hosts(id) ON DELETE CASCADE,
  port          INTEGER NOT NULL,
  protocol      TEXT    NOT NULL,
  PRIMARY KEY (scan_host_id, port, protocol)
) WITHOUT ROWID;

-- Which results count as c564e5ab. origin: 'default' (seeded), 'user' (rules add),
-- 'learned' (a plugin ID first seen through a name or service match).
CREATE TABLE rules (
  id          INTEGER PRIMARY KEY,
  kind        TEXT    NOT NULL CHECK (kind IN ('nessus-id', 'oid', 'name-contains', 'service-name')),
  value       TEXT    NOT NULL,
  origin      TEXT    NOT NULL CHECK (origin IN ('default', 'user', 'learned')),
  created_at  INTEGER NOT NULL,
  note        TEXT    NOT NULL DEFAULT '',
  UNIQUE (kind, value)
);

-- Raw observations: each result a rule matched, with its evidence verbatim.
CREATE TABLE detections (
  id              INTEGER PRIMARY KEY,
  scan_id         INTEGER NOT NULL REFERENCES scans(id) ON DELETE CASCADE,
  scan_host_id    INTEGER NOT NULL REFERENCES scan_hosts(id) ON DELETE CASCADE,
  ip              TEXT    NOT NULL,
  port            INTEGER NOT NULL,
  protocol        TEXT    NOT NULL,
  service_name    TEXT    NOT NULL DEFAULT '',
  plugin_id       TEXT    NOT NULL DEFAULT '',
  plugin_name     TEXT    NOT NULL DEFAULT '',
  plugin_family   TEXT    NOT NULL DEFAULT '',
  severity        INTEGER NOT NULL DEFAULT 0,
  severity_label  TEXT    NOT NULL DEFAULT '',
  output          TEXT    NOT NULL DEFAULT '',
  rule_id         INTEGER REFERENCES rules(id),
  source_line     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX detections_by_exposure ON detections(ip, port, protocol);
CREATE INDEX detections_by_scan ON detections(scan_id);

-- Lifecycle (docs/verification.md): one row per (ip, port, protocol) ever detected.
-- Derived data: recomputed from scans, detections and rules, never edited by hand.
CREATE TABLE exposures (
  id                  INTEGER PRIMARY KEY,
  ip                  TEXT    NOT NULL,
  port                INTEGER NOT NULL,
  protocol            TEXT    NOT NULL,
  state               TEXT    NOT NULL CHECK (state IN ('open', 'fixed', 'reopened')),
  first_seen          INTEGER,
  last_seen           INTEGER,
  last_checked        INTEGER,
  verified_by_scan_id INTEGER REFERENCES scans(id),
  UNIQUE (ip, port, protocol)
);

-- What each scan says about each exposure.
CREATE TABLE outcomes (
  exposure_id  INTEGER NOT NULL REFERENCES exposures(id) ON DELETE CASCADE,
  scan_id      INTEGER NOT NULL REFERENCES scans(id) ON DELETE CASCADE,
  kind         TEXT    NOT NULL CHECK (kind IN ('detected', 'absent', 'not-covered')),
  reason       TEXT    NOT NULL DEFAULT '',
  assumption   TEXT    NOT NULL DEFAULT '',
  PRIMARY KEY (exposure_id, scan_id)
) WITHOUT ROWID;
