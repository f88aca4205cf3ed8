#include "tests/cli/two_scans.hpp"

#include <gtest/gtest.h>

namespace ttmtrack::test {

void WriteTwoScans(const std::filesystem::path& dir, int hosts) {
  const std::string count = std::to_string(hosts);
  ASSERT_NO_FATAL_FAILURE(GenerateExport(
      dir / "first.nessus", {"nessus", "--hosts", count, "--results-per-host", "10",
                             "--detect-every", "3", "--time", "2026-01-05T10:00:00Z"}));
  ASSERT_NO_FATAL_FAILURE(
      GenerateExport(dir / "second.nessus",
                     {"nessus", "--hosts", count, "--results-per-host", "10", "--detect-every", "4",
                      "--seed", "2", "--time", "2026-02-02T10:00:00Z"}));
  const process::ProcessResult first =
      TtmtrackCli(dir, "baseline.db").Run({"import", "first.nessus"});
  ASSERT_EQ(first.exit_code, 0) << first.err;
}

}  // namespace ttmtrack::test
