// The JSON contract of docs/json.md: field names, types and order of each domain object, as the
// CLI and the report both write them.
#include "core/json_fields.hpp"

#include <gtest/gtest.h>

namespace ttmtrack::core {
namespace {

using Json = nlohmann::ordered_json;

constexpr std::int64_t k20260205T100000 = 1770285600;

ScanRef Rescan() {
  ScanRef scan;
  scan.id = 7;  // a row id: must not appear anywhere
  scan.file_name = "scans/feb.nessus";
  scan.scanner = "Nessus";
  scan.scan_name = "weekly-dmz";
  scan.time = k20260205T100000;
  scan.sha256 = std::string(64, 'b');
  return scan;
}

Exposure FixedExposure() {
  Exposure exposure;
  exposure.id = 3;
  exposure.ip = "10.0.0.5";
  exposure.port = 5010;
  exposure.protocol = "tcp";
  exposure.state = ExposureState::kFixed;
  exposure.first_seen = k20260205T100000 - 86400;
  exposure.last_seen = k20260205T100000 - 86400;
  exposure.last_checked = k20260205T100000;
  exposure.verified_by = Rescan();
  return exposure;
}

std::vector<std::string> Keys(const Json& object) {
  std::vector<std::string> keys;
  for (const auto& [key, value] : object.items()) keys.push_back(key);
  return keys;
}

TEST(JsonFieldsTest, ScanReferenceHasFileAndTimeAndNoRowId) {
  EXPECT_EQ(ScanRefJson(Rescan()).dump(),
            R"({"file":"scans/feb.nessus","scanner":"Nessus","scan_name":"weekly-dmz",)"
            R"("scan_time":"2026-02-05T10:00:00Z","sha256":")" +
                std::string(64, 'b') + R"("})");
}

TEST(JsonFieldsTest, ScanReferenceReadsBackForLabels) {
  const ScanRef back = ScanRefFromJson(ScanRefJson(Rescan()));
  EXPECT_EQ(back.id, 0);
  EXPECT_EQ(back.file_name, "scans/feb.nessus");
  EXPECT_EQ(back.scanner, "Nessus");
  EXPECT_EQ(back.scan_name, "weekly-dmz");
  EXPECT_EQ(back.time, k20260205T100000);
  EXPECT_EQ(back.sha256, std::string(64, 'b'));
  const ScanRef empty = ScanRefFromJson(Json{{"file", 3}, {"scan_time", nullptr}});
  EXPECT_EQ(empty.file_name, "");
  EXPECT_FALSE(empty.time);
}

// The `status --format json` contract of an earlier issue: these fields, these types.
TEST(JsonFieldsTest, ExposureKeepsTheStatusContract) {
  const Json j = ExposureJson(FixedExposure());
  EXPECT_EQ(Keys(j), (std::vector<std::string>{"detection_id", "ip", "port", "protocol", "state",
                                               "tier", "hostname", "first_seen", "last_seen",
                                               "last_checked", "verified_by"}));
  EXPECT_EQ(j["tier"], "confirmed");
  EXPECT_EQ(j["detection_id"], "c564e5ab");
  EXPECT_TRUE(j["port"].is_number_unsigned());
  EXPECT_EQ(j["port"], 5010);
  EXPECT_EQ(j["state"], "fixed");
  EXPECT_TRUE(j["hostname"].is_null());
  EXPECT_EQ(j["last_checked"], "2026-02-05T10:00:00Z");
  EXPECT_EQ(j["verified_by"], ScanRefJson(Rescan()));
  Exposure open = FixedExposure();
  open.verified_by.reset();
  EXPECT_TRUE(ExposureJson(open)["verified_by"].is_null());
}

TEST(JsonFieldsTest, OutcomeReasonIsNullUnlessNotCovered) {
  Outcome absent;
  absent.scan = Rescan();
  absent.kind = OutcomeKind::kAbsent;
  absent.basis = "host scan completed";
  const Json a = OutcomeJson(absent);
  EXPECT_EQ(Keys(a),
            (std::vector<std::string>{"scan", "outcome", "reason", "assumption", "basis"}));
  EXPECT_EQ(a["outcome"], "absent");
  EXPECT_TRUE(a["reason"].is_null());
  // docs/json.md, Conventions: "none" is null everywhere.
  EXPECT_TRUE(a["assumption"].is_null());
  EXPECT_EQ(a["basis"], "host scan completed");
  Outcome skipped = absent;
  skipped.kind = OutcomeKind::kNotCovered;
  skipped.reason = NotCoveredReason::kPortOutsideRange;
  EXPECT_EQ(OutcomeJson(skipped)["reason"], "port-outside-range");
}

TEST(JsonFieldsTest, EvidenceNestsItsScan) {
  const Evidence evidence{Rescan(), 5010, "tcp", "9564501", "TTM detect", 2, "banner\n"};
  const Json j = EvidenceJson(evidence);
  EXPECT_EQ(Keys(j), (std::vector<std::string>{"scan", "port", "protocol", "plugin_id",
                                               "plugin_name", "severity", "tier", "output"}));
  EXPECT_EQ(j["scan"]["sha256"], std::string(64, 'b'));
}

TEST(JsonFieldsTest, HostIdentityListsItsScansAndNullsWhatTheExportsLack) {
  HostIdentity identity;
  identity.ip = "10.0.0.5";
  identity.fqdn = "trd-gw-01.corp.example";
  identity.scans = {Rescan()};
  const Json j = HostIdentityJson(identity);
  EXPECT_EQ(Keys(j),
            (std::vector<std::string>{"ip", "fqdn", "netbios_name", "os", "mac", "scans"}));
  EXPECT_EQ(j["fqdn"], "trd-gw-01.corp.example");
  EXPECT_TRUE(j["netbios_name"].is_null());
  EXPECT_TRUE(j["mac"].is_null());
  EXPECT_EQ(j["scans"], Json::array({ScanRefJson(Rescan())}));
}

TEST(JsonFieldsTest, UnknownTimesAreNullNever1970) {
  EXPECT_TRUE(TimeJson(std::nullopt).is_null());
  EXPECT_TRUE(TimeJson(0).is_null());
  EXPECT_TRUE(TimeJson(-1).is_null());
  EXPECT_TRUE(TimeJson(253402300800).is_null());
  EXPECT_EQ(TimeJson(253402300799), "9999-12-31T23:59:59Z");
  Rule rule;
  EXPECT_TRUE(RuleJson(rule)["created_at"].is_null());
}

TEST(JsonFieldsTest, SettingCarriesItsCatalogueEntry) {
  const Json j = SettingJson(RequireSetting(kPortUnknownSetting), "strict");
  EXPECT_EQ(Keys(j),
            (std::vector<std::string>{"key", "value", "default", "allowed", "description"}));
  EXPECT_EQ(j["key"], "coverage.port-unknown");
  EXPECT_EQ(j["value"], "strict");
  EXPECT_EQ(j["default"], "assume");
  EXPECT_EQ(j["allowed"], "assume|strict");
}

TEST(JsonFieldsTest, FlattenedInlinesOneMemberInPlace) {
  const Json flat = Flattened(OutcomeJson(Outcome{}), "scan");
  EXPECT_EQ(Keys(flat),
            (std::vector<std::string>{"file", "scanner", "scan_name", "scan_time", "sha256",
                                      "outcome", "reason", "assumption", "basis"}));
  EXPECT_EQ(Keys(Flattened(Json{{"a", 1}, {"scan", nullptr}}, "scan")),
            (std::vector<std::string>{"a"}));
}

}  // namespace
}  // namespace ttmtrack::core
