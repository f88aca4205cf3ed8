// What the description block of nasl/ttm_cmd_detect.nasl declares in each scanner profile, what
// both plugins declare alike, and that every .nasl file of nasl/ parses.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <tuple>

#include <gtest/gtest.h>

#include "core/detection_constants.hpp"
#include "core/ttm_probe.hpp"
#include "plugin_test_base.hpp"

namespace ttmtrack::nasl::testing {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

std::string ProfileName(const ::testing::TestParamInfo<std::string>& param) { return param.param; }

class TtmCmdDetectDescriptionTest : public PluginTestBase,
                                    public ::testing::WithParamInterface<std::string> {
 protected:
  std::string profile() const override { return GetParam(); }
  bool openvas() const { return profile() == "openvas"; }

  // The description of a run with an empty KB: the plugin is not scheduled, so only the
  // description run happens.
  json Description() {
    const json doc = Run(Request());
    return doc.value("description", json::object());
  }
};

TEST_P(TtmCmdDetectDescriptionTest, DeclaresNameFamilyCategoryAndScheduling) {
  const json d = Description();
  // ttmtrack's default import rule matches on "Trading Technologies Messaging".
  EXPECT_EQ(d.value("name", json()),
            "Trading Technologies Messaging (TTM) ttm_cmd Listener Detection");
  EXPECT_EQ(d.value("family", json()), "Service detection");
  EXPECT_EQ(d.value("category", json()), "ACT_GATHER_INFO");
  EXPECT_EQ(d.value("version", json()), "1.1");
  EXPECT_EQ(d.value("dependencies", json()), json::array({"find_service.nasl"}));
  EXPECT_EQ(d.value("require_ports", json()), json::array({"Services/unknown", 5010, 10200}));
}

TEST_P(TtmCmdDetectDescriptionTest, OpenVasTagsCarryCvssQodAndTheMitigation) {
  const json tags = Description().value("tags", json::object());
  if (!openvas()) {
    EXPECT_TRUE(tags.empty()) << "script_tag() reached in the Nessus profile: " << tags.dump(2);
    return;
  }
  // Without a cvss_base_vector (or severity_vector) tag OpenVAS silently drops the plugin.
  EXPECT_EQ(tags.value("cvss_base_vector", ""), "AV:N/AC:L/Au:N/C:P/I:N/A:N");
  EXPECT_EQ(tags.value("severity_vector", ""), "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N");
  EXPECT_EQ(tags.value("qod_type", ""), "remote_probe");  // core::kOwnPluginQod, 50 %
  EXPECT_EQ(tags.value("solution_type", ""), "Mitigation");
  for (const char* name : {"summary", "insight", "impact", "vuldetect", "solution"}) {
    EXPECT_FALSE(tags.value(name, "").empty()) << name;
  }
  EXPECT_NE(tags.value("solution", "").find("firewall"), std::string::npos);
}

TEST_P(TtmCmdDetectDescriptionTest, NessusAttributesCarryRiskAndSolution) {
  const json d = Description();
  const json attributes = d.value("attributes", json::object());
  if (openvas()) {
    EXPECT_TRUE(attributes.empty()) << attributes.dump(2);
    return;
  }
  EXPECT_EQ(attributes.value("risk_factor", ""), "Medium");
  EXPECT_EQ(attributes.value("cvss_vector", ""), "CVSS2#AV:N/AC:L/Au:N/C:P/I:N/A:N");
  EXPECT_EQ(attributes.value("plugin_type", ""), "remote");
  for (const char* name : {"synopsis", "description", "solution"}) {
    EXPECT_FALSE(attributes.value(name, "").empty()) << name;
  }
  bool ended = false;
  for (const json& call : d.value("calls", json::array())) {
    if (call.value("function", "") == "script_end_attributes") ended = true;
  }
  EXPECT_TRUE(ended);
}

TEST_P(TtmCmdDetectDescriptionTest, ReferencesTheDetectionIdWithoutCommaSpace) {
  const json xrefs = Description().value("xrefs", json::array());
  EXPECT_EQ(xrefs, json::array({{{"name", "TTMTRACK"}, {"value", "c564e5ab"}}}));
  for (const json& xref : xrefs) {
    EXPECT_EQ(xref.value("value", "").find(", "), std::string::npos);
  }
}

TEST_P(TtmCmdDetectDescriptionTest, DeclaresTheExtraPortsAndTimeoutPreferences) {
  EXPECT_EQ(Description().value("preferences", json()),
            json::array({{{"name", kExtraPortsPref}, {"type", "entry"}, {"value", ""}},
                         {{"name", kTimeoutPref},
                          {"type", "entry"},
                          {"value", std::to_string(core::kDefaultReplyTimeoutSeconds)}}}));
}

INSTANTIATE_TEST_SUITE_P(BothScanners, TtmCmdDetectDescriptionTest,
                         ::testing::Values("openvas", "nessus"), ProfileName);

// What both plugins must declare alike, in each profile.
class PluginDescriptionTest
    : public PluginTestBase,
      public ::testing::WithParamInterface<std::tuple<std::string, std::string>> {
 protected:
  std::string profile() const override { return std::get<1>(GetParam()); }
  bool openvas() const { return profile() == "openvas"; }

  bool unconfirmed() const {
    return std::get<0>(GetParam()) == std::string(TTMTRACK_UNCONFIRMED_PLUGIN_FILE);
  }

  json Description() {
    PluginRunRequest request = Request();
    request.file = std::get<0>(GetParam());
    return Run(request).value("description", json::object());
  }
};

// Each tier has IDs of its own (core/detection_constants.hpp), and declares only the ID of the
// scanner it runs in.
TEST_P(PluginDescriptionTest, DeclaresTheIdOfItsScannerOnly) {
  const json d = Description();
  if (openvas()) {
    EXPECT_EQ(d.value("oid", json()),
              unconfirmed() ? core::kOwnUnconfirmedOpenVasOid : core::kOwnOpenVasOid);
    EXPECT_EQ(d.value("id", json()), json());
  } else {
    const std::string_view id =
        unconfirmed() ? core::kOwnUnconfirmedNessusPluginId : core::kOwnNessusPluginId;
    EXPECT_EQ(d.value("id", json()), std::stoi(std::string(id)));
    EXPECT_EQ(d.value("oid", json()), json());
  }
}

// OpenVAS rejects script_name(english:...) ("Missing name"); Nessus plugins use it.
TEST_P(PluginDescriptionTest, UsesTheEnglishFormOnlyInNessus) {
  const std::set<std::string> bilingual = {"script_name", "script_family", "script_copyright"};
  std::set<std::string> seen;
  for (const json& call : Description().value("calls", json::array())) {
    const std::string function = call.value("function", "");
    if (!bilingual.count(function)) continue;
    seen.insert(function);
    const json named = call.value("args", json::object());
    const json positional = call.value("positional", json::array());
    if (openvas()) {
      EXPECT_FALSE(named.contains("english")) << call.dump();
      EXPECT_EQ(positional.size(), 1U) << call.dump();
    } else {
      EXPECT_TRUE(named.contains("english")) << call.dump();
      EXPECT_TRUE(positional.empty()) << call.dump();
    }
  }
  EXPECT_EQ(seen, bilingual);
}

TEST_P(PluginDescriptionTest, CallsNoScannerSpecificFunctionOfTheOtherScanner) {
  const std::set<std::string> openvas_only = {"script_oid", "script_tag"};
  const std::set<std::string> nessus_only = {"script_id", "script_set_attribute",
                                             "script_end_attributes", "script_summary"};
  for (const json& call : Description().value("calls", json::array())) {
    const std::string function = call.value("function", "");
    if (openvas()) {
      EXPECT_FALSE(nessus_only.count(function)) << function;
    } else {
      EXPECT_FALSE(openvas_only.count(function)) << function;
    }
  }
}

TEST_P(PluginDescriptionTest, TagValuesHaveNoPipe) {
  const json tags = Description().value("tags", json::object());
  for (const auto& [name, value] : tags.items()) {
    ASSERT_TRUE(value.is_string()) << name;
    EXPECT_EQ(value.get<std::string>().find('|'), std::string::npos) << "tag " << name;
  }
}

// Both tiers name the protocol (ttmtrack's default name rule matches on it), share family,
// category, scheduling, severity and reference, and differ in their IDs.
TEST_P(PluginDescriptionTest, SharesTheDetectionsFamilySeverityAndReference) {
  const json d = Description();
  EXPECT_NE(d.value("name", "").find(core::kDefaultNameNeedle), std::string::npos);
  EXPECT_EQ(d.value("family", json()), core::kOwnPluginFamily);
  EXPECT_EQ(d.value("category", json()), "ACT_GATHER_INFO");
  EXPECT_EQ(d.value("require_ports", json()), json::array({"Services/unknown", 5010, 10200}));
  EXPECT_EQ(d.value("xrefs", json()),
            json::array({{{"name", "TTMTRACK"}, {"value", core::kDetectionId}}}));
  if (openvas()) {
    const json tags = d.value("tags", json::object());
    EXPECT_EQ(tags.value("cvss_base_vector", ""), "AV:N/AC:L/Au:N/C:P/I:N/A:N");
    EXPECT_EQ(tags.value("severity_vector", ""), "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N");
    EXPECT_EQ(tags.value("solution_type", ""), "Mitigation");
  } else {
    EXPECT_EQ(d.value("attributes", json::object()).value("risk_factor", ""),
              core::kOwnPluginLevelName);
  }
}

std::string PluginCaseName(
    const ::testing::TestParamInfo<std::tuple<std::string, std::string>>& param) {
  const std::string file = fs::path(std::get<0>(param.param)).stem().string();
  std::string name = file.find("unconfirmed") != std::string::npos ? "Unconfirmed" : "Detect";
  return name + (std::get<1>(param.param) == "openvas" ? "Openvas" : "Nessus");
}

INSTANTIATE_TEST_SUITE_P(BothPlugins, PluginDescriptionTest,
                         ::testing::Combine(::testing::Values(TTMTRACK_PLUGIN_FILE,
                                                              TTMTRACK_UNCONFIRMED_PLUGIN_FILE),
                                            ::testing::Values("openvas", "nessus")),
                         PluginCaseName);

TEST(TtmCmdDetectFileTest, EveryNaslFileInNaslParses) {
  std::vector<std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(TTMTRACK_NASL_DIR)) {
    if (entry.is_regular_file() && entry.path().extension() == ".nasl") {
      files.push_back(entry.path().string());
    }
  }
  ASSERT_FALSE(files.empty());
  std::vector<std::string> args = {TTMTRACK_NASL_PATH, "check"};
  args.insert(args.end(), files.begin(), files.end());
  const process::ProcessResult r = process::RunProcess(args, {.time_limit = kRunLimit});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
}

