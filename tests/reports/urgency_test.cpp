#include "reports/urgency.hpp"

#include <algorithm>
#include <random>

#include <gtest/gtest.h>

namespace ttmtrack::reports {
namespace {

using core::ExposureState;

core::Exposure Make(const char* ip, std::uint16_t port, ExposureState state,
                    std::optional<std::int64_t> first_seen) {
  core::Exposure exposure;
  exposure.ip = ip;
  exposure.port = port;
  exposure.protocol = "tcp";
  exposure.state = state;
  exposure.first_seen = first_seen;
  return exposure;
}

std::vector<std::string> Order(std::vector<core::Exposure> exposures) {
  std::sort(exposures.begin(), exposures.end(), MoreUrgent);
  std::vector<std::string> keys;
  keys.reserve(exposures.size());
  for (const auto& e : exposures) keys.push_back(e.ip + ":" + std::to_string(e.port));
  return keys;
}

TEST(UrgencyTest, ReopenedThenOpenOldestFirstThenFixed) {
  const std::vector<core::Exposure> exposures = {
      Make("10.0.0.1", 5010, ExposureState::kFixed, 100),
      Make("10.0.0.2", 5010, ExposureState::kOpen, 300),
      Make("10.0.0.3", 5010, ExposureState::kReopened, 500),
      Make("10.0.0.4", 5010, ExposureState::kOpen, 200),
      Make("10.0.0.5", 5010, ExposureState::kOpen, std::nullopt),
  };
  EXPECT_EQ(Order(exposures),
            (std::vector<std::string>{"10.0.0.3:5010", "10.0.0.4:5010", "10.0.0.2:5010",
                                      "10.0.0.5:5010", "10.0.0.1:5010"}));
}

TEST(UrgencyTest, TiesAreBrokenByNumericIpThenPort) {
  const std::vector<core::Exposure> exposures = {
      Make("10.0.0.10", 5010, ExposureState::kOpen, 100),
      Make("10.0.0.9", 10200, ExposureState::kOpen, 100),
      Make("10.0.0.9", 5010, ExposureState::kOpen, 100),
      Make("2001:db8::1", 5010, ExposureState::kOpen, 100),
  };
  EXPECT_EQ(Order(exposures), (std::vector<std::string>{"10.0.0.9:5010", "10.0.0.9:10200",
                                                        "10.0.0.10:5010", "2001:db8::1:5010"}));
}

TEST(UrgencyTest, OrderDoesNotDependOnInputOrder) {
  std::vector<core::Exposure> exposures;
  exposures.reserve(60);
  for (int i = 0; i < 60; ++i) {
    exposures.push_back(Make(("10.0." + std::to_string(i % 7) + ".1").c_str(),
                             static_cast<std::uint16_t>(5000 + i % 3),
                             static_cast<ExposureState>(i % 3), 1000 + (i % 5)));
  }
  const auto expected = Order(exposures);
  std::mt19937 random(42);
  for (int round = 0; round < 5; ++round) {
    std::shuffle(exposures.begin(), exposures.end(), random);
    EXPECT_EQ(Order(exposures), expected);
  }
}

TEST(UrgencyTest, HostsAreGroupedUnderTheirMostUrgentExposure) {
  std::vector<core::Exposure> exposures = {
      Make("10.0.0.1", 5010, ExposureState::kFixed, 100),
      Make("10.0.0.2", 5010, ExposureState::kOpen, 300),
      Make("10.0.0.1", 10200, ExposureState::kReopened, 400),
  };
  exposures[0].hostname = "";
  exposures[2].hostname = "gw1";
  const std::vector<HostGroup> groups = GroupByHost(exposures);
  ASSERT_EQ(groups.size(), 2u);
  EXPECT_EQ(groups[0].ip, "10.0.0.1");
  EXPECT_EQ(groups[0].state, ExposureState::kReopened);
  EXPECT_EQ(groups[0].hostname, "gw1");
  ASSERT_EQ(groups[0].exposures.size(), 2u);
  EXPECT_EQ(groups[0].exposures[0]->port, 10200);
  EXPECT_EQ(groups[0].exposures[1]->port, 5010);
  EXPECT_EQ(groups[1].ip, "10.0.0.2");
}

}  // namespace
}  // namespace ttmtrack::reports
