-- ttmtrack schema, version 4 (upgrade from 3). Documented in docs/schema.md.

-- A scan is identified by the SHA-256 of its XML, decompressed when the file is gzip
-- (scans.sha256), so the same scan as plain and as gzip is one scan. The file's own hash and
-- size are kept for the evidence trail and to recognise a re-imported file before parsing it.
-- Scans imported before this version keep the hash they were stored with, of the file's bytes:
-- the XML's for a plain file, the compressed bytes' for a gzip file (its XML was never hashed).
ALTER TABLE scans ADD COLUMN file_sha256 TEXT;
ALTER TABLE scans ADD COLUMN file_size INTEGER;
UPDATE scans SET file_sha256 = sha256;
CREATE INDEX scans_by_file_sha256 ON scans(file_sha256);
CREATE INDEX scans_by_file_size ON scans(file_size);

-- Nessus host times written without a zone (HOST_START/HOST_END in ctime, or ISO 8601 without
-- an offset), as read. started_at/ended_at are derived from them with the
-- import.nessus-utc-offset setting, again whenever the setting changes. NULL when the time came
-- with its zone (the epoch *_TIMESTAMP tags, an ISO 8601 offset) or not at all.
ALTER TABLE scan_hosts ADD COLUMN started_text TEXT;
ALTER TABLE scan_hosts ADD COLUMN ended_text TEXT;

-- Why a host's time is unknown when the export spells it in a way that cannot be read
-- ('HOST_START "..." is not a time: ...'): the host's times are then NULL and its scan cannot
-- prove it was scanned to completion (outcome not-covered, host-time-unreadable). NULL when
-- every time of the host could be read.
ALTER TABLE scan_hosts ADD COLUMN unreadable_time TEXT;

-- The recomputation asks per host which scans reported it, whether they completed and whether
-- its time could be read: answered from the index alone, as in version 2.
DROP INDEX scan_hosts_by_ip;
CREATE INDEX scan_hosts_by_ip ON scan_hosts(ip, scan_id, completion, unreadable_time);
