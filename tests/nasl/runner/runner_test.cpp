#include "nasl/runner/runner.hpp"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "core/error.hpp"
#include "test_support.hpp"

namespace ttmtrack::nasl::runner {
namespace {

using testing::RunBody;
using testing::ScriptOptions;

RunResult RunSource(const std::string& source, Profile profile,
                    std::vector<std::pair<std::string, KbValue>> kb = {},
                    std::vector<std::pair<std::string, std::string>> prefs = {}) {
  RunOptions run;
  run.profile = profile;
  run.script_path = "plugin.nasl";
  run.source = source;
  run.kb = std::move(kb);
  run.preferences = std::move(prefs);
  return RunPlugin(run);
}

const char* const kOpenVasPlugin = R"(
if (description) {
  script_oid("1.3.6.1.4.1.32473.7.1");
  script_version("2026-01-02");
  script_name("Fixture plugin");
  script_tag(name:"cvss_base_vector", value:"AV:N/AC:L/Au:N/C:N/I:N/A:N");
  script_tag(name:"qod_type", value:"remote_active");
  script_category(ACT_GATHER_INFO);
  script_family("Service detection");
  script_copyright("Copyright (C) 2026 test");
  script_dependencies("find_service.nasl", "other.nasl");
  script_require_ports("Services/unknown", 5010);
  script_xref(name:"URL", value:"https://example.test/advisory");
  script_add_preference(name:"Extra ports", type:"entry", value:"7000", id:1);
  exit(0);
}
display("attack");
)";

TEST(RunnerTest, DescriptionRunCollectsEveryScriptCall) {
  const RunResult r = RunSource(kOpenVasPlugin, Profile::kOpenVas);
  EXPECT_TRUE(r.errors.empty()) << ::testing::PrintToString(r.errors);
  const Description& d = r.description;
  EXPECT_EQ(d.oid, "1.3.6.1.4.1.32473.7.1");
  EXPECT_EQ(d.version, "2026-01-02");
  EXPECT_EQ(d.name, "Fixture plugin");
  EXPECT_EQ(d.category, "ACT_GATHER_INFO");
  EXPECT_EQ(d.family, "Service detection");
  EXPECT_EQ(d.copyright, "Copyright (C) 2026 test");
  EXPECT_EQ(d.dependencies, (std::vector<std::string>{"find_service.nasl", "other.nasl"}));
  EXPECT_EQ(d.require_ports, nlohmann::ordered_json::parse(R"(["Services/unknown", 5010])"));
  ASSERT_EQ(d.tags.size(), 2u);
  EXPECT_EQ(d.tags[1], (std::pair<std::string, std::string>{"qod_type", "remote_active"}));
  ASSERT_EQ(d.xrefs.size(), 1u);
  EXPECT_EQ(d.xrefs[0].value, "https://example.test/advisory");
  ASSERT_EQ(d.preferences.size(), 1u);
  EXPECT_EQ(d.preferences[0].type, "entry");
  ASSERT_EQ(d.calls.size(), 12u);
  EXPECT_EQ(d.calls[0].function, "script_oid");
  EXPECT_EQ(d.calls[0].positional.dump(), R"(["1.3.6.1.4.1.32473.7.1"])");
  EXPECT_EQ(d.calls[11].function, "script_add_preference");
  EXPECT_EQ(d.calls[11].named["id"], 1);
  EXPECT_EQ(d.calls[11].line, 14);
}

TEST(RunnerTest, AttackRunNeedsAnOpenRequiredPortOrKbKey) {
  EXPECT_FALSE(RunSource(kOpenVasPlugin, Profile::kOpenVas).scheduled);
  EXPECT_FALSE(RunSource(kOpenVasPlugin, Profile::kOpenVas, {{"Ports/tcp/5011", 1}}).scheduled);
  EXPECT_FALSE(RunSource(kOpenVasPlugin, Profile::kOpenVas, {{"Ports/tcp/5010", 0}}).scheduled);
  const RunResult by_port = RunSource(kOpenVasPlugin, Profile::kOpenVas, {{"Ports/tcp/5010", 1}});
  EXPECT_TRUE(by_port.scheduled);
  EXPECT_EQ(by_port.runs, 1);
  EXPECT_EQ(by_port.display, (std::vector<std::string>{"attack"}));
  EXPECT_TRUE(RunSource(kOpenVasPlugin, Profile::kOpenVas, {{"Services/unknown", 7777}}).scheduled);
}

TEST(RunnerTest, DescriptionRunSeesAnEmptyKnowledgeBase) {
  const RunResult r =
      RunSource(std::string("if (description) display(isnull(get_kb_item(\"Seed\")));\n") +
                    testing::kHeader + "display(get_kb_item(\"Seed\"));",
                Profile::kOpenVas, {{"Seed", std::string("x")}});
  EXPECT_EQ(r.display, (std::vector<std::string>{"1", "x"}));
}

TEST(RunnerTest, OpenVasRejectsPluginsItWouldNotLoad) {
  const RunResult no_oid =
      RunSource("if (description) { script_name(\"n\"); exit(0); }", Profile::kOpenVas);
  EXPECT_FALSE(no_oid.scheduled);
  ASSERT_EQ(no_oid.errors.size(), 2u);
  EXPECT_EQ(no_oid.errors[0], "plugin.nasl: OpenVAS rejects the plugin: no script_oid()");
  EXPECT_NE(no_oid.errors[1].find("cvss_base_vector"), std::string::npos);
}

TEST(RunnerTest, OpenVasRejectsTheEnglishFormOfScriptName) {
  const RunResult r = RunSource(
      "if (description) { script_oid(\"1.2.3\"); script_name(english:\"n\");\n"
      "script_tag(name:\"severity_vector\", value:\"CVSS:3.1/AV:N\"); exit(0); }",
      Profile::kOpenVas);
  EXPECT_FALSE(r.description.name.has_value());
  EXPECT_FALSE(r.scheduled);
  ASSERT_EQ(r.errors.size(), 2u);
  EXPECT_NE(r.errors[0].find("plugin.nasl:1:41: script_name(english: ...) is not accepted"),
            std::string::npos)
      << r.errors[0];
  EXPECT_NE(r.errors[1].find("Missing name"), std::string::npos);
}

TEST(RunnerTest, NessusProfileTakesIdAttributesAndEnglishForms) {
  const RunResult r = RunSource(R"(
if (description) {
  script_id(1999001);
  script_name(english:"Nessus form");
  script_family(english:"Service detection");
  script_summary(english:"Detects it");
  script_set_attribute(attribute:"synopsis", value:"A listener.");
  script_set_attribute(attribute:"risk_factor", value:"Medium");
  script_end_attributes();
  exit(0);
}
security_warning(port:10200, extra:"evidence");
)",
                                Profile::kNessus);
  EXPECT_TRUE(r.errors.empty()) << ::testing::PrintToString(r.errors);
  EXPECT_EQ(r.description.id, 1999001);
  EXPECT_EQ(r.description.name, "Nessus form");
  EXPECT_EQ(r.description.family, "Service detection");
  EXPECT_EQ(r.description.summary, "Detects it");
  ASSERT_EQ(r.description.attributes.size(), 2u);
  EXPECT_EQ(r.description.attributes[1],
            (std::pair<std::string, std::string>{"risk_factor", "Medium"}));
  ASSERT_EQ(r.reports.size(), 1u);
  EXPECT_EQ(r.reports[0].function, "security_warning");
  EXPECT_EQ(r.reports[0].named["port"], 10200);
  EXPECT_EQ(r.reports[0].named["extra"], "evidence");
}

