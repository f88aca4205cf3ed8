#include "tests/support/prerequisite.hpp"

#include <cstdlib>
#include <string_view>

namespace ttmtrack::test {

bool MissingPrerequisiteFails() {
  const char* ci = std::getenv("CI");
  if (ci == nullptr) return false;
  const std::string_view value(ci);
  return value == "true" || value == "1";
}

}  // namespace ttmtrack::test
