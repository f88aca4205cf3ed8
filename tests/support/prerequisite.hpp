#pragma once

// One way for a test to react to a missing prerequisite (chromium, the real-export corpus
// ../shared/corpus, a default port that another program holds): outside CI the test is skipped
// and says why; when CI=true it fails with the same reason, so a CI run never passes on tests
// that did not run. scripts/test.sh prints every skip's reason and counts skips separately.
//
//   TTMTRACK_REQUIRE(std::filesystem::is_directory(dir), "no corpus at " << dir);
//
// The reason is streamed into the GoogleTest message like GTEST_SKIP() << ... (so it may hold
// commas and <<). Use it where GTEST_SKIP() would go: in a test body or SetUp(), or a helper
// returning void; it returns from the function when the prerequisite is missing.
#define TTMTRACK_REQUIRE(available, ...)                                                  \
  do {                                                                                    \
    if (!(available)) {                                                                   \
      if (::ttmtrack::test::MissingPrerequisiteFails()) {                                 \
        GTEST_FAIL() << "missing prerequisite, and CI=true turns a skip into a failure: " \
                     << __VA_ARGS__;                                                      \
      }                                                                                   \
      GTEST_SKIP() << __VA_ARGS__;                                                        \
    }                                                                                     \
  } while (false)

namespace ttmtrack::test {

// True when the environment variable CI is "true" or "1" (as CI services and .ci/run set it):
// then a missing prerequisite fails the test instead of skipping it.
bool MissingPrerequisiteFails();

}  // namespace ttmtrack::test