TEST(RunnerTest, ProfilesDefineDifferentBuiltins) {
  const std::string probe =
      "foreach f (make_list(\"script_oid\", \"script_tag\", \"log_message\", "
      "\"security_message\", \"script_id\", \"script_set_attribute\", "
      "\"script_end_attributes\", \"script_summary\", \"security_note\", "
      "\"security_warning\", \"script_name\", "
      "\"get_kb_item\", \"open_sock_tcp\", \"chr\")) display(defined_func(f));";
  std::string openvas;
  for (const auto& d : RunBody(probe).display) openvas += d;
  std::string nessus;
  for (const auto& d : RunBody(probe, ScriptOptions{.profile = Profile::kNessus}).display) {
    nessus += d;
  }
  EXPECT_EQ(openvas, "11110000001110");
  EXPECT_EQ(nessus, "00001111111110");
}

TEST(RunnerTest, ReportsKeepEveryArgumentAsGiven) {
  const RunResult r = RunBody(
      "log_message(port:5010, proto:\"tcp\", data:'line1\\nline2');\n"
      "security_message(5011);\nlog_message();");
  ASSERT_EQ(r.reports.size(), 3u);
  EXPECT_EQ(r.reports[0].named.dump(), R"({"port":5010,"proto":"tcp","data":"line1\nline2"})");
  EXPECT_EQ(r.reports[1].function, "security_message");
  EXPECT_EQ(r.reports[1].positional.dump(), "[5011]");
  EXPECT_EQ(r.reports[2].named.dump(), "{}");
  EXPECT_EQ(r.reports[2].line, 4);
}

