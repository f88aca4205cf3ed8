// What the description block of nasl/ttm_cmd_unconfirmed.nasl declares in each scanner profile:
// the confirmed tier's severity with a lower Quality of Detection, a dependency on the confirmed
// tier, and the preference that turns it off. Its IDs and what it shares with the confirmed
// tier: PluginDescriptionTest (ttm_cmd_detect_description_test.cpp).
#include <string>

#include <gtest/gtest.h>

#include "core/detection_constants.hpp"
#include "plugin_test_base.hpp"

namespace ttmtrack::nasl::testing {
namespace {

using nlohmann::json;

std::string ProfileName(const ::testing::TestParamInfo<std::string>& param) { return param.param; }

class TtmCmdUnconfirmedDescriptionTest : public PluginTestBase,
                                         public ::testing::WithParamInterface<std::string> {
 protected:
  std::string profile() const override { return GetParam(); }
  bool openvas() const { return profile() == "openvas"; }

  json Description() {
    PluginRunRequest request = Request();
    request.file = TTMTRACK_UNCONFIRMED_PLUGIN_FILE;
    return Run(request).value("description", json::object());
  }
};

TEST_P(TtmCmdUnconfirmedDescriptionTest, NamesItselfUnconfirmedAndRunsAfterTheConfirmedTier) {
  const json d = Description();
  EXPECT_EQ(d.value("name", json()),
            "Trading Technologies Messaging (TTM) Possible ttm_cmd Listener (Unconfirmed)");
  EXPECT_EQ(d.value("version", json()), "1.0");
  // OpenVAS names a dependency by its path under the plugins folder, Nessus by file name.
  const std::string confirmed = openvas() ? "private/ttm_cmd_detect.nasl" : "ttm_cmd_detect.nasl";
  EXPECT_EQ(d.value("dependencies", json()), json::array({"find_service.nasl", confirmed}));
}

TEST_P(TtmCmdUnconfirmedDescriptionTest, OpenVasTagsCarryALowerQodAndTheSameRemediation) {
  const json tags = Description().value("tags", json::object());
  if (!openvas()) {
    EXPECT_TRUE(tags.empty()) << tags.dump(2);
    return;
  }
  EXPECT_EQ(tags.value("qod", ""), std::to_string(core::kOwnUnconfirmedPluginQod));
  EXPECT_FALSE(tags.contains("qod_type")) << "a qod_type would compete with the qod tag";
  EXPECT_LT(core::kOwnUnconfirmedPluginQod, core::kOwnPluginQod);
  EXPECT_EQ(tags.value("cvss_base", ""), "5.0");
  for (const char* name : {"summary", "insight", "impact", "vuldetect", "solution"}) {
    EXPECT_FALSE(tags.value(name, "").empty()) << name;
  }
  EXPECT_NE(tags.value("solution", "").find("firewall"), std::string::npos);
}

TEST_P(TtmCmdUnconfirmedDescriptionTest, NessusAttributesCarryTheSameRiskAndSolution) {
  const json attributes = Description().value("attributes", json::object());
  if (openvas()) {
    EXPECT_TRUE(attributes.empty()) << attributes.dump(2);
    return;
  }
  EXPECT_EQ(attributes.value("risk_factor", ""), "Medium");
  EXPECT_EQ(attributes.value("cvss_vector", ""), "CVSS2#AV:N/AC:L/Au:N/C:P/I:N/A:N");
  EXPECT_EQ(attributes.value("plugin_type", ""), "remote");
  EXPECT_NE(attributes.value("solution", "").find("firewall"), std::string::npos);
  EXPECT_NE(attributes.value("description", "").find("Unconfirmed"), std::string::npos);
}

TEST_P(TtmCmdUnconfirmedDescriptionTest, DeclaresThePreferenceThatTurnsTheTierOff) {
  EXPECT_EQ(
      Description().value("preferences", json()),
      json::array({{{"name", kUnconfirmedTierPref}, {"type", "checkbox"}, {"value", "yes"}}}));
}

INSTANTIATE_TEST_SUITE_P(BothScanners, TtmCmdUnconfirmedDescriptionTest,
                         ::testing::Values("openvas", "nessus"), ProfileName);

}  // namespace
}  // namespace ttmtrack::nasl::testing
