#include "test_support.hpp"

#include <gtest/gtest.h>

namespace ttmtrack::nasl::runner::testing {

const char* const kHeader =
    "if (description) { if (defined_func(\"script_oid\")) script_oid(\"1.3.6.1.4.1.32473.9\"); "
    "if (defined_func(\"script_id\")) script_id(1999998); script_name(\"test\"); "
    "if (defined_func(\"script_tag\")) script_tag(name:\"cvss_base_vector\", "
    "value:\"AV:N/AC:L/Au:N/C:N/I:N/A:N\"); exit(0); }\n";

RunResult RunBody(const std::string& body, const ScriptOptions& options) {
  RunOptions run;
  run.profile = options.profile;
  run.script_path = "test.nasl";
  run.source = std::string(kHeader) + body;
  run.kb = options.kb;
  run.preferences = options.preferences;
  run.timeout_ms = options.timeout_ms;
  return RunPlugin(run);
}

std::string Output(const std::string& body, Profile profile) {
  ScriptOptions options;
  options.profile = profile;
  const RunResult result = RunBody(body, options);
  EXPECT_TRUE(result.errors.empty()) << ::testing::PrintToString(result.errors);
  std::string out;
  for (const auto& line : result.display) out += line;
  return out;
}

}  // namespace ttmtrack::nasl::runner::testing
