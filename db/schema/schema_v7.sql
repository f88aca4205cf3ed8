-- ttmtrack schema, version 7 (upgrade from 6): firewall-ruleset evidence. Documented in
-- docs/schema.md and docs/verification.md ("Firewall-ruleset evidence"). A migration of its own:
-- nothing else changes in this version.

-- `ttmtrack evidence firewall IP FILE`: one row per exposure of the host the ruleset was
-- evaluated for. Facts, like vantage checks: never recomputed, and no verdict changes an
-- exposure's state. Keyed by (ip, port, protocol) like vantage_checks, not by exposure id:
-- exposures are derived and may be deleted and created again by a recomputation.
-- rule: "rule 3 of chain INPUT", "the policy of chain INPUT", '' when none; rule_text, sources,
-- reason and file are text from the admin's file (untrusted); sha256: of the file's bytes.
CREATE TABLE firewall_checks (
  id            INTEGER PRIMARY KEY,
  ip            TEXT    NOT NULL,
  port          INTEGER NOT NULL,
  protocol      TEXT    NOT NULL,
  verdict       TEXT    NOT NULL CHECK (verdict IN ('blocked', 'allowed', 'unknown')),
  rule          TEXT    NOT NULL DEFAULT '',
  rule_text     TEXT    NOT NULL DEFAULT '',
  sources       TEXT    NOT NULL DEFAULT '',
  reason        TEXT    NOT NULL DEFAULT '',
  summary       TEXT    NOT NULL,
  file          TEXT    NOT NULL,
  sha256        TEXT    NOT NULL,
  format        TEXT    NOT NULL,
  trusted       TEXT    NOT NULL DEFAULT '',
  collected_at  INTEGER NOT NULL,
  recorded_at   INTEGER NOT NULL
);
CREATE INDEX firewall_checks_by_exposure ON firewall_checks(ip, port, protocol, collected_at);
