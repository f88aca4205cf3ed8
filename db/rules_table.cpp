#include "db/rules_table.hpp"

#include <string>

#include "core/error.hpp"
#include "db/sql/connection.hpp"
#include "db/sql/statement.hpp"
#include "db/store_text.hpp"

namespace ttmtrack::db {
namespace {

constexpr const char* kSelectRules =
    "SELECT id, kind, value, origin, created_at, note, enabled, learned_from_scan_id, "
    "plugin_family, scope, tier FROM rules";

core::Rule ReadRule(const sql::Statement& row) {
  core::Rule rule;
  rule.id = row.Int64(0);
  // The table's CHECK constraints make a throw unreachable unless the file was edited by hand.
  rule.kind = ParseStored<core::RuleKind>(row.Text(1));
  rule.tier = ParseStored<core::DetectionTier>(row.Text(10));
  rule.value = row.Text(2);
  rule.origin = ParseStored<core::RuleOrigin>(row.Text(3));
  rule.created_at = row.Int64(4);
  rule.note = row.Text(5);
  rule.enabled = row.Int(6) != 0;
  rule.learned_from_scan = row.OptionalInt64(7);
  rule.plugin_family = row.Text(8);
  rule.scope = ParseStored<core::RuleScope>(row.Text(9));
  return rule;
}

}  // namespace

std::vector<core::Rule> LoadRules(sql::Connection& db) {
  auto select = db.Prepare(std::string(kSelectRules) + " ORDER BY id");
  std::vector<core::Rule> rules;
  while (select.Step()) rules.push_back(ReadRule(select));
  return rules;
}

std::optional<core::Rule> LoadRule(sql::Connection& db, std::int64_t id) {
  auto select = db.Prepare(std::string(kSelectRules) + " WHERE id = ?1");
  select.Bind(1, id);
  if (!select.Step()) return std::nullopt;
  return ReadRule(select);
}

}  // namespace ttmtrack::db