TEST(RunnerTest, KbWritesAreRecordedAndReadBack) {
  const RunResult r = RunBody(
      "set_kb_item(name:\"Known/tcp/5010\", value:\"ttm_cmd\");\n"
      "set_kb_item(name:\"Services/ttm_cmd\", value:5010);\n"
      "replace_kb_item(name:\"Services/ttm_cmd\", value:10200);\n"
      "display(get_kb_item(\"Known/tcp/5010\"), ' ', get_kb_item(\"Services/ttm_cmd\"));\n"
      "set_kb_item(name:\"Bad\", value:-1);");
  ASSERT_EQ(r.kb_writes.size(), 3u);
  EXPECT_EQ(r.kb_writes[0].name, "Known/tcp/5010");
  EXPECT_EQ(r.kb_writes[0].value, KbValue{std::string("ttm_cmd")});
  EXPECT_FALSE(r.kb_writes[0].replace);
  EXPECT_EQ(r.kb_writes[1].value, KbValue{std::int64_t{5010}});
  EXPECT_TRUE(r.kb_writes[2].replace);
  EXPECT_EQ(r.display, (std::vector<std::string>{"ttm_cmd 10200"}));
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_NE(r.errors[0].find("value=-1"), std::string::npos);
}

TEST(RunnerTest, GetKbItemWithSeveralValuesRunsOncePerValue) {
  const RunResult r = RunBody(
      "display(\"before\");\n"
      "port = get_kb_item(\"Services/unknown\");\n"
      "display(port);\n"
      "log_message(port:port, data:\"seen\");",
      ScriptOptions{.kb = {{"Services/unknown", 5010},
                           {"Services/unknown", 10200},
                           {"Services/unknown", 7000}}});
  EXPECT_TRUE(r.errors.empty());
  EXPECT_EQ(r.runs, 3);
  // What ran before the fork happened once, in the parent.
  EXPECT_EQ(r.display, (std::vector<std::string>{"before", "5010", "10200", "7000"}));
  ASSERT_EQ(r.reports.size(), 3u);
  EXPECT_EQ(r.reports[2].named["port"], 7000);
}

TEST(RunnerTest, NestedForksEnumerateEveryCombination) {
  const RunResult r =
      RunBody("a = get_kb_item(\"A\");\ndisplay(a);\nb = get_kb_item(\"B\");\ndisplay(a + b);",
              ScriptOptions{.kb = {{"A", std::string("x")},
                                   {"A", std::string("y")},
                                   {"B", std::string("1")},
                                   {"B", std::string("2")}}});
  EXPECT_EQ(r.runs, 4);
  EXPECT_EQ(r.display, (std::vector<std::string>{"x", "x1", "x2", "y", "y1", "y2"}));
}

TEST(RunnerTest, GetKbListReturnsEveryValueWithoutForking) {
  const RunResult r = RunBody(
      "l = get_kb_list(\"Services/*\");\nforeach k (keys(l)) display(k);\n"
      "foreach v (l) display(v);\ndisplay(isnull(get_kb_list(\"Nothing/*\")));",
      ScriptOptions{.kb = {{"Services/www", 80}, {"Services/www", 8080}, {"Services/ssh", 22}}});
  EXPECT_EQ(r.runs, 1);
  EXPECT_EQ(r.display, (std::vector<std::string>{"Services/ssh", "Services/www", "Services/www",
                                                 "22", "80", "8080", "1"}));
}

