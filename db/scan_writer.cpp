#include "db/scan_writer.hpp"

#include <algorithm>

#include <Poco/DigestEngine.h>
#include <Poco/SHA2Engine.h>

#include "core/civil_time.hpp"
#include "core/error.hpp"
#include "db/result_filters_table.hpp"
#include "db/sql/connection.hpp"
#include "db/store_text.hpp"

namespace ttmtrack::db {
namespace {

constexpr std::size_t kHostCacheLimit = 4096;
constexpr std::size_t kRecordedPortLimit = 4096;

// Merged duplicates of one host (merged reports) keep the first non-empty attribute, the
// widest time span, and the strongest completion: one completed pass means every plugin ran
// against the host (docs/schema.md, scan_hosts).
constexpr std::string_view kInsertHostValues =
    "INSERT INTO scan_hosts(scan_id, ip, name, fqdn, netbios_name, os, mac, started_at, "
    "ended_at, completion) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) ";
constexpr std::string_view kMergeHostAttributes =
    "name = CASE WHEN scan_hosts.name = '' THEN excluded.name ELSE scan_hosts.name END, "
    "fqdn = CASE WHEN scan_hosts.fqdn = '' THEN excluded.fqdn ELSE scan_hosts.fqdn END, "
    "netbios_name = CASE WHEN scan_hosts.netbios_name = '' THEN excluded.netbios_name "
    "  ELSE scan_hosts.netbios_name END, "
    "os = CASE WHEN scan_hosts.os = '' THEN excluded.os ELSE scan_hosts.os END, "
    "mac = CASE WHEN scan_hosts.mac = '' THEN excluded.mac ELSE scan_hosts.mac END, "
    // The earlier start and the later end, a missing time giving way to a known one. CASE, not
    // SQLite's two-argument min()/max(), which PostgreSQL spells LEAST/GREATEST.
    "started_at = CASE WHEN scan_hosts.started_at IS NULL "
    "  OR excluded.started_at < scan_hosts.started_at THEN excluded.started_at "
    "  ELSE scan_hosts.started_at END, "
    "ended_at = CASE WHEN scan_hosts.ended_at IS NULL "
    "  OR excluded.ended_at > scan_hosts.ended_at THEN excluded.ended_at "
    "  ELSE scan_hosts.ended_at END ";
constexpr std::string_view kMergeHostCompletion =
    "completion = CASE "
    "  WHEN 'completed' IN (scan_hosts.completion, excluded.completion) THEN 'completed' "
    "  WHEN 'incomplete' IN (scan_hosts.completion, excluded.completion) THEN 'incomplete' "
    "  ELSE 'unknown' END ";

// The upsert's merge in the writer's own statements, for a row whose id it knows (GVM lists a
// host's results first, and they made its row). Every statement that writes
// scan_hosts.completion runs its CHECK, for which SQLite builds and frees a temporary index of
// the three names on each execution, and the upsert's conflict path runs it twice: so the
// attributes are merged apart (the upsert's SET clause, the new values as parameters 3..9 in
// place of `excluded`) and completion only when the new one is stronger, which is what the
// upsert's CASE comes to.
std::string MergeHostAttributesSql() {
  std::string set(kMergeHostAttributes);
  const std::pair<std::string_view, std::string_view> parameters[] = {
      {"excluded.name", "?3"},    {"excluded.fqdn", "?4"}, {"excluded.netbios_name", "?5"},
      {"excluded.os", "?6"},      {"excluded.mac", "?7"},  {"excluded.started_at", "?8"},
      {"excluded.ended_at", "?9"}};
  for (const auto& [column, parameter] : parameters) {
    for (std::size_t at = set.find(column); at != std::string::npos; at = set.find(column, at)) {
      set.replace(at, column.size(), parameter);
    }
  }
  return "UPDATE scan_hosts SET " + set + "WHERE id = ?1";
}
constexpr const char* kStrengthenCompletionSql =
    "UPDATE scan_hosts SET completion = ?2 WHERE id = ?1 AND completion <> ?2 "
    "AND (completion = 'unknown' OR ?2 = 'completed')";

// After the upsert, for a host with a zone-less time text or a time that could not be read
// (schema v4; kept out of the upsert, which the v3 migration runs before these columns exist):
// a text goes with the time it gave, so it is kept when that time is the merged earliest start
// (latest end); an unreadable time's first reason is kept.
constexpr const char* kHostTimeTextsSql =
    "UPDATE scan_hosts SET "
    "started_text = CASE WHEN started_at = ?2 THEN ?3 ELSE started_text END, "
    "ended_text = CASE WHEN ended_at = ?4 THEN ?5 ELSE ended_text END, "
    "unreadable_time = coalesce(unreadable_time, ?6) WHERE id = ?1";

}  // namespace

std::string_view UpsertScanHostSql() {
  static const std::string kSql =
      std::string(kInsertHostValues) + "ON CONFLICT(scan_id, ip) DO UPDATE SET " +
      std::string(kMergeHostAttributes) + ", " + std::string(kMergeHostCompletion);
  return kSql;
}

namespace {

// A result names its host; the host row may not exist yet (GVM lists results first). When it
// does, its name is kept unless empty.
constexpr const char* kTouchHostSql =
    "INSERT INTO scan_hosts(scan_id, ip, name) VALUES (?1, ?2, ?3) "
    "ON CONFLICT(scan_id, ip) DO NOTHING";
constexpr const char* kNameHostSql = "UPDATE scan_hosts SET name = ?2 WHERE id = ?1 AND name = ''";

// Not RETURNING: SQLite runs RETURNING through a temporary table whose page cache it allocates
// and frees on every execution, which costs a heap trim per row. Nor last_insert_rowid(), which
// PostgreSQL lacks: a host just inserted is looked up by its key, an indexed read.
constexpr const char* kFindHostSql = "SELECT id FROM scan_hosts WHERE scan_id = ?1 AND ip = ?2";

constexpr const char* kInsertDetectionSql =
    "INSERT INTO detections(scan_id, scan_host_id, ip, port, protocol, service_name, plugin_id, "
    "plugin_name, plugin_family, severity, severity_label, output, rule_id, source_line, qod, "
    "tier) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)";

// ';' separates names in the column; a name containing one (hostile input) must not turn into
// two names, one of which could be "Service detection".
std::optional<std::string> JoinFamilies(const std::vector<std::string>& families) {
  if (families.empty()) return std::nullopt;
  std::string out;
  for (const std::string& family : families) {
    if (!out.empty()) out += ';';
    std::string clean = family;
    std::replace(clean.begin(), clean.end(), ';', ',');
    out += clean;
  }
  return out;
}

// A scan dated after the import: refused, saying by how much and what to check.
std::string FutureScanMessage(std::int64_t latest, std::int64_t now, std::int64_t margin) {
  const std::int64_t hours = (latest - now) / 3600;
  const std::string ahead =
      hours >= 48 ? std::to_string(hours / 24) + " days" : std::to_string(hours) + " hours";
  return "the scan is dated " + core::FormatIso8601Utc(latest).value_or("?") + ", " + ahead +
         " after this import (" + core::FormatIso8601Utc(now).value_or("?") +
         "): a scan from the future would outrank every real scan until then, so it is refused. "
         "Check the scanner's clock (and import.nessus-utc-offset for Nessus times without a "
         "zone); import.future-margin-hours (now " +
         std::to_string(margin / 3600) + ") says how far ahead a scan may be";
}

// The file's hash, nullopt when the reader did not give one (a reader that is not a file's).
std::optional<std::string> FileSha256(const core::ScanInfo& scan) {
  if (scan.file_sha256.empty()) return std::nullopt;
  return scan.file_sha256;
}

// Binds a host's values to parameters 3..9 of the upsert (UpsertScanHostSql) or the merge.
void BindHostAttributes(sql::Statement& s, const core::HostRecord& host) {
  s.Bind(3, host.name)
      .Bind(4, host.fqdn)
      .Bind(5, host.netbios_name)
      .Bind(6, host.os)
      .Bind(7, host.mac)
      .Bind(8, host.started_at)
      .Bind(9, host.ended_at);
}

void BindScanInfo(sql::Statement& s, const core::ScanInfo& scan) {
  s.Bind(1, scan.file_name)
      .Bind(2, core::ToText(scan.format))
      .Bind(3, scan.gzip ? 1 : 0)
      .Bind(4, scan.scanner)
      .Bind(5, scan.scanner_version)
      .Bind(6, scan.scan_name)
      .Bind(7, scan.policy_name)
      .Bind(8, scan.report_id)
      .Bind(9, scan.run_status)
      .Bind(10, scan.started_at)
      .Bind(11, scan.ended_at);
}

}  // namespace

ScanWriter::ScanWriter(sql::Connection& db, std::int64_t now, std::vector<core::Rule> rules,
                       std::int64_t future_margin_seconds)
    : db_(db),
      now_(now),
      rules_(std::move(rules)),
      future_margin_seconds_(future_margin_seconds),
      insert_host_(
          db.Prepare(std::string(kInsertHostValues) + "ON CONFLICT(scan_id, ip) DO NOTHING")),
      merge_host_(db.Prepare(MergeHostAttributesSql())),
      strengthen_completion_(db.Prepare(kStrengthenCompletionSql)),
      host_time_texts_(db.Prepare(kHostTimeTextsSql)),
      touch_host_(db.Prepare(kTouchHostSql)),
      name_host_(db.Prepare(kNameHostSql)),
      find_host_(db.Prepare(kFindHostSql)),
      insert_port_(db.Prepare("INSERT INTO scan_host_ports(scan_host_id, port, protocol) "
                              "VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING")),
      insert_detection_(db.Prepare(kInsertDetectionSql)) {}

void ScanWriter::RequireStarted(const char* call) const {
  if (!started_ || ended_) {
    throw Error(Error::Kind::kInternal,
                std::string("ScanSink::") + call + " called outside BeginScan..EndScan");
  }
}

void ScanWriter::BeginScan(const core::ScanInfo& scan) {
  if (started_) throw Error(Error::Kind::kInternal, "ScanSink::BeginScan called twice");
  started_ = true;
  format_ = scan.format;
  file_name_ = scan.file_name;
  // sha256 and scan_time are provisional until EndScan knows the identity and the hosts' start
  // times. sha256 is UNIQUE: the placeholder cannot clash, as one import at a time holds the
  // write transaction and replaces it before committing.
  auto insert = db_.Prepare(
      "INSERT INTO scans(file_name, format, gzip, scanner, scanner_version, scan_name, "
      "policy_name, report_id, run_status, started_at, ended_at, sha256, scan_time, imported_at) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, 'importing', ?12, ?12) "
      "RETURNING id");
  BindScanInfo(insert, scan);
  insert.Bind(12, now_);
  insert.Step();
  scan_id_ = insert.Int64(0);
  insert.Reset();
}

std::int64_t ScanWriter::HostId(const std::string& key, const std::string& name) {
  if (const auto it = host_ids_.find(key); it != host_ids_.end()) return it->second;
  touch_host_.Bind(1, scan_id_).Bind(2, key).Bind(3, name);
  touch_host_.Run();
  const bool inserted = db_.Changes() == 1;
  const std::int64_t id = ExistingHost(key);
  if (inserted) {
    ++hosts_made_by_results_;
  } else if (!name.empty()) {
    name_host_.Bind(1, id).Bind(2, name);
    name_host_.Run();
  }
  RememberHost(key, id);
  return id;
}

void ScanWriter::RememberHost(const std::string& key, std::int64_t id) {
  if (host_ids_.size() >= kHostCacheLimit) host_ids_.clear();
  host_ids_.insert_or_assign(key, id);
}

std::optional<std::int64_t> ScanWriter::FindHost(const std::string& key) {
  find_host_.Bind(1, scan_id_).Bind(2, key);
  std::optional<std::int64_t> id;
  if (find_host_.Step()) id = find_host_.Int64(0);
  find_host_.Reset();
  return id;
}

std::int64_t ScanWriter::ExistingHost(const std::string& key) {
  if (const auto id = FindHost(key)) return *id;
  throw Error(Error::Kind::kInternal, "scan_hosts has no row for " + key + " after its insert",
              Error::Context{.file = file_name_});
}

void ScanWriter::MergeHost(std::int64_t id, const core::HostRecord& host) {
  merge_host_.Bind(1, id);
  BindHostAttributes(merge_host_, host);
  merge_host_.Run();
  if (host.completion == core::HostCompletion::kUnknown) return;
  strengthen_completion_.Bind(1, id).Bind(2, core::ToText(host.completion));
  strengthen_completion_.Run();
}

void ScanWriter::RecordPort(std::int64_t host_id, std::uint16_t port, const std::string& protocol) {
  if (port == 0 || protocol.empty()) return;
  // A host's results name the same few ports over and over (20 results, 5 ports): an INSERT ...
  // ON CONFLICT DO NOTHING per result was a fifth of the store's time. Only tcp and udp are
  // remembered; any other protocol is rare and simply inserted again.
  const int code = protocol == "tcp" ? 0 : protocol == "udp" ? 1 : -1;
  if (code >= 0) {
    const std::uint64_t key = (static_cast<std::uint64_t>(host_id) << 17) |
                              (std::uint64_t{port} << 1) | static_cast<std::uint64_t>(code);
    if (!recorded_ports_.insert(key).second) return;
    if (recorded_ports_.size() >= kRecordedPortLimit) recorded_ports_.clear();
  }
  insert_port_.Bind(1, host_id).Bind(2, static_cast<std::int64_t>(port)).Bind(3, protocol);
  insert_port_.Run();
}

void ScanWriter::RecordTimeTexts(std::int64_t host_id, const core::HostRecord& host) {
  sql::Statement& update = host_time_texts_;
  update.Bind(1, host_id)
      .Bind(2, host.started_at)
      .Bind(3, host.started_text)
      .Bind(4, host.ended_at)
      .Bind(5, host.ended_text);
  if (host.unreadable_time.empty()) {
    update.BindNull(6);
  } else {
    update.Bind(6, host.unreadable_time);
  }
  update.Run();
}

void ScanWriter::Host(const core::HostRecord& host) {
  RequireStarted("Host");
  db_.Phase("host");
  const std::string& key = host.ip.empty() ? host.name : host.ip;
  if (key.empty()) {
    throw Error(Error::Kind::kBadInput, "a host has neither an IP address nor a name",
                Error::Context{.file = file_name_, .line = host.line});
  }
  std::optional<std::int64_t> id;
  if (const auto cached = host_ids_.find(key); cached != host_ids_.end()) {
    id = cached->second;
  } else if (hosts_made_by_results_ > 0) {
    id = FindHost(key);  // its results may have made the row (GVM lists them first)
  }
  bool inserted = false;
  if (!id) {
    // No row known: insert one, which is all it takes but for merged duplicates.
    insert_host_.Bind(1, scan_id_).Bind(2, key).Bind(10, core::ToText(host.completion));
    BindHostAttributes(insert_host_, host);
    insert_host_.Run();
    inserted = db_.Changes() == 1;
    id = ExistingHost(key);
  }
  if (!inserted) MergeHost(*id, host);
  if (host.started_text || host.ended_text || !host.unreadable_time.empty()) {
    RecordTimeTexts(*id, host);
  }
  if (!host.unreadable_time.empty() && unreadable_host_times_++ == 0) {
    first_unreadable_time_ = "host " + key + ": " + host.unreadable_time;
  }
  RememberHost(key, *id);
  for (std::uint16_t port : host.open_tcp_ports) RecordPort(*id, port, "tcp");
}

void ScanWriter::Result(const core::ResultRecord& result) {
  RequireStarted("Result");
  ++results_;
  const std::string& key = result.host_ip.empty() ? result.host_name : result.host_ip;
  if (key.empty()) {
    throw Error(Error::Kind::kBadInput, "a result names no host",
                Error::Context{.file = file_name_, .line = result.line});
  }
  const std::int64_t host_id = HostId(key, result.host_name);
  RecordPort(host_id, result.port, result.protocol);

  const auto matched = core::MatchRule(result, format_, rules_);
  if (!matched) return;
  insert_detection_.Bind(1, scan_id_)
      .Bind(2, host_id)
      .Bind(3, key)
      .Bind(4, static_cast<std::int64_t>(result.port))
      .Bind(5, result.protocol)
      .Bind(6, result.service_name)
      .Bind(7, result.plugin_id)
      .Bind(8, result.plugin_name)
      .Bind(9, result.plugin_family)
      .Bind(10, result.severity)
      .Bind(11, result.severity_label)
      .Bind(12, result.output)
      .Bind(13, matched->id)
      .Bind(14, result.line)
      .Bind(15, result.qod ? std::optional<std::int64_t>(*result.qod) : std::nullopt)
      .Bind(16, core::ToText(core::TierOf(*matched, result)));
  insert_detection_.Run();
  ++detections_;
  Learn(result, *matched);
}

void ScanWriter::Learn(const core::ResultRecord& result, const core::Rule& matched) {
  auto learned = core::RuleToLearn(result, format_, matched, rules_);
  if (!learned) return;
  learned->created_at = now_;
  learned->learned_from_scan = scan_id_;
  learned->note += " in " + file_name_;
  // A name match upgrades an enabled coverage rule that a service match taught (RuleToLearn
  // returns a match rule for it only then); any other existing rule stays as it is.
  auto insert = db_.Prepare(
      "INSERT INTO rules(kind, value, origin, created_at, note, learned_from_scan_id, "
      "plugin_family, scope) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) "
      "ON CONFLICT(kind, value) DO UPDATE SET scope = excluded.scope, note = excluded.note, "
      "learned_from_scan_id = excluded.learned_from_scan_id, "
      "plugin_family = CASE WHEN excluded.plugin_family = '' THEN rules.plugin_family "
      "  ELSE excluded.plugin_family END "
      "WHERE rules.origin = ?11 AND rules.scope = ?9 AND rules.enabled = 1 "
      "  AND excluded.scope = ?10 "
      "RETURNING id");
  insert.Bind(1, core::ToText(learned->kind))
      .Bind(2, learned->value)
      .Bind(3, core::ToText(learned->origin))
      .Bind(4, learned->created_at)
      .Bind(5, learned->note)
      .Bind(6, scan_id_)
      .Bind(7, learned->plugin_family)
      .Bind(8, core::ToText(learned->scope))
      .Bind(9, core::ToText(core::RuleScope::kCoverage))
      .Bind(10, core::ToText(core::RuleScope::kMatch))
      .Bind(11, core::ToText(core::RuleOrigin::kLearned));
  if (!insert.Step()) return;  // RuleToLearn saw every rule, so this is not expected
  learned->id = insert.Int64(0);
  const auto same = std::find_if(rules_.begin(), rules_.end(), [&](const core::Rule& rule) {
    return rule.kind == learned->kind && rule.value == learned->value;
  });
  if (same != rules_.end()) {
    *same = std::move(*learned);
  } else {
    rules_.push_back(std::move(*learned));
  }
  ++learned_rules_;
}

std::optional<std::int64_t> ScanWriter::StorePluginSet(const core::ScanCoverage& coverage) {
  if (!coverage.enabled_plugin_ids) return std::nullopt;
  // Sorted and unique, copied only when it is not so already (a copy of 100,000 IDs is
  // megabytes, at the import's fullest moment).
  const std::vector<std::string>& given = *coverage.enabled_plugin_ids;
  std::vector<std::string> sorted;
  const bool ordered =
      std::adjacent_find(given.begin(), given.end(),
                         [](const auto& a, const auto& b) { return !(a < b); }) == given.end();
  if (!ordered) {
    sorted = given;
    std::sort(sorted.begin(), sorted.end());
    sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
  }
  const std::vector<std::string>& ids = ordered ? given : sorted;
  std::string joined;
  std::size_t length = 0;
  for (const std::string& id : ids) length += id.size() + 1;
  joined.reserve(length);
  for (const std::string& id : ids) {
    if (!joined.empty()) joined += ';';
    joined += id;
  }
  Poco::SHA2Engine engine(Poco::SHA2Engine::SHA_256);
  engine.update(joined);
  const std::string digest = Poco::DigestEngine::digestToHex(engine.digest());

  auto insert = db_.Prepare(
      "INSERT INTO plugin_sets(sha256, count, ids) VALUES (?1, ?2, ?3) "
      "ON CONFLICT(sha256) DO NOTHING");
  insert.Bind(1, digest)
      .Bind(2, static_cast<std::int64_t>(ids.size()))
      .BindBlob(3, joined.data(), joined.size());
  insert.Run();
  auto find = db_.Prepare("SELECT id FROM plugin_sets WHERE sha256 = ?1");
  find.Bind(1, digest);
  find.Step();
  return find.Int64(0);
}

void ScanWriter::StorePluginItems(const core::ScanCoverage& coverage) {
  if (!coverage.individual_plugins) return;
  // A duplicate item keeps the first, as core::JudgePluginEnabled reads the list.
  auto insert = db_.Prepare(
      "INSERT INTO scan_plugin_items(scan_id, plugin_id, family, enabled) "
      "VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING");
  for (const core::PluginSelectionItem& item : *coverage.individual_plugins) {
    insert.Bind(1, scan_id_)
        .Bind(2, item.plugin_id)
        .Bind(3, item.family)
        .Bind(4, item.enabled ? 1 : 0);
    insert.Run();
  }
}

std::optional<std::int64_t> ScanWriter::FindDuplicate(const core::ScanInfo& scan) {
  auto find = db_.Prepare(
      "SELECT id FROM scans WHERE id <> ?1 AND (sha256 = ?2 OR file_sha256 = ?3) "
      "ORDER BY id LIMIT 1");
  // An unknown file hash (NULL) matches nothing.
  find.Bind(1, scan_id_).Bind(2, scan.sha256).Bind(3, FileSha256(scan));
  if (!find.Step()) return std::nullopt;
  return find.Int64(0);
}

void ScanWriter::EndScan(const core::ScanInfo& scan, const core::ScanCoverage& coverage) {
  RequireStarted("EndScan");
  if (scan.sha256.empty()) {
    throw Error(Error::Kind::kInternal, "ScanSink::EndScan without the scan's SHA-256",
                Error::Context{.file = file_name_});
  }
  duplicate_of_ = FindDuplicate(scan);
  if (duplicate_of_) {
    ended_ = true;  // the caller rolls back: nothing of this import is kept
    return;
  }
  const auto plugin_set_id = StorePluginSet(coverage);
  StorePluginItems(coverage);
  if (coverage.result_filter) InsertResultFilter(db_, scan_id_, *coverage.result_filter);
  // scan_time: started_at, else the earliest host start, else ended_at, else imported_at.
  auto update = db_.Prepare(
      "UPDATE scans SET file_name = ?1, format = ?2, gzip = ?3, scanner = ?4, "
      "scanner_version = ?5, scan_name = ?6, policy_name = ?7, report_id = ?8, run_status = ?9, "
      "started_at = ?10, ended_at = ?11, plugin_set_id = ?12, enabled_families = ?13, "
      "disabled_families = ?14, port_range = ?15, results_read = ?16, "
      "hosts_read = (SELECT count(*) FROM scan_hosts WHERE scan_id = ?17), "
      "scan_time = coalesce(?10, (SELECT min(started_at) FROM scan_hosts WHERE scan_id = ?17), "
      "  ?11, imported_at), "
      "mixed_families = ?18, individual_selection = ?19, sha256 = ?20, file_sha256 = ?21, "
      "file_size = ?22, file_tail_sha256 = ?23 "
      "WHERE id = ?17");
  BindScanInfo(update, scan);
  update.Bind(12, plugin_set_id)
      .Bind(13, JoinFamilies(coverage.enabled_families))
      .Bind(14, JoinFamilies(coverage.disabled_families))
      .Bind(15, coverage.port_range)
      .Bind(16, results_)
      .Bind(17, scan_id_)
      .Bind(18, JoinFamilies(coverage.mixed_families))
      .Bind(19, coverage.individual_plugins ? 1 : 0)
      .Bind(20, scan.sha256)
      .Bind(21, FileSha256(scan))
      .Bind(22, FileSha256(scan) ? std::optional(static_cast<std::int64_t>(scan.file_size))
                                 : std::nullopt);
  if (scan.file_tail_sha256.empty()) {
    update.BindNull(23);
  } else {
    update.Bind(23, scan.file_tail_sha256);
  }
  update.Run();
  RefuseFutureScan();

  auto count = db_.Prepare("SELECT hosts_read FROM scans WHERE id = ?1");
  count.Bind(1, scan_id_);
  count.Step();
  hosts_ = count.Int64(0);
  ended_ = true;
}

void ScanWriter::RefuseFutureScan() {
  // Every time the scan states: its own, and its hosts' (a host ended years ahead would carry
  // the scan's end with it).
  auto select = db_.Prepare(
      "SELECT s.scan_time, s.ended_at, (SELECT max(h.started_at) FROM scan_hosts h WHERE "
      "h.scan_id = s.id), (SELECT max(h.ended_at) FROM scan_hosts h WHERE h.scan_id = s.id) "
      "FROM scans s WHERE s.id = ?1");
  select.Bind(1, scan_id_);
  select.Step();
  std::int64_t latest = select.Int64(0);
  for (int column = 1; column <= 3; ++column) {
    latest = std::max(latest, select.OptionalInt64(column).value_or(latest));
  }
  if (latest - now_ <= future_margin_seconds_) return;
  throw Error(Error::Kind::kBadInput, FutureScanMessage(latest, now_, future_margin_seconds_),
              Error::Context{.file = file_name_});
}

}  // namespace ttmtrack::db
