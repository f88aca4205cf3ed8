#pragma once

#include <string>
#include <vector>

namespace ttmtrack::test {

// What a finished child process left behind.
struct ProcessResult {
  int exit_code = -1;   // exit status, or 128 + signal number when killed by a signal
  std::string out;      // everything it wrote to stdout
  std::string err;      // everything it wrote to stderr
  long max_rss_kb = 0;  // peak resident set size of the child (getrusage ru_maxrss)
};

// Runs `argv` (argv[0] is a path, not looked up in PATH) to completion with stdin from
// /dev/null, stdout and stderr captured through temporary files (no pipe deadlocks however much
// it writes). `env` entries ("NAME=value") are added to, or replace, this process's environment;
// `cwd`, when not empty, is the child's working directory.
// Throws std::runtime_error when the child cannot be started. Thread-compatible.
ProcessResult RunProcess(const std::vector<std::string>& argv,
                         const std::vector<std::string>& env = {}, const std::string& cwd = {});

// A fresh directory under $TMPDIR (or /tmp), removed with its contents on destruction unless
// TTMTRACK_KEEP_TEST_DIRS is set (then its path is printed for inspection).
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }
  std::string File(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

std::string ReadFileBytes(const std::string& path);

}  // namespace ttmtrack::test
