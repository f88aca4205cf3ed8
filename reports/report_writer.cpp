#include "reports/report_writer.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <system_error>
#include <utility>

#include "core/error.hpp"
#include "reports/host_file_name.hpp"
#include "reports/render.hpp"

namespace ttmtrack::reports {
namespace {

// The one place where a failed system call becomes an Error (STYLE.md §3).
[[noreturn]] void ThrowIo(const std::string& what, const std::filesystem::path& path, int error) {
  throw Error(Error::Kind::kIo, what + ": " + std::strerror(error), {.file = path.string()});
}

void CreateDirectory(const std::filesystem::path& path) {
  std::error_code error;
  std::filesystem::create_directories(path, error);
  if (error) ThrowIo("cannot create the report folder", path, error.value());
  if (!std::filesystem::is_directory(path, error)) {
    ThrowIo("not a folder", path, error ? error.value() : ENOTDIR);
  }
}

// Owns an open file descriptor; closes it unless Close() already did.
class FileDescriptor {
 public:
  explicit FileDescriptor(int fd) : fd_(fd) {}
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  ~FileDescriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  int get() const { return fd_; }
  // The result of close(2), which reports delayed write errors; -1 with errno set on failure.
  int Close() { return ::close(std::exchange(fd_, -1)); }

 private:
  int fd_;
};

void WriteAll(int fd, std::string_view content, const std::filesystem::path& path) {
  while (!content.empty()) {
    const ssize_t written = ::write(fd, content.data(), content.size());
    if (written < 0 && errno == EINTR) continue;
    if (written < 0) ThrowIo("cannot write", path, errno);
    content.remove_prefix(static_cast<std::size_t>(written));
  }
}

std::filesystem::path TemporaryPathFor(const std::filesystem::path& path) {
  static std::atomic<unsigned long> counter{0};
  return path.parent_path() / ("." + path.filename().string() + ".tmp-" +
                               std::to_string(::getpid()) + "-" + std::to_string(++counter));
}

// Removes the temporary file when writing fails part-way, whatever threw; Keep() once it has
// been renamed into place.
class TemporaryFile {
 public:
  explicit TemporaryFile(std::filesystem::path path) : path_(std::move(path)) {}
  TemporaryFile(const TemporaryFile&) = delete;
  TemporaryFile& operator=(const TemporaryFile&) = delete;
  ~TemporaryFile() {
    if (!kept_) ::unlink(path_.c_str());  // best effort: the write error is the one to report
  }
  const std::filesystem::path& path() const { return path_; }
  void Keep() { kept_ = true; }

 private:
  std::filesystem::path path_;
  bool kept_ = false;
};

}  // namespace

void WriteFileAtomically(const std::filesystem::path& path, std::string_view content) {
  const std::filesystem::path temporary_path = TemporaryPathFor(path);
  FileDescriptor file(
      ::open(temporary_path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644));
  if (file.get() < 0) ThrowIo("cannot create", temporary_path, errno);
  TemporaryFile temporary(temporary_path);
  WriteAll(file.get(), content, temporary.path());
  if (file.Close() != 0) ThrowIo("cannot write", temporary.path(), errno);
  if (::rename(temporary.path().c_str(), path.c_str()) != 0) ThrowIo("cannot replace", path, errno);
  temporary.Keep();
}

void ReplaceFolder(const std::filesystem::path& staged, const std::filesystem::path& target) {
  std::error_code ignored;
  if (::renameat2(AT_FDCWD, staged.c_str(), AT_FDCWD, target.c_str(), RENAME_EXCHANGE) == 0) {
    // `staged` now holds the old folder. Failing to remove it loses nothing: the next
    // RemoveStaleStaging of the same target removes it.
    std::filesystem::remove_all(staged, ignored);
    return;
  }
  const int error = errno;
  if (error == ENOENT && !std::filesystem::exists(target, ignored)) {
    if (::rename(staged.c_str(), target.c_str()) != 0) ThrowIo("cannot rename", staged, errno);
    return;
  }
  if (error != EINVAL && error != ENOSYS && error != ENOTSUP) {
    ThrowIo("cannot swap in the new folder", target, error);
  }
  // A filesystem that cannot exchange: two renames. A reader may find no folder for an instant
  // between them, but never a half-written one.
  const std::filesystem::path aside = StagingPath(target, "old");
  if (::rename(target.c_str(), aside.c_str()) != 0) ThrowIo("cannot move aside", target, errno);
  if (::rename(staged.c_str(), target.c_str()) != 0) {
    const int rename_error = errno;
    ::rename(aside.c_str(), target.c_str());  // put the old one back; the error is `staged`'s
    ThrowIo("cannot rename", staged, rename_error);
  }
  std::filesystem::remove_all(aside, ignored);
}

std::filesystem::path StagingPath(const std::filesystem::path& target, std::string_view what) {
  return target.parent_path() / ("." + target.filename().string() + "." + std::string(what) + "-" +
                                 std::to_string(::getpid()));
}

void RemoveStaleStaging(const std::filesystem::path& target) {
  std::error_code error;
  const std::string prefix = "." + target.filename().string() + ".";
  const std::filesystem::path parent =
      target.parent_path().empty() ? std::filesystem::path(".") : target.parent_path();
  for (const auto& entry : std::filesystem::directory_iterator(parent, error)) {
    const std::string name = entry.path().filename().string();
    const bool ours = name.rfind(prefix + "new-", 0) == 0 || name.rfind(prefix + "old-", 0) == 0;
    if (ours && entry.is_directory(error)) std::filesystem::remove_all(entry.path(), error);
  }
}

ReportWriter::ReportWriter(std::filesystem::path directory, ReportOptions options)
    : directory_(std::move(directory)), options_(std::move(options)) {
  CreateDirectory(directory_);
  CreateDirectory(directory_ / "hosts");
  std::error_code error;  // an unreadable index counts as none: the link would not work either
  options_.link_summary =
      options_.link_summary && std::filesystem::exists(directory_ / SummaryPath(), error);
}

std::filesystem::path ReportWriter::SummaryPath() const {
  return options_.format == ReportFormat::kJson ? "index.json" : "index.html";
}

std::filesystem::path ReportWriter::HostPath(std::string_view ip) const {
  const char* extension = options_.format == ReportFormat::kJson ? ".json" : ".html";
  return std::filesystem::path("hosts") / (HostFileStem(ip) + extension);
}

std::filesystem::path ReportWriter::WriteSummary(const core::SummaryReport& summary) {
  const bool json = options_.format == ReportFormat::kJson;
  std::filesystem::path path = directory_ / SummaryPath();
  WriteFileAtomically(
      path, json ? RenderSummaryJson(summary, options_) : RenderSummaryHtml(summary, options_));
  ++files_written_;
  options_.link_summary = true;
  return path;
}

std::filesystem::path ReportWriter::WriteHost(const core::HostReport& host) {
  std::filesystem::path path = directory_ / HostPath(host.identity.ip);
  WriteFileAtomically(path, options_.format == ReportFormat::kJson
                                ? RenderHostJson(host, options_)
                                : RenderHostHtml(host, options_));
  ++files_written_;
  return path;
}

}  // namespace ttmtrack::reports
