#pragma once

#include <string>

#include <gtest/gtest.h>

namespace ttmtrack::testing {

// Names a parameterised test after its row's `name` field, so a failure names the scenario.
template <typename Row>
std::string CaseName(const ::testing::TestParamInfo<Row>& row) {
  return row.param.name;
}

}  // namespace ttmtrack::testing
