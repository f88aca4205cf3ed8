#include "tests/scenarios/support/ttmtrack_cli.hpp"

#include <gtest/gtest.h>

namespace ttmtrack::scenarios {
namespace {

std::string Joined(const std::vector<std::string>& args) {
  std::string text = "ttmtrack";
  for (const std::string& a : args) text += " " + a;
  return text;
}

}  // namespace

TtmtrackCli::TtmtrackCli(std::string dir) : dir_(std::move(dir)) {}

test::ProcessResult TtmtrackCli::Run(const std::vector<std::string>& args) const {
  std::vector<std::string> argv = {TTMTRACK_BIN_PATH, "--db", "t.db"};
  argv.insert(argv.end(), args.begin(), args.end());
  // TTMTRACK_DB must not leak in from the developer's shell; --db wins anyway, but be explicit.
  return test::RunProcess(argv, {.env = {"TTMTRACK_DB=", "TZ=Asia/Tokyo"}, .cwd = dir_});
}

std::string TtmtrackCli::Output(const std::vector<std::string>& args) const {
  const test::ProcessResult r = Run(args);
  if (r.exit_code != 0) {
    ADD_FAILURE() << Joined(args) << " exited " << r.exit_code << "\nstderr: " << r.err
                  << "\nstdout: " << r.out;
    return {};
  }
  return r.out;
}

std::optional<nlohmann::json> TtmtrackCli::Json(const std::vector<std::string>& args) const {
  const test::ProcessResult r = Run(args);
  if (r.exit_code != 0) {
    ADD_FAILURE() << Joined(args) << " exited " << r.exit_code << "\nstderr: " << r.err
                  << "\nstdout: " << r.out;
    return std::nullopt;
  }
  try {
    return nlohmann::json::parse(r.out);
  } catch (const nlohmann::json::exception& e) {
    ADD_FAILURE() << Joined(args) << " printed invalid JSON (" << e.what() << "):\n" << r.out;
    return std::nullopt;
  }
}

}  // namespace ttmtrack::scenarios
