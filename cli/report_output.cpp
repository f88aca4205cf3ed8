#include "cli/report_output.hpp"

#include <chrono>
#include <cstdlib>
#include <system_error>

#include "cli/trusted_networks.hpp"
#include "core/civil_time.hpp"
#include "core/enum_text.hpp"
#include "core/error.hpp"
#include "reports/host_page_pool.hpp"
#include "reports/report_writer.hpp"

#ifndef TTMTRACK_VERSION
#error "TTMTRACK_VERSION must be defined by the build"
#endif

namespace ttmtrack::cli {
namespace {

// Removes a staging folder that never got swapped in, whatever stopped the write; the write's
// own error is the one reported.
class StagingFolder {
 public:
  explicit StagingFolder(std::filesystem::path path) : path_(std::move(path)) {}
  StagingFolder(const StagingFolder&) = delete;
  StagingFolder& operator=(const StagingFolder&) = delete;
  ~StagingFolder() {
    std::error_code ignored;
    if (!swapped_) std::filesystem::remove_all(path_, ignored);
  }
  const std::filesystem::path& path() const { return path_; }
  void Swapped() { swapped_ = true; }

 private:
  std::filesystem::path path_;
  bool swapped_ = false;
};

// The time printed in the report: `fixed` (--generated-at) when given, else SOURCE_DATE_EPOCH
// (the reproducible-builds convention), so the same database gives byte-identical files; else
// now.
std::int64_t GenerationTime(const std::optional<std::string>& fixed) {
  if (fixed) {
    const core::Parsed<std::int64_t> parsed = core::ParseIso8601(*fixed);
    if (parsed) return parsed.value();
    throw Error(Error::Kind::kUsage, "--generated-at: \"" + *fixed +
                                         "\" is not a time: " + std::string(parsed.reason()));
  }
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch != nullptr && *epoch != 0) {
    const core::Parsed<std::int64_t> parsed = core::ParseEpochSeconds(epoch);
    if (parsed) return parsed.value();
    throw Error(Error::Kind::kUsage, "SOURCE_DATE_EPOCH \"" + std::string(epoch) +
                                         "\" is not a time: " + std::string(parsed.reason()));
  }
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace

WrittenReport WriteReportFolder(db::Store& store, const std::filesystem::path& directory,
                                const reports::ReportOptions& options, unsigned jobs) {
  reports::ReportWriter writer(directory, options);
  WrittenReport written;
  written.index = writer.WriteSummary(store.BuildSummary(options.generated_at));
  reports::HostPagePool pool(writer, jobs);
  store.ReadHostReports(
      store.ExposedHostIps(),
      [&](std::vector<core::HostReport> window) {
        written.host_pages += window.size();
        pool.Submit(std::move(window));
      },
      options.generated_at);
  pool.Finish();
  return written;
}

WrittenReport PublishReportFolder(db::Store& store, const std::filesystem::path& folder,
                                  const reports::ReportOptions& options, unsigned jobs) {
  // Without a parent, "report" would stage as "/.report.new-PID": stay beside it instead.
  const std::filesystem::path target =
      folder.has_parent_path() ? folder : std::filesystem::path(".") / folder;
  reports::RemoveStaleStaging(target);
  StagingFolder staged(reports::StagingPath(target, "new"));
  WrittenReport written = WriteReportFolder(store, staged.path(), options, jobs);
  reports::ReplaceFolder(staged.path(), target);
  staged.Swapped();
  written.index = target / written.index.filename();
  return written;
}

reports::ReportOptions ReportOptionsFor(const ReportRequest& request,
                                        const CommandContext& context) {
  reports::ReportOptions render;
  render.trusted_networks = TrustedNetworks(request.trusted_nets, context);
  render.generated_at = GenerationTime(request.generated_at);
  render.tool_version = TTMTRACK_VERSION;
  const auto format = core::FromText<reports::ReportFormat>(request.format);
  if (!format) {
    throw Error(Error::Kind::kUsage, "unknown report format \"" + request.format + "\" (allowed: " +
                                         core::JoinedTexts<reports::ReportFormat>() + ")");
  }
  render.format = *format;
  return render;
}

}  // namespace ttmtrack::cli
