-- ttmtrack schema, version 8 (upgrade from 7): the SHA-256 of a scan file's last 64 KiB, so that
-- an import recognises a file already imported without hashing every new file that happens to
-- have a stored file's size (nightly exports of one estate often do). Documented in
-- docs/schema.md and docs/importer.md ("Scan identity"). NULL for scans imported before it: a
-- same-size file is then hashed in full, as before.
ALTER TABLE scans ADD COLUMN file_tail_sha256 TEXT;
