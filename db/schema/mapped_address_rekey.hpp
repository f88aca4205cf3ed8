#pragma once

namespace ttmtrack::db::sql {
class Connection;
}

namespace ttmtrack::db::schema {

// The C++ step of schema version 3: facts stored under an IPv4-mapped key ("::ffff:10.0.0.5",
// the text earlier versions wrote) move to the IPv4 key ("10.0.0.5"), which is what an import
// stores since. A scan_hosts row is merged into the same scan's row for the IPv4 key as an import
// merges duplicate hosts (db/scan_writer.cpp); its ports and detections follow it; a name that is
// the address takes its canonical text; each touched scan's hosts_read is recounted. Derived
// tables are left to the recomputation that follows every upgrade.
// REQUIRES: inside the upgrade's write transaction (schema::Migrate). Throws ttmtrack::Error.
void RekeyMappedAddresses(sql::Connection& db);

}  // namespace ttmtrack::db::schema
