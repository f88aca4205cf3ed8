#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "tests/support/child_process.hpp"

namespace ttmtrack::scenarios {

// The real `ttmtrack` executable (TTMTRACK_BIN_PATH, set by CMake to $<TARGET_FILE:ttmtrack>)
// run in `dir` against the database `dir`/t.db, as a user would from a shell. File arguments
// are relative to `dir`. Borrowed `dir` must outlive the object. Not thread-safe.
class TtmtrackCli {
 public:
  explicit TtmtrackCli(std::string dir);

  // `ttmtrack --db t.db ARGS...`
  test::ProcessResult Run(const std::vector<std::string>& args) const;

  // Runs a command that must succeed and print JSON; on failure returns nullopt and records a
  // GoogleTest failure naming the command, exit code and stderr.
  std::optional<nlohmann::json> Json(const std::vector<std::string>& args) const;

  // The raw stdout of a command that must succeed (empty and a recorded failure otherwise).
  std::string Output(const std::vector<std::string>& args) const;

  const std::string& dir() const { return dir_; }

 private:
  std::string dir_;
};

}  // namespace ttmtrack::scenarios
