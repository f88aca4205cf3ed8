-- ttmtrack schema, version 3 (upgrade from 2). Documented in docs/schema.md.

-- No table changes. Since version 3 an IPv4-mapped IPv6 address (::ffff:a.b.c.d) is the IPv4
-- host a.b.c.d (core/ip_address.hpp). Its C++ step (db/schema/mapped_address_rekey.cpp) moves
-- the facts that earlier versions stored under the mapped key onto the IPv4 key: scan_hosts rows
-- (merged with the IPv4 row of the same scan where both exist, as an import merges them), their
-- probed ports and their detections. The upgrade then recomputes the derived tables.
