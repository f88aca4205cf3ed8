#include "plugin_run.hpp"

#include "fake_server_process.hpp"

namespace ttmtrack::nasl::testing {
namespace {

std::vector<std::string> Arguments(const PluginRunRequest& request) {
  std::vector<std::string> args = {"run",
                                   "--profile",
                                   request.profile,
                                   "--target",
                                   "127.0.0.1",
                                   "--timeout-ms",
                                   std::to_string(request.timeout_ms)};
  for (const auto& [name, value] : request.kb) {
    args.emplace_back("--kb");
    args.emplace_back(name).append("=").append(value);
  }
  for (const auto& [name, value] : request.prefs) {
    args.emplace_back("--pref");
    args.emplace_back(name).append("=").append(value);
  }
  args.push_back(request.file);
  return args;
}

}  // namespace

PluginRun RunPlugin(const PluginRunRequest& request) {
  PluginRun run;
  std::vector<std::string> argv = {TTMTRACK_NASL_PATH};
  const std::vector<std::string> args = Arguments(request);
  argv.insert(argv.end(), args.begin(), args.end());
  run.process = process::RunProcess(argv, {.time_limit = kRunLimit});
  try {
    run.doc = nlohmann::json::parse(run.process.out);
    if (!run.doc.is_object()) run.parse_error = "not a JSON object";
  } catch (const nlohmann::json::exception& e) {
    run.parse_error = e.what();
    run.doc = nullptr;
  }
  return run;
}

std::string Describe(const PluginRunRequest& request) {
  std::string out = "ttm-nasl";
  for (const std::string& arg : Arguments(request)) out += " '" + arg + "'";
  return out;
}

}  // namespace ttmtrack::nasl::testing
