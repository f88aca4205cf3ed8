#include "tests/support/ttmtrack_gen.hpp"

#include <gtest/gtest.h>

#include "tools/process/child_process.hpp"

namespace ttmtrack::test {

std::string GenerateExport(const std::filesystem::path& out, std::vector<std::string> args) {
  args.insert(args.begin(), TTMTRACK_GEN_PATH);
  args.insert(args.end(), {"--out", out.string()});
  const process::ProcessResult r = process::RunProcess(args);
  // ASSERT_* returns from the function it is in: in a lambda, so the failure is fatal (visible to
  // ASSERT_NO_FATAL_FAILURE) and this function still returns the path.
  [&r] { ASSERT_EQ(r.exit_code, 0) << "ttmtrack-gen failed: " << r.err; }();
  return out.string();
}

}  // namespace ttmtrack::test