TEST(TtmCmdDetectFileTest, CheckRejectsTheEditedPluginWithALineNumber) {
  // Drop the ';' that ends `exit(0)` in the description block: proof that `check` is no no-op
  // on this file, and that the error points at the right place.
  std::ifstream in(TTMTRACK_PLUGIN_FILE);
  std::stringstream text;
  text << in.rdbuf();
  std::string source = text.str();
  const std::size_t at = source.find("  exit(0);\n}");
  ASSERT_NE(at, std::string::npos);
  const std::string before = source.substr(0, at);
  const std::size_t line =
      1 + static_cast<std::size_t>(std::count(before.begin(), before.end(), '\n'));
  source.erase(at + 9, 1);
  test::TempDir dir;
  const fs::path broken = dir.path() / "broken.nasl";
  std::ofstream(broken) << source;
  const process::ProcessResult r = process::RunProcess(
      {TTMTRACK_NASL_PATH, "check", broken.string()}, {.time_limit = kRunLimit});
  EXPECT_EQ(r.exit_code, 65);
  const std::string where = broken.string() + ":";
  const std::string all = r.out + r.err;
  ASSERT_NE(all.find(where), std::string::npos) << all;
  // The parser notices at the '}' on the next line, or at the end of `exit(0)`.
  const std::string reported = all.substr(all.find(where) + where.size());
  const std::size_t reported_line = std::stoul(reported);
  EXPECT_TRUE(reported_line == line || reported_line == line + 1) << all;
}

}  // namespace
}  // namespace ttmtrack::nasl::testing
