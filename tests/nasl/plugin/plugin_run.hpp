#pragma once

#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "tools/process/child_process.hpp"

// Runs nasl/ttm_cmd_detect.nasl with the project's NASL runner (`ttm-nasl run`, the real
// executable) and hands back its JSON document.
namespace ttmtrack::nasl::testing {

struct PluginRunRequest {
  std::string profile;  // "openvas" or "nessus"
  std::vector<std::pair<std::string, std::string>> kb;
  std::vector<std::pair<std::string, std::string>> prefs;
  std::string file = TTMTRACK_PLUGIN_FILE;
  int timeout_ms = 2000;
};

struct PluginRun {
  process::ProcessResult process;
  nlohmann::json doc;  // null when stdout was not one JSON object
  std::string parse_error;
};

PluginRun RunPlugin(const PluginRunRequest& request);

// The runner's command line for a request, for failure messages.
std::string Describe(const PluginRunRequest& request);

}  // namespace ttmtrack::nasl::testing
