#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace ttmtrack::test {

// Runs the real scan generator, ttmtrack-gen (TTMTRACK_GEN_PATH, set by CMake to
// $<TARGET_FILE:ttmtrack-gen>), with `args` and "--out `out`" and returns `out`. When it fails,
// records a fatal GoogleTest failure with its stderr; the caller's test goes on unless it checks
// with ASSERT_NO_FATAL_FAILURE. The one way the tests write a scan file with ttmtrack-gen.
std::string GenerateExport(const std::filesystem::path& out, std::vector<std::string> args);

}  // namespace ttmtrack::test
