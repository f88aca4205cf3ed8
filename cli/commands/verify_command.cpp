#include "cli/commands/verify_command.hpp"

#include <unistd.h>

#include <chrono>
#include <cmath>
#include <ctime>

#include <CLI/CLI.hpp>

#include "cli/command_options.hpp"
#include "cli/format/row_writer.hpp"
#include "cli/help_formatter.hpp"
#include "cli/store_access.hpp"
#include "core/error.hpp"
#include "core/host_key.hpp"
#include "core/json_fields.hpp"
#include "evidence/probe/port_prober.hpp"

namespace ttmtrack::cli {
namespace {

// "192.0.2.10:5010" or "[2001:db8::5]:5010".
evidence::ProbeTarget ParseTarget(const std::string& text) {
  auto fail = [&](const std::string& what) {
    return Error(Error::Kind::kUsage,
                 "target '" + text + "': " + what + " (expected IP:PORT, or [IPv6]:PORT)");
  };
  std::string address;
  std::string port;
  if (!text.empty() && text.front() == '[') {
    const auto close = text.find("]:");
    if (close == std::string::npos) throw fail("no ']:' after the IPv6 address");
    address = text.substr(1, close - 1);
    port = text.substr(close + 2);
  } else {
    const auto colon = text.rfind(':');
    if (colon == std::string::npos) throw fail("no port");
    address = text.substr(0, colon);
    if (address.find(':') != std::string::npos) throw fail("an IPv6 address needs brackets");
    port = text.substr(colon + 1);
  }
  const auto ip = core::IpAddress::Parse(address);
  if (!ip) throw fail("'" + address + "' is not an IP address");
  if (port.empty() || port.size() > 5 ||
      port.find_first_not_of("0123456789") != std::string::npos || std::stoi(port) < 1 ||
      std::stoi(port) > 65535) {
    throw fail("'" + port + "' is not a port (1-65535)");
  }
  return {*ip, std::stoi(port)};
}

std::string ThisMachine() {
  char name[256] = {};
  if (::gethostname(name, sizeof name - 1) != 0 || name[0] == '\0') return "localhost";
  return name;
}

}  // namespace

CLI::App* SetupVerifyCommand(CLI::App& app, VerifyOptions& options) {
  CLI::App* command = app.add_subcommand(
      "verify", "Check TTM ports from this machine (a vantage point) with the plugins' probe");
  SetLongDescription(
      *command,
      "Connects to each TARGET (IP:PORT, [IPv6]:PORT; default: every open or reopened "
      "exposure) from the machine it runs on, sends the probe of the ttm_cmd plugins and reads "
      "the reply with their signature, and stores each check as a vantage-point check: "
      "reachable-confirmed, reachable-unconfirmed, refused, filtered (no answer within the "
      "timeout) or other-service. A reachable result from an untrusted vantage point (the "
      "default) is a detection; an unreachable one is evidence shown in history and the "
      "reports, never a proof of a fix by itself (docs/verification.md, \"Vantage-point "
      "checks\").");
  command->add_option("--from", options.from,
                      "Name of this vantage point (default: this machine's host name)");
  command
      ->add_option("--timeout", options.timeout_seconds,
                   "Seconds to wait for the connection, then for the reply (default 4)")
      ->check(CLI::Range(0.1, 600.0));
  command
      ->add_option("--concurrency", options.concurrency,
                   "Connections in flight at most (default 256)")
      ->check(CLI::Range(1, 4096));
  command->add_flag("--trusted-vantage", options.trusted_vantage,
                    "This vantage point is inside the trusted networks: its checks are stored "
                    "as evidence and never count as detections");
  AddFormatOption(*command, options.format);
  command->add_option("targets", options.targets, "IP:PORT to check (default: open exposures)");
  return command;
}

int RunVerifyCommand(const VerifyOptions& options, const CommandContext& context) {
  std::vector<evidence::ProbeTarget> targets;
  for (const std::string& text : options.targets) targets.push_back(ParseTarget(text));
  db::Store store = OpenStore(context, StoreMode::kMustExist);
  if (options.targets.empty()) {
    for (const core::Exposure& e : store.ListExposures()) {
      if (e.state == core::ExposureState::kFixed || e.protocol != "tcp") continue;
      const auto ip = core::IpAddress::Parse(e.ip);
      if (ip) targets.push_back({*ip, e.port});
    }
  }
  const std::string vantage = options.from ? *options.from : ThisMachine();
  if (vantage.empty()) throw Error(Error::Kind::kUsage, "--from: the name is empty");
  const auto timeout = std::chrono::milliseconds(
      static_cast<std::int64_t>(std::llround(options.timeout_seconds * 1000)));
  evidence::PortProber prober({timeout, options.concurrency});
  std::vector<core::VantageCheck> checks = prober.Run(targets);
  // The checks of one run share one time, when it ended, to the second.
  const auto checked_at = static_cast<std::int64_t>(std::time(nullptr));
  std::vector<core::VantageCheckRecord> records;
  for (core::VantageCheck& check : checks) {
    core::VantageCheckRecord record;
    record.vantage = vantage;
    record.untrusted = !options.trusted_vantage;
    record.checked_at = checked_at;
    record.check = std::move(check);
    records.push_back(std::move(record));
  }
  store.RecordVantageChecks(records);
  auto writer = MakeRowWriter(options.format,
                              {{"ip", "IP"},
                               {"port", "PORT"},
                               {"outcome", "OUTCOME"},
                               {"detection", "DETECTION"},
                               {"service", "SERVICE"},
                               {"waited_ms", "WAITED MS"},
                               {"detail", "DETAIL", 40},
                               {"reply_hex", "REPLY", 40}},
                              context.out);
  for (const core::VantageCheckRecord& record : records)
    writer->Row(core::VantageCheckJson(record));
  writer->Finish();
  return exit_code::kOk;
}

}  // namespace ttmtrack::cli
