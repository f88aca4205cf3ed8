#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "cli/command_context.hpp"
#include "db/store.hpp"
#include "reports/report_options.hpp"

namespace ttmtrack::cli {

struct WrittenReport {
  std::filesystem::path index;  // DIR/index.html (or .json)
  std::size_t host_pages = 0;
};

// The whole report of `store` into `directory` (created when missing): the summary, then one
// page per host that ever had an exposure (docs/reports.md). Hosts are read from the store a
// window at a time (Store::ReadHostReports) and their pages rendered and written by `jobs`
// threads (reports::HostPagePool; 0: one per CPU) while the next window is read; the files are
// the same whatever `jobs`. Files of hosts not written in this call are left alone. Throws
// ttmtrack::Error (kIo, kDatabase).
WrittenReport WriteReportFolder(db::Store& store, const std::filesystem::path& directory,
                                const reports::ReportOptions& options, unsigned jobs = 0);

// The same into a hidden sibling of `folder`, swapped in with reports::ReplaceFolder once
// complete: the folder holds exactly this report, and a reader never sees half of it. Left-over
// staging folders of earlier interrupted runs are removed first. REQUIRES: the caller holds the
// run lock (no one else stages `folder`). Throws ttmtrack::Error (kIo, kDatabase); `folder` is
// then as before.
WrittenReport PublishReportFolder(db::Store& store, const std::filesystem::path& folder,
                                  const reports::ReportOptions& options, unsigned jobs = 0);

// A report as the command line asks for it: `report`'s options; `run` asks for none of them.
struct ReportRequest {
  // --trusted-net values; none: the config's report.trusted-networks (TrustedNetworks).
  std::vector<std::string> trusted_nets;
  // --generated-at (ISO 8601); none: $SOURCE_DATE_EPOCH (reproducible builds), else now.
  std::optional<std::string> generated_at;
  std::string format = "html";  // a reports::ReportFormat spelling
};

// What `report` and `run` render with: the request, each part it leaves unset from the config
// or the default, and this build's version. The one place the two read their settings, so their
// reports of one database cannot differ. Throws ttmtrack::Error (kUsage) for a --trusted-net,
// --generated-at, SOURCE_DATE_EPOCH or format that is not one; kConfig as the config does.
reports::ReportOptions ReportOptionsFor(const ReportRequest& request,
                                        const CommandContext& context);

}  // namespace ttmtrack::cli
