#include "db/store.hpp"

#include <algorithm>
#include <chrono>
#include <unordered_map>

#include "core/error.hpp"
#include "core/setting_catalogue.hpp"
#include "db/lifecycle/recomputer.hpp"
#include "db/open_connection.hpp"
#include "db/rules_table.hpp"
#include "db/scan_writer.hpp"
#include "db/schema/migrations.hpp"
#include "db/sql/write_transaction.hpp"
#include "db/store_impl.hpp"
#include "db/store_text.hpp"

namespace ttmtrack::db {
namespace {

bool OpenOrReopened(core::ExposureState state) { return state != core::ExposureState::kFixed; }

// docs/verification.md, "Import summary": state transitions first, then this scan's outcome.
void Classify(LifecycleCounts& counts, std::optional<core::ExposureState> before,
              core::ExposureState after, core::OutcomeKind outcome) {
  if (!before) {
    ++counts.new_exposures;
  } else if (OpenOrReopened(*before) && !OpenOrReopened(after)) {
    ++counts.verified_fixed;
  } else if (!OpenOrReopened(*before) && OpenOrReopened(after)) {
    ++counts.reopened;
  } else if (outcome == core::OutcomeKind::kNotCovered) {
    ++counts.not_checked;
  } else if (OpenOrReopened(after)) {
    ++counts.still_open;
  } else {
    ++counts.still_fixed;
  }
}

std::unordered_map<std::int64_t, core::ExposureState> ExposureStates(sql::Connection& db) {
  std::unordered_map<std::int64_t, core::ExposureState> states;
  auto select = db.Prepare("SELECT id, state FROM exposures");
  while (select.Step()) {
    states.emplace(select.Int64(0), ParseStored<core::ExposureState>(select.Text(1)));
  }
  return states;
}

LifecycleCounts CountChanges(sql::Connection& db, std::int64_t scan_id,
                             const std::unordered_map<std::int64_t, core::ExposureState>& before) {
  LifecycleCounts counts;
  auto select = db.Prepare(
      "SELECT e.id, e.state, o.kind FROM exposures e "
      "JOIN outcomes o ON o.exposure_id = e.id AND o.scan_id = ?1");
  select.Bind(1, scan_id);
  while (select.Step()) {
    const auto it = before.find(select.Int64(0));
    Classify(counts, it == before.end() ? std::nullopt : std::optional(it->second),
             ParseStored<core::ExposureState>(select.Text(1)),
             ParseStored<core::OutcomeKind>(select.Text(2)));
  }
  return counts;
}

}  // namespace

Store::Impl::Impl(const std::string& path, Store::Options opts)
    : db(OpenConnection(path, ConnectionOptions{.page_cache_kib = opts.page_cache_kib,
                                                .phase_observer = opts.phase_observer})),
      options(std::move(opts)) {
  const int version = schema::CurrentVersion(db);
  schema::RefuseNewer(db, version);
  if (version == schema::LatestVersion()) return;
  sql::WriteTransaction transaction(db);
  const schema::MigrationResult result = schema::Migrate(db, Now());
  // Derived data written by an older schema may lack what the new one records (v2: outcome
  // basis, scan judgements): rebuild it in the same transaction.
  if (result.from > 0 && result.from != result.to) Recompute();
  transaction.Commit();
}

std::int64_t Store::Impl::Now() const {
  if (options.now) return options.now();
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::string Store::Impl::SettingValue(std::string_view key) {
  auto select = db.Prepare("SELECT value FROM settings WHERE key = ?1");
  select.Bind(1, key);
  if (select.Step()) return select.Text(0);
  return std::string(core::FindSetting(key)->default_value);
}

core::CoveragePolicy Store::Impl::Policy() {
  return core::CoveragePolicyFromSettings(
      [this](std::string_view key) { return SettingValue(key); });
}

void Store::Impl::Recompute(lifecycle::RulesChanged rules_changed) {
  lifecycle::Recomputer(db, Policy()).RunAll(rules_changed);
}

void Store::Impl::RecomputeAfterImport(std::int64_t scan_id, bool rules_changed) {
  if (rules_changed) {
    Recompute();
  } else {
    lifecycle::Recomputer(db, Policy()).RunAfterImport(scan_id);
  }
}

int Store::SupportedSchemaVersion() { return schema::LatestVersion(); }

Store::Store(const std::string& path) : Store(path, Options{}) {}
Store::Store(const std::string& path, Options options)
    : impl_(std::make_unique<Impl>(path, std::move(options))) {}
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;
Store::~Store() = default;

int Store::SchemaVersion() { return schema::CurrentVersion(impl_->db); }
const std::string& Store::path() const { return impl_->db.name(); }

ImportResult Store::ImportScan(const std::function<void(core::ScanSink&)>& read) {
  sql::WriteTransaction transaction(impl_->db);
  impl_->db.Phase("begin");
  const auto before = ExposureStates(impl_->db);
  ScanWriter writer(impl_->db, impl_->Now(), LoadRules(impl_->db), FutureMarginSeconds());
  impl_->db.Phase("parse");
  read(writer);
  if (!writer.ended()) {
    throw Error(Error::Kind::kInternal, "the importer returned without calling EndScan");
  }
  ImportResult result;
  if (const std::optional<std::int64_t> stored = writer.duplicate_of()) {
    // Decided after the one read of the file; what this import wrote rolls back with the
    // transaction.
    const ScanRow row = *FindScan(impl_->db, *stored);
    result.status = ImportStatus::kAlreadyImported;
    result.scan_id = row.id;
    result.stored_file_name = row.info.file_name;
    result.hosts = row.hosts;
    result.results = row.results;
    result.detections = row.detections;
    return result;
  }
  impl_->db.Phase("recompute");
  impl_->RecomputeAfterImport(writer.scan_id(), writer.learned_rules() > 0);
  impl_->db.Phase("summary");
  result.scan_id = writer.scan_id();
  result.hosts = writer.hosts();
  result.results = writer.results();
  result.detections = writer.detections();
  result.learned_rules = writer.learned_rules();
  result.unreadable_host_times = writer.unreadable_host_times();
  result.first_unreadable_time = writer.first_unreadable_time();
  result.lifecycle = CountChanges(impl_->db, writer.scan_id(), before);
  impl_->db.Phase("commit");
  transaction.Commit();
  impl_->db.Phase("committed");
  return result;
}

ExposureChanges Store::ChangesSince(const std::vector<core::Exposure>& before,
                                    const std::vector<std::int64_t>& scan_ids) {
  auto key = [](const std::string& ip, std::int64_t port, const std::string& protocol) {
    return ip + '|' + std::to_string(port) + '|' + protocol;
  };
  std::unordered_map<std::string, core::ExposureState> was;
  for (const core::Exposure& e : before) was.emplace(key(e.ip, e.port, e.protocol), e.state);
  // Exposure ids may change when a recomputation rebuilds the table: match by (ip, port, protocol).
  std::unordered_map<std::string, bool> covered;
  auto select = impl_->db.Prepare(
      "SELECT e.ip, e.port, e.protocol FROM outcomes o JOIN exposures e ON e.id = o.exposure_id "
      "WHERE o.scan_id = ?1 AND o.kind <> 'not-covered'");
  for (const std::int64_t scan_id : scan_ids) {
    select.Bind(1, scan_id);
    while (select.Step()) covered[key(select.Text(0), select.Int64(1), select.Text(2))] = true;
    select.Reset();
  }
  ExposureChanges changes;
  for (core::Exposure& e : ListExposures()) {
    const std::string k = key(e.ip, e.port, e.protocol);
    // Classify reads only whether the outcome is not-covered: any covering kind will do.
    const core::OutcomeKind outcome = scan_ids.empty() || covered.count(k) != 0
                                          ? core::OutcomeKind::kAbsent
                                          : core::OutcomeKind::kNotCovered;
    const LifecycleCounts counted = changes.counts;
    if (const auto it = was.find(k); it != was.end()) {
      Classify(changes.counts, it->second, e.state, outcome);
    } else {
      Classify(changes.counts, std::nullopt, e.state, outcome);
    }
    if (changes.counts.new_exposures != counted.new_exposures) {
      changes.new_exposures.push_back(std::move(e));
    } else if (changes.counts.reopened != counted.reopened) {
      changes.reopened.push_back(std::move(e));
    } else if (changes.counts.verified_fixed != counted.verified_fixed) {
      changes.verified_fixed.push_back(std::move(e));
    }
  }
  return changes;
}

void Store::RecomputeLifecycle() {
  sql::WriteTransaction transaction(impl_->db);
  impl_->Recompute();
  transaction.Commit();
}

}  // namespace ttmtrack::db
