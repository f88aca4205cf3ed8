#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "tools/process/child_process.hpp"

namespace ttmtrack::test {

// The real `ttmtrack` executable (TTMTRACK_BIN_PATH, set by CMake to $<TARGET_FILE:ttmtrack>),
// run as a user would from a shell: in `dir`, so relative file arguments and the default
// database resolve there, with `--db DB` in front of the arguments unless `db` is empty.
// Every run gets TTMTRACK_DB cleared, so nothing leaks in from the developer's shell,
// TTMTRACK_CONFIG=/dev/null, so a config file installed on the machine (/etc/ttmtrack) never
// changes an outcome, and TZ=Asia/Tokyo, a zone far from UTC, so a time shown in local time instead
// of UTC is seen; a run's own `env` entries replace these. The one way the tests run the binary:
// the CLI's end-to-end tests and the lifecycle scenarios. Copyable; thread-compatible.
class TtmtrackCli {
 public:
  explicit TtmtrackCli(std::filesystem::path dir, std::string db = "t.db");

  // `ttmtrack [--db DB] ARGS...` with `env` ("NAME=value") added to the environment.
  process::ProcessResult Run(const std::vector<std::string>& args,
                             const std::vector<std::string>& env = {}) const;

  // The same command started and left running, for tests that work with it while it runs (kill
  // it, step it through its phases, run another command beside it). `fd3`, when not -1, is
  // handed to it as its descriptor 3 (process::ProcessOptions::fd3).
  std::unique_ptr<process::ChildProcess> Start(const std::vector<std::string>& args,
                                               const std::vector<std::string>& env = {},
                                               int fd3 = -1) const;

  // Runs a command that must succeed and print JSON; on failure returns nullopt and records a
  // GoogleTest failure naming the command, exit code and stderr.
  std::optional<nlohmann::json> Json(const std::vector<std::string>& args) const;

  // The raw stdout of a command that must succeed (empty and a recorded failure otherwise).
  std::string Output(const std::vector<std::string>& args) const;

  const std::filesystem::path& dir() const { return dir_; }
  // The database file the runs use: `dir`/`db`. REQUIRES: `db` is not empty.
  std::string DatabasePath() const { return (dir_ / db_).string(); }

 private:
  std::vector<std::string> Argv(const std::vector<std::string>& args) const;
  process::ProcessOptions Options(const std::vector<std::string>& env) const;

  std::filesystem::path dir_;
  std::string db_;
};

}  // namespace ttmtrack::test
