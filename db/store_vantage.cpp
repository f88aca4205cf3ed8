// Store: vantage-point checks (`ttmtrack verify`; docs/verification.md, "Vantage-point checks").
// Facts, stored as the prober found them; the lifecycle reads them (lifecycle/vantage_evidence).
#include "core/error.hpp"
#include "core/host_key.hpp"
#include "db/sqlite/transaction.hpp"
#include "db/store.hpp"
#include "db/store_impl.hpp"
#include "db/store_text.hpp"

namespace ttmtrack::db {

void Store::RecordVantageChecks(const std::vector<core::VantageCheckRecord>& checks) {
  sqlite::Transaction transaction(impl_->db);
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

std::vector<core::VantageCheckRecord> SelectVantageChecks(sqlite::Database& db,
                                                          const core::Exposure& exposure) {
  auto select = db.Prepare(
      "SELECT vantage, untrusted, checked_at, outcome, sent, reply, service, waited_ms, detail "
      "FROM vantage_checks WHERE ip = ?1 AND port = ?2 AND protocol = ?3 "
      "ORDER BY checked_at, id");
  select.Bind(1, exposure.ip)
      .Bind(2, static_cast<std::int64_t>(exposure.port))
      .Bind(3, exposure.protocol);
  std::vector<core::VantageCheckRecord> records;
  while (select.Step()) {
    core::VantageCheckRecord r;
    r.vantage = select.Text(0);
    r.untrusted = select.Int(1) != 0;
    r.checked_at = select.Int64(2);
    if (const auto ip = core::IpAddress::Parse(exposure.ip)) r.check.address = *ip;
    r.check.port = exposure.port;
    r.check.outcome = ParseStored<core::VantageOutcome>(select.Text(3));
    r.check.sent = select.Blob(4);
    r.check.reply = select.Blob(5);
    r.check.service = select.Text(6);
    r.check.waited_ms = select.Int64(7);
    r.check.detail = select.Text(8);
    records.push_back(std::move(r));
  }
  return records;
}

}  // namespace ttmtrack::db
