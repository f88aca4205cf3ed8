-- ttmtrack schema, version 5 (upgrade from 4). Documented in docs/schema.md. Standard SQL
-- only (a PostgreSQL store is planned): no SQLite-only functions.

-- Two tiers of evidence (docs/verification.md, "Detection tiers"): a rule says which tier the
-- results it matches are. The default rules of the unconfirmed-listener plugin
-- (ttm_cmd_unconfirmed.nasl) are added by the C++ step of this version, from core::DefaultRules.
ALTER TABLE rules ADD COLUMN tier TEXT NOT NULL DEFAULT 'confirmed'
  CHECK (tier IN ('confirmed', 'unconfirmed'));

-- Each detection's tier: core::TierOf its matched rule (derived like rule_id, rewritten by every
-- recomputation). An exposure's tier: the strongest evidence it ever had: confirmed when any
-- matched detection is, else unconfirmed.
ALTER TABLE detections ADD COLUMN tier TEXT NOT NULL DEFAULT 'confirmed'
  CHECK (tier IN ('confirmed', 'unconfirmed'));
ALTER TABLE exposures ADD COLUMN tier TEXT NOT NULL DEFAULT 'confirmed'
  CHECK (tier IN ('confirmed', 'unconfirmed'));
