-- ttmtrack schema, version 6 (upgrade from 5): triage decisions. Documented in docs/schema.md
-- and docs/triage.md. A migration of its own: nothing else changes in this version.

-- What people decided about exposures (core/triage.hpp): append-only records. Revoking or
-- superseding a decision adds a row; the triggers below refuse every UPDATE and DELETE, so a
-- decision's who, when, why, until and ticket stay as recorded. Facts, like scans: no import,
-- re-import, rule change or recomputation writes this table.
CREATE TABLE triage_decisions (
  id INTEGER PRIMARY KEY,
  target TEXT NOT NULL,  -- canonical core::TriageTarget text: IP:PORT/PROTO, IP or CIDR
  kind TEXT NOT NULL CHECK (kind IN ('accept', 'false-positive', 'compensating-control',
                                     'revoke')),
  reason TEXT NOT NULL,
  decided_by TEXT NOT NULL,
  made_at INTEGER NOT NULL,
  until_at INTEGER,
  ticket TEXT NOT NULL DEFAULT '',
  survives_reopen INTEGER NOT NULL DEFAULT 0 CHECK (survives_reopen IN (0, 1))
);
CREATE INDEX triage_decisions_by_time ON triage_decisions(made_at, id);

CREATE TRIGGER triage_decisions_append_only_update BEFORE UPDATE ON triage_decisions
BEGIN
  SELECT RAISE(ABORT, 'triage decisions are append-only');
END;
CREATE TRIGGER triage_decisions_append_only_delete BEFORE DELETE ON triage_decisions
BEGIN
  SELECT RAISE(ABORT, 'triage decisions are append-only');
END;
