#include "tests/support/ttmtrack_cli.hpp"

#include <gtest/gtest.h>

namespace ttmtrack::test {
namespace {

std::string Joined(const std::vector<std::string>& args) {
  std::string text = "ttmtrack";
  for (const std::string& a : args) text += " " + a;
  return text;
}

std::string Name(const std::string& entry) { return entry.substr(0, entry.find('=')); }

}  // namespace

TtmtrackCli::TtmtrackCli(std::filesystem::path dir, std::string db)
    : dir_(std::move(dir)), db_(std::move(db)) {}

std::vector<std::string> TtmtrackCli::Argv(const std::vector<std::string>& args) const {
  std::vector<std::string> argv = {TTMTRACK_BIN_PATH};
  if (!db_.empty()) argv.insert(argv.end(), {"--db", db_});
  argv.insert(argv.end(), args.begin(), args.end());
  return argv;
}

process::ProcessOptions TtmtrackCli::Options(const std::vector<std::string>& env) const {
  std::vector<std::string> environment = env;
  for (const char* fixed : {"TTMTRACK_DB=", "TTMTRACK_CONFIG=/dev/null", "TZ=Asia/Tokyo"}) {
    bool replaced = false;
    for (const std::string& e : env) replaced = replaced || Name(e) == Name(fixed);
    if (!replaced) environment.emplace_back(fixed);
  }
  return {.env = environment, .cwd = dir_};
}

process::ProcessResult TtmtrackCli::Run(const std::vector<std::string>& args,
                                        const std::vector<std::string>& env) const {
  return process::RunProcess(Argv(args), Options(env));
}

std::unique_ptr<process::ChildProcess> TtmtrackCli::Start(const std::vector<std::string>& args,
                                                          const std::vector<std::string>& env,
                                                          int fd3) const {
  process::ProcessOptions options = Options(env);
  if (fd3 >= 0) options.pass_fds = {fd3};
  return std::make_unique<process::ChildProcess>(Argv(args), options);
}

std::string TtmtrackCli::Output(const std::vector<std::string>& args) const {
  const process::ProcessResult r = Run(args);
  if (r.exit_code != 0) {
    ADD_FAILURE() << Joined(args) << " exited " << r.exit_code << "\nstderr: " << r.err
                  << "\nstdout: " << r.out;
    return {};
  }
  return r.out;
}

std::optional<nlohmann::json> TtmtrackCli::Json(const std::vector<std::string>& args) const {
  const process::ProcessResult r = Run(args);
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

}  // namespace ttmtrack::test
