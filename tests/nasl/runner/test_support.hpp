#pragma once

#include <string>
#include <utility>
#include <vector>

#include "nasl/runner/runner.hpp"

// Helpers shared by the NASL runner tests.
namespace ttmtrack::nasl::runner::testing {

// One line that declares a valid plugin in both profiles, so a test body is scheduled and
// runs in the attack run. Body line N is line N + 1 of the script.
extern const char* const kHeader;

struct ScriptOptions {
  Profile profile = Profile::kOpenVas;
  std::vector<std::pair<std::string, KbValue>> kb;
  std::vector<std::pair<std::string, std::string>> preferences;
  int timeout_ms = 2000;
};

// Runs kHeader + body as "test.nasl".
RunResult RunBody(const std::string& body, const ScriptOptions& options = {});

// The display() output of the body, concatenated; fails the test if errors were recorded.
std::string Output(const std::string& body, Profile profile = Profile::kOpenVas);

}  // namespace ttmtrack::nasl::runner::testing
