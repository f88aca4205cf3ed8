#include "nasl/runner/command_line.hpp"

#include <exception>
#include <ostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "core/error.hpp"
#include "nasl/runner/parser.hpp"
#include "nasl/runner/runner.hpp"

namespace ttmtrack::nasl::runner {
namespace {

struct CheckOptions {
  std::vector<std::string> files;
};

struct RunCommandOptions {
  std::string profile;
  std::string target = "127.0.0.1";
  std::vector<std::string> kb;
  std::vector<std::string> prefs;
  int timeout_ms = 5000;
  std::string file;
};

// Every file is checked, even after a failure; the contract is 0 or 65 (an unreadable file
// counts as one that does not parse).
int RunCheck(const CheckOptions& options, std::ostream& err) {
  int status = exit_code::kOk;
  for (const auto& file : options.files) {
    try {
      ParseFile(file);
    } catch (const Error& e) {
      err << e.what() << '\n';
      status = exit_code::kDataErr;
    }
  }
  return status;
}

int RunRun(const RunCommandOptions& options, std::ostream& out) {
  RunOptions run;
  const auto profile = core::FromText<Profile>(options.profile);
  if (!profile) {
    throw Error(Error::Kind::kUsage, "unknown profile '" + options.profile + "' (expected " +
                                         core::JoinedTexts<Profile>(" or ") + ")");
  }
  run.profile = *profile;
  run.script_path = options.file;
  run.target = options.target;
  run.timeout_ms = options.timeout_ms;
  for (const auto& item : options.kb) run.kb.push_back(ParseKbAssignment(item));
  for (const auto& item : options.prefs) {
    const auto eq = item.find('=');
    if (eq == std::string::npos || eq == 0) {
      throw Error(Error::Kind::kUsage, "--pref expects NAME=VALUE, got '" + item + "'");
    }
    run.preferences.emplace_back(item.substr(0, eq), item.substr(eq + 1));
  }
  out << ToJson(RunPlugin(run)) << '\n';
  return exit_code::kOk;
}

}  // namespace

int RunCommandLine(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  CLI::App app{
      "ttm-nasl: the ttmtrack NASL runner (parse, and run plugins as OpenVAS or "
      "Nessus would)",
      "ttm-nasl"};
  app.require_subcommand(1);
  app.footer(
      "Exit codes: 0 ok (run: the script ran, whatever it reported), 64 usage, 65 parse error, "
      "66 missing file, 70 interpreter failure.");

  CheckOptions check;
  auto* check_cmd = app.add_subcommand("check", "Parse NASL files; print FILE:LINE:COL errors");
  check_cmd->add_option("files", check.files, "NASL files")->required();

  RunCommandOptions run;
  auto* run_cmd = app.add_subcommand("run", "Run one plugin; print the result as one JSON object");
  run_cmd->add_option("--profile", run.profile, "openvas or nessus")->required();
  run_cmd->add_option("--target", run.target, "the address open_sock_tcp() connects to")
      ->capture_default_str();
  run_cmd->add_option("--kb", run.kb, "seed the knowledge base: NAME=VALUE (repeatable)");
  run_cmd->add_option("--pref", run.prefs, "script preference: NAME=VALUE (repeatable)");
  run_cmd
      ->add_option("--timeout-ms", run.timeout_ms,
                   "connect timeout, and recv timeout when the script gives none")
      ->capture_default_str()
      ->check(CLI::Range(1, 3'600'000));
  run_cmd->add_option("file", run.file, "the .nasl plugin")->required();

  std::vector<std::string> reversed(args.rbegin(), args.rend());
  try {
    app.parse(reversed);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e, out, err);
    return code == 0 ? exit_code::kOk : exit_code::kUsage;
  }

  try {
    if (check_cmd->parsed()) return RunCheck(check, err);
    return RunRun(run, out);
  } catch (const Error& e) {
    err << "ttm-nasl: " << e.what() << '\n';
    return e.ExitCode();
  } catch (const std::exception& e) {
    err << "ttm-nasl: internal error: " << e.what() << '\n';
    return exit_code::kSoftware;
  }
}

}  // namespace ttmtrack::nasl::runner
