#include "db/zoneless_times.hpp"

#include <cstdint>
#include <optional>
#include <string>

#include "core/civil_time.hpp"
#include "db/sql/connection.hpp"
#include "db/sql/statement.hpp"

namespace ttmtrack::db {
namespace {

constexpr std::int64_t kBatchRows = 4096;

// The time a kept text gives at `offset`; `stored` when there is no text (the time came with
// its zone) or, which the import rules out, the text no longer reads.
std::optional<std::int64_t> Reread(const std::optional<std::string>& text,
                                   std::optional<std::int64_t> stored, int offset) {
  if (!text) return stored;
  const core::Parsed<std::int64_t> time = core::ParseExportTime(*text, offset);
  return time ? time.optional() : stored;
}

constexpr const char* kScansWithTexts =
    "SELECT scan_id FROM scan_hosts WHERE started_text IS NOT NULL OR ended_text IS NOT NULL";

}  // namespace

void ReadZonelessTimesAgain(sql::Connection& db, int utc_offset_seconds) {
  auto select = db.Prepare(
      "SELECT id, started_text, ended_text, started_at, ended_at FROM scan_hosts "
      "WHERE id > ?1 AND (started_text IS NOT NULL OR ended_text IS NOT NULL) "
      "ORDER BY id LIMIT ?2");
  auto update = db.Prepare("UPDATE scan_hosts SET started_at = ?2, ended_at = ?3 WHERE id = ?1");
  std::int64_t after = 0;
  for (bool more = true; more;) {
    more = false;
    select.Bind(1, after).Bind(2, kBatchRows);
    while (select.Step()) {
      more = true;
      after = select.Int64(0);
      update.Bind(1, after)
          .Bind(2, Reread(select.OptionalText(1), select.OptionalInt64(3), utc_offset_seconds))
          .Bind(3, Reread(select.OptionalText(2), select.OptionalInt64(4), utc_offset_seconds));
      update.Run();
    }
    select.Reset();
  }
  // A Nessus scan's own start and end are its hosts' earliest start and latest end.
  db.Exec(std::string(
              "UPDATE scans SET "
              "started_at = (SELECT min(h.started_at) FROM scan_hosts h WHERE h.scan_id = "
              "scans.id), "
              "ended_at = (SELECT max(h.ended_at) FROM scan_hosts h WHERE h.scan_id = scans.id) "
              "WHERE format = 'nessus-v2' AND id IN (") +
          kScansWithTexts + ")");
  db.Exec(std::string("UPDATE scans SET scan_time = coalesce(started_at, (SELECT "
                      "min(h.started_at) FROM scan_hosts h WHERE h.scan_id = scans.id), "
                      "ended_at, imported_at) WHERE id IN (") +
          kScansWithTexts + ")");
}

}  // namespace ttmtrack::db
