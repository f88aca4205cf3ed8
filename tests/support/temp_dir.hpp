#pragma once

#include <filesystem>
#include <string>

namespace ttmtrack::test {

// A fresh directory under the system's temporary directory ($TMPDIR, else /tmp), removed with
// everything in it on destruction, unless TTMTRACK_KEEP_TEST_DIRS is set (then its path is
// printed for inspection). Throws std::runtime_error when the directory cannot be made.
// Not copyable; thread-compatible.
class TempDir {
 public:
  TempDir();
  // A fresh directory under `parent` instead.
  explicit TempDir(const std::filesystem::path& parent);
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  // The path of `name` inside the directory (the file need not exist).
  std::string File(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

// The whole content of the file at `path`, byte for byte; empty when it cannot be read.
std::string ReadFileBytes(const std::filesystem::path& path);

}  // namespace ttmtrack::test