TEST(RunnerTest, ScriptPreferencesComeFromTheOptionsOrTheDefault) {
  const std::string plugin =
      "if (description) { script_oid(\"1.2.3\"); script_name(\"p\"); script_tag(name:"
      "\"cvss_base_vector\", value:\"AV:N\");\n"
      "script_add_preference(name:\"Extra ports\", type:\"entry\", value:\"7000\");\n"
      "script_add_preference(name:\"Mode\", type:\"radio\", value:\"fast;slow\");\n"
      "script_add_preference(name:\"Text\", type:\"entry\", value:\"abc\");\n"
      "exit(0); }\n"
      "display(script_get_preference(\"Extra ports\") + 1);\n"  // an integer adds, a string appends
      "display(script_get_preference(\"Mode\"), script_get_preference(\"Text\"),\n"
      "        isnull(script_get_preference(\"Unknown\")));";
  const RunResult defaults = RunSource(plugin, Profile::kOpenVas);
  EXPECT_EQ(defaults.display, (std::vector<std::string>{"7001", "fastabc1"}));
  const RunResult set =
      RunSource(plugin, Profile::kOpenVas, {}, {{"Extra ports", "8000,9000"}, {"Mode", "slow"}});
  EXPECT_EQ(set.display, (std::vector<std::string>{"8000,90001", "slowabc1"}));
}

TEST(RunnerTest, PortStateComesFromThePortScanInTheKnowledgeBase) {
  const RunResult r =
      RunBody("display(get_port_state(22), get_port_state(23), get_port_state(24));",
              ScriptOptions{.kb = {{"Ports/tcp/22", 1}, {"Ports/tcp/23", 0}}});
  EXPECT_EQ(r.display, (std::vector<std::string>{"100"}));
}

TEST(RunnerTest, JsonHasTheContractedShape) {
  const RunResult r = RunBody(
      "set_kb_item(name:\"K\", value:1);\nlog_message(port:1, data:'bad \\xff utf8');\n"
      "display(\"d\");\nnope();",
      ScriptOptions{.kb = {{"Ports/tcp/1", 1}}});
  const auto j = nlohmann::json::parse(ToJson(r));
  EXPECT_EQ(j["profile"], "openvas");
  EXPECT_EQ(j["description"]["oid"], "1.3.6.1.4.1.32473.9");
  EXPECT_TRUE(j["description"]["id"].is_null());
  for (const char* key : {"name", "family", "category", "version", "copyright", "dependencies",
                          "require_ports", "tags", "attributes", "xrefs", "preferences", "calls"}) {
    EXPECT_TRUE(j["description"].contains(key)) << key;
  }
  EXPECT_EQ(j["description"]["calls"][0]["function"], "script_oid");
  EXPECT_TRUE(j["description"]["calls"][0]["args"].is_object());
  EXPECT_EQ(j["scheduled"], true);
  EXPECT_EQ(j["runs"], 1);
  EXPECT_EQ(j["reports"][0]["function"], "log_message");
  EXPECT_EQ(j["reports"][0]["port"], 1);
  EXPECT_EQ(j["reports"][0]["data"], "bad \xEF\xBF\xBD utf8");
  EXPECT_EQ(j["kb_writes"][0], nlohmann::json::parse(R"({"name":"K","value":1,"replace":false})"));
  EXPECT_EQ(j["errors"].size(), 1u);
  EXPECT_EQ(j["display"][0], "d");
}

TEST(RunnerTest, KbAssignmentsFromTheCommandLine) {
  EXPECT_EQ(ParseKbAssignment("Ports/tcp/5010=1").second, KbValue{std::int64_t{1}});
  EXPECT_EQ(ParseKbAssignment("A=-3").second, KbValue{std::int64_t{-3}});
  EXPECT_EQ(ParseKbAssignment("A=x=y").second, KbValue{std::string("x=y")});
  EXPECT_EQ(ParseKbAssignment("A=").second, KbValue{std::string("")});
  EXPECT_EQ(ParseKbAssignment("A=12ab").second, KbValue{std::string("12ab")});
  EXPECT_THROW(ParseKbAssignment("novalue"), Error);
  EXPECT_THROW(ParseKbAssignment("=1"), Error);
}

TEST(RunnerTest, ParseErrorIsThrownWithItsLocation) {
  try {
    RunSource("x = ;", Profile::kOpenVas);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), Error::Kind::kBadInput);
    EXPECT_EQ(std::string(e.what()).rfind("plugin.nasl:1:5: ", 0), 0u) << e.what();
  }
}

}  // namespace
}  // namespace ttmtrack::nasl::runner
