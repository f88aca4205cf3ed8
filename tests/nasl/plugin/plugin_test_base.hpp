#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "fake_server_process.hpp"
#include "plugin_run.hpp"

namespace ttmtrack::nasl::testing {

// The preferences of ttm_cmd_detect.nasl, and the one of ttm_cmd_unconfirmed.nasl.
inline const std::string kExtraPortsPref = "Additional TTM ports (comma-separated):";
inline const std::string kTimeoutPref = "Reply timeout (seconds):";
inline const std::string kUnconfirmedTierPref = "Report possible (unconfirmed) ttm_cmd listeners";

// The advisory's remediation for `port`, as both tiers word it.
std::string ExpectedRemediation(int port);
// What the confirmed tier must report for a detection on `port` (evidence, then the
// remediation), and the two registrations it must write.
std::string ExpectedReport(int port);
nlohmann::json ExpectedKbWrites(int port);

// "ttm-silent" -> "TtmSilent": a word for GoogleTest parameter names (letters and digits only).
std::string CamelCase(const std::string& text);

// The kb_writes of a run that register a service (Services/..., Known/...), in order.
nlohmann::json Registrations(const nlohmann::json& doc);
// The kb_writes of a run under ttmtrack/: what the confirmed tier publishes for the other.
nlohmann::json Published(const nlohmann::json& doc);

// Shared by the plugin fixtures: fake servers owned by the test, runs of the plugin in the
// fixture's profile, and the assertions on a run's JSON document.
class PluginTestBase : public ::testing::Test {
 protected:
  virtual std::string profile() const = 0;
  // Stops every fake server and expects a clean exit: a crash, leak or sanitizer report in
  // the server fails the test that drove it.
  void TearDown() override;
  // security_message in OpenVAS, security_warning in Nessus.
  std::string report_function() const;
  // The named argument that carries the report text: data: in OpenVAS, extra: in Nessus.
  std::string report_text_argument() const;

  // Starts ttm-fake-server --verbose (port 0: any free port) with `extra_args`. Returns 0 and
  // fails the test when it cannot start.
  std::uint16_t Serve(const std::string& mode, std::uint16_t port = 0,
                      const std::vector<std::string>& extra_args = {});
  // Like Serve on a fixed port, but returns false instead of failing when the port is taken
  // (another program, or a parallel test on a default port): the caller skips.
  bool TryServe(const std::string& mode, std::uint16_t port,
                const std::vector<std::string>& extra_args = {});
  FakeServerProcess& server(std::size_t index) { return *servers_.at(index); }
  std::size_t server_count() const { return servers_.size(); }

  // A request for ttm_cmd_detect.nasl in this profile with a one-second reply timeout (silent
  // services stay cheap).
  PluginRunRequest Request() const;
  // Marks `port` open and lists it as a service find_service.nasl could not identify.
  static void AddUnknownService(PluginRunRequest& request, int port);

  // Runs the plugin; expects exit 0, one JSON object and an empty "errors" list.
  static nlohmann::json Run(const PluginRunRequest& request);
  // The request's KB seed followed by what the run wrote (replace_kb_item drops the earlier
  // values of its name): the knowledge base a plugin that depends on this one starts with.
  static std::vector<std::pair<std::string, std::string>> KbAfter(const PluginRunRequest& request,
                                                                  const nlohmann::json& doc);
  // Exactly one report and the two registrations per port of `ports`, in that order.
  void ExpectDetected(const nlohmann::json& doc, const std::vector<int>& ports) const;
  // No report and no service registration.
  static void ExpectNothing(const nlohmann::json& doc);
  // Stops the index-th server and checks its log: the plugin really connected to it.
  void ExpectProbed(std::size_t index);
  // Stops the index-th server and checks its log: nothing connected to it.
  void ExpectNotProbed(std::size_t index);

 private:
  std::vector<std::unique_ptr<FakeServerProcess>> servers_;
};

}  // namespace ttmtrack::nasl::testing
