#pragma once

#include <atomic>
#include <cstddef>
#include <filesystem>
#include <string_view>

#include "core/host_report.hpp"
#include "reports/report_options.hpp"

namespace ttmtrack::reports {

// Writes a report folder: DIR/index.html and DIR/hosts/<stem>.html (or .json with
// ReportFormat::kJson), the layout render.hpp links to. Hosts are written one at a time, so the
// caller can stream them from the store without holding the whole estate in memory:
//
//   ReportWriter writer(out_dir, options);        // creates DIR and DIR/hosts
//   writer.WriteSummary(store.BuildSummary());
//   HostPagePool pool(writer, jobs);              // host pages on `jobs` threads
//   store.ReadHostReports(store.ExposedHostIps(),
//                         [&](auto window) { pool.Submit(std::move(window)); });
//   pool.Finish();
//
// Host pages link to the summary only when the folder has one: written by this writer, or left
// there by an earlier run (write the summary before the hosts, as above).
// Every file is written atomically (WriteFileAtomically). Files of hosts not written in this run
// are left alone. One writer per folder at a time. WriteHost may be called from several threads
// at once (HostPagePool does), but not together with anything else: the constructor and
// WriteSummary happen before, files_written() after. Throws ttmtrack::Error
// (kIo, naming the path and the system's reason) when a folder or file cannot be written.
class ReportWriter {
 public:
  ReportWriter(std::filesystem::path directory, ReportOptions options);

  // Returns the path written.
  std::filesystem::path WriteSummary(const core::SummaryReport& summary);
  std::filesystem::path WriteHost(const core::HostReport& host);

  // "hosts/<stem>.html" or ".json": where WriteHost puts `ip`, relative to the folder.
  std::filesystem::path HostPath(std::string_view ip) const;
  // "index.html" or "index.json": where WriteSummary puts the summary, relative to the folder.
  std::filesystem::path SummaryPath() const;
  const std::filesystem::path& directory() const { return directory_; }
  std::size_t files_written() const { return files_written_.load(); }

 private:
  std::filesystem::path directory_;
  ReportOptions options_;
  std::atomic<std::size_t> files_written_{0};
};

// Writes `content` to a new temporary file beside `path` (".<name>.tmp-<pid>-<n>"), then renames
// it over `path`: a reader sees the old file or the new one, never a part. The temporary file is
// removed when writing fails. No fsync: a report is regenerated from the database in seconds,
// and an fsync per page would make a large estate slow. Throws ttmtrack::Error (kIo).
void WriteFileAtomically(const std::filesystem::path& path, std::string_view content);

// The same for a whole folder: replaces the folder `target` with the folder `staged` (a sibling:
// same parent, same filesystem) in one step, renameat2(RENAME_EXCHANGE), then removes the old
// one. A reader (an auditor's browser) sees the old report or the new one, never a mix. When
// `target` does not exist yet, `staged` is renamed to it. On a filesystem that cannot exchange,
// `target` is renamed aside first (there is then an instant without a folder, never a partial
// one). Throws ttmtrack::Error (kIo) when a rename fails; `target` is then unchanged.
void ReplaceFolder(const std::filesystem::path& staged, const std::filesystem::path& target);

// Where to stage a new `target` ("new") or park an old one ("old"): a hidden sibling,
// ".NAME.WHAT-PID".
std::filesystem::path StagingPath(const std::filesystem::path& target, std::string_view what);

// Removes staging folders of `target` that an interrupted earlier run left behind. Best effort.
// REQUIRES: no other process is staging `target` (the run lock).
void RemoveStaleStaging(const std::filesystem::path& target);

}  // namespace ttmtrack::reports
