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

inline const std::string kExtraPortsPref = "Additional TTM ports (comma-separated):";
inline const std::string kTimeoutPref = "Reply timeout (seconds):";

// What the plugin must report for a detection on `port` (evidence, then the advisory's
// remediation with the actual port), and the two registrations it must write.
std::string ExpectedReport(int port);
nlohmann::json ExpectedKbWrites(int port);

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

  // Starts ttm-fake-server --verbose (port 0: any free port). Returns 0 and fails the test
  // when it cannot start.
  std::uint16_t Serve(const std::string& mode, std::uint16_t port = 0);
  // Like Serve on a fixed port, but returns false instead of failing when the port is taken
  // (another program, or a parallel test on a default port): the caller skips.
  bool TryServe(const std::string& mode, std::uint16_t port);
  FakeServerProcess& server(std::size_t index) { return *servers_.at(index); }
  std::size_t server_count() const { return servers_.size(); }

  // A request in this profile with a one-second reply timeout (silent services stay cheap).
  PluginRunRequest Request() const;
  // Marks `port` open and lists it as a service find_service.nasl could not identify.
  static void AddUnknownService(PluginRunRequest& request, int port);

  // Runs the plugin; expects exit 0, one JSON object and an empty "errors" list.
  static nlohmann::json Run(const PluginRunRequest& request);
  // Exactly one report and the two registrations per port of `ports`, in that order.
  void ExpectDetected(const nlohmann::json& doc, const std::vector<int>& ports) const;
  static void ExpectNothing(const nlohmann::json& doc);
  // Stops the index-th server and checks its log: the plugin really connected to it.
  void ExpectProbed(std::size_t index);

 private:
  std::vector<std::unique_ptr<FakeServerProcess>> servers_;
};

}  // namespace ttmtrack::nasl::testing
