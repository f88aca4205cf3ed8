-- ttmtrack schema, version 5 (upgrade from 4). Documented in docs/schema.md. Standard SQL
-- only (a PostgreSQL store is planned): no SQLite-only functions.

-- Two tiers of evidence (docs/verification.md, "Detection tiers"): a rule says which tier the
-- results it matches are. The default rules of the unconfirmed-listener plugin
-- (ttm_cmd_unconfirmed.nasl) are added by the C++ step of this version, from core::DefaultRules.
ALTER TABLE rules ADD COLUMN tier TEXT NOT NULL DEFAULT 'confirmed'
  CHECK (tier IN ('confirmed', 'unconfirmed'));

-- Each detection's tier: core::TierOf its matched rule (derived like rule_id, rewritten by every
-- recomputation). An exposure's tier: the strongest evidence it ever had: confirmed when any
-- matched detection is, or any check from an untrusted vantage point found the signature,
-- else unconfirmed.
ALTER TABLE detections ADD COLUMN tier TEXT NOT NULL DEFAULT 'confirmed'
  CHECK (tier IN ('confirmed', 'unconfirmed'));
ALTER TABLE exposures ADD COLUMN tier TEXT NOT NULL DEFAULT 'confirmed'
  CHECK (tier IN ('confirmed', 'unconfirmed'));

-- `ttmtrack verify`: one row per check of one target from one vantage point. Facts, never
-- recomputed. untrusted: the vantage point is outside the trusted networks, so a reachable
-- listener is a detection (docs/verification.md, "Vantage-point checks").
CREATE TABLE vantage_checks (
  id          INTEGER PRIMARY KEY,
  ip          TEXT    NOT NULL,
  port        INTEGER NOT NULL,
  protocol    TEXT    NOT NULL,
  vantage     TEXT    NOT NULL,
  untrusted   INTEGER NOT NULL CHECK (untrusted IN (0, 1)),
  checked_at  INTEGER NOT NULL,
  outcome     TEXT    NOT NULL CHECK (outcome IN ('reachable-confirmed', 'reachable-unconfirmed',
                                                  'refused', 'filtered', 'other-service')),
  sent        BLOB    NOT NULL,
  reply       BLOB    NOT NULL,
  service     TEXT    NOT NULL DEFAULT '',
  waited_ms   INTEGER NOT NULL,
  detail      TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX vantage_checks_by_exposure ON vantage_checks(ip, port, protocol, checked_at);
