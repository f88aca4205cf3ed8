// Store: firewall-ruleset evidence (`ttmtrack evidence firewall`; docs/verification.md,
// "Firewall-ruleset evidence"). Facts, stored as the evaluator answered; nothing in the lifecycle
// reads them, so storing one recomputes nothing.
#include "core/error.hpp"
#include "core/host_key.hpp"
#include "db/sql/write_transaction.hpp"
#include "db/store.hpp"
#include "db/store_impl.hpp"
#include "db/store_text.hpp"

namespace ttmtrack::db {

void Store::RecordFirewallChecks(const std::vector<core::FirewallCheck>& checks) {
  sql::WriteTransaction transaction(impl_->db);
  auto insert = impl_->db.Prepare(
      "INSERT INTO firewall_checks(ip, port, protocol, verdict, rule, rule_text, sources, reason, "
      "summary, file, sha256, format, trusted, collected_at, recorded_at) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)");
  const std::int64_t now = impl_->Now();
  for (const core::FirewallCheck& check : checks) {
    if (check.ip.empty() || check.file.empty() || check.sha256.empty()) {
      throw Error(Error::Kind::kUsage, "a firewall answer needs a host, a file and its SHA-256");
    }
    insert.Bind(1, core::HostKey(check.ip))
        .Bind(2, static_cast<std::int64_t>(check.port))
        .Bind(3, check.protocol)
        .Bind(4, core::ToText(check.verdict))
        .Bind(5, check.rule)
        .Bind(6, check.rule_text)
        .Bind(7, check.sources)
        .Bind(8, check.reason)
        .Bind(9, check.summary)
        .Bind(10, check.file)
        .Bind(11, check.sha256)
        .Bind(12, check.format)
        .Bind(13, check.trusted)
        .Bind(14, check.collected_at)
        .Bind(15, check.recorded_at != 0 ? check.recorded_at : now);
    insert.Run();
  }
  transaction.Commit();
}

std::string FirewallCheckColumns() {
  return "ip, port, protocol, verdict, rule, rule_text, sources, reason, summary, file, sha256, "
         "format, trusted, collected_at, recorded_at";
}

core::FirewallCheck ReadFirewallCheck(const sql::Statement& row, int first) {
  core::FirewallCheck c;
  c.ip = row.Text(first);
  c.port = row.Int(first + 1);
  c.protocol = row.Text(first + 2);
  c.verdict = ParseStored<core::FirewallVerdict>(row.Text(first + 3));
  c.rule = row.Text(first + 4);
  c.rule_text = row.Text(first + 5);
  c.sources = row.Text(first + 6);
  c.reason = row.Text(first + 7);
  c.summary = row.Text(first + 8);
  c.file = row.Text(first + 9);
  c.sha256 = row.Text(first + 10);
  c.format = row.Text(first + 11);
  c.trusted = row.Text(first + 12);
  c.collected_at = row.Int64(first + 13);
  c.recorded_at = row.Int64(first + 14);
  return c;
}

std::vector<core::FirewallCheck> SelectFirewallChecks(sql::Connection& db,
                                                      const core::Exposure& exposure) {
  auto select = db.Prepare("SELECT " + FirewallCheckColumns() +
                           " FROM firewall_checks WHERE ip = ?1 AND port = ?2 AND protocol = ?3 "
                           "ORDER BY collected_at, id");
  select.Bind(1, exposure.ip)
      .Bind(2, static_cast<std::int64_t>(exposure.port))
      .Bind(3, exposure.protocol);
  std::vector<core::FirewallCheck> checks;
  while (select.Step()) checks.push_back(ReadFirewallCheck(select, 0));
  return checks;
}

}  // namespace ttmtrack::db
