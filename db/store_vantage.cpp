// Store: vantage-point checks (`ttmtrack verify`; docs/verification.md, "Vantage-point checks").
// Facts, stored as the prober found them; the lifecycle reads them (lifecycle/vantage_evidence).
#include "core/error.hpp"
#include "core/host_key.hpp"
#include "db/sql/write_transaction.hpp"
#include "db/store.hpp"
#include "db/store_impl.hpp"
#include "db/store_text.hpp"

namespace ttmtrack::db {

void Store::RecordVantageChecks(const std::vector<core::VantageCheckRecord>& checks) {
  sql::WriteTransaction transaction(impl_->db);
  auto insert = impl_->db.Prepare(
      "INSERT INTO vantage_checks(ip, port, protocol, vantage, untrusted, checked_at, outcome, "
      "sent, reply, service, waited_ms, detail) "
      "VALUES (?1, ?2, 'tcp', ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
  for (const core::VantageCheckRecord& record : checks) {
    const core::VantageCheck& check = record.check;
    if (record.vantage.empty()) throw Error(Error::Kind::kUsage, "a vantage point needs a name");
    insert.Bind(1, core::HostKey(check.address.ToString()))
        .Bind(2, static_cast<std::int64_t>(check.port))
        .Bind(3, record.vantage)
        .Bind(4, record.untrusted ? 1 : 0)
        .Bind(5, record.checked_at)
        .Bind(6, core::ToText(check.outcome))
        .BindBlob(7, check.sent.data(), check.sent.size())
        .BindBlob(8, check.reply.data(), check.reply.size())
        .Bind(9, check.service)
        .Bind(10, check.waited_ms)
        .Bind(11, check.detail);
    insert.Run();
  }
  impl_->Recompute(lifecycle::RulesChanged::kNo);
  transaction.Commit();
}

std::string VantageCheckColumns(std::string_view alias) {
  const std::string a(alias);
  return a + ".vantage, " + a + ".untrusted, " + a + ".checked_at, " + a + ".outcome, " + a +
         ".sent, " + a + ".reply, " + a + ".service, " + a + ".waited_ms, " + a + ".detail";
}

core::VantageCheckRecord ReadVantageCheckRow(const sql::Statement& row, int first,
                                             const core::Exposure& exposure) {
  core::VantageCheckRecord r;
  r.vantage = row.Text(first);
  r.untrusted = row.Int(first + 1) != 0;
  r.checked_at = row.Int64(first + 2);
  if (const auto ip = core::IpAddress::Parse(exposure.ip)) r.check.address = *ip;
  r.check.port = exposure.port;
  r.check.outcome = ParseStored<core::VantageOutcome>(row.Text(first + 3));
  r.check.sent = row.Blob(first + 4);
  r.check.reply = row.Blob(first + 5);
  r.check.service = row.Text(first + 6);
  r.check.waited_ms = row.Int64(first + 7);
  r.check.detail = row.Text(first + 8);
  return r;
}

std::vector<core::VantageCheckRecord> SelectVantageChecks(sql::Connection& db,
                                                          const core::Exposure& exposure) {
  auto select = db.Prepare("SELECT " + VantageCheckColumns("v") +
                           " FROM vantage_checks v WHERE v.ip = ?1 AND v.port = ?2 AND "
                           "v.protocol = ?3 ORDER BY v.checked_at, v.id");
  select.Bind(1, exposure.ip)
      .Bind(2, static_cast<std::int64_t>(exposure.port))
      .Bind(3, exposure.protocol);
  std::vector<core::VantageCheckRecord> records;
  while (select.Step()) records.push_back(ReadVantageCheckRow(select, 0, exposure));
  return records;
}

}  // namespace ttmtrack::db
