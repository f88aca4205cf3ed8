#include "nasl/fake_server/server_command_line.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <memory>

#include <CLI/CLI.hpp>

#include "core/error.hpp"

namespace ttmtrack::nasl::fake_server {
namespace {

// CLI11 callback target for a duration given in (possibly fractional) seconds.
std::function<void(double)> SetSeconds(std::chrono::milliseconds& target) {
  return [&target](double seconds) {
    target = std::chrono::milliseconds(static_cast<long long>(seconds * 1000.0));
  };
}

}  // namespace

void SetupCommandLine(CLI::App& app, ServerCommandLine& out) {
  app.description(
      "A stand-in ttm_cmd service (Trading Technologies Messaging command channel) speaking the\n"
      "protocol ttmtrack ASSUMES (docs/ttm-protocol.md), or a decoy service the detection\n"
      "plugin must not report. Use it to test nasl/ttm_cmd_detect.nasl and a scanner set-up.");
  app.footer(
      "Modes:\n"
      "  ttm         answers HELLO with HELLO_ACK and HEARTBEAT with HEARTBEAT_ACK; sends its\n"
      "              own HEARTBEAT after --heartbeat seconds of client silence\n"
      "  ttm-silent  a TTM daemon that ignores unknown requests: never answers, sends a\n"
      "              HEARTBEAT frame every --heartbeat seconds after the connection opened\n"
      "  http        HTTP/1.1: 200 to a request line, 400 to anything else, then closes\n"
      "  ssh         sends an SSH-2.0 identification banner at once\n"
      "  smtp        sends a 220 greeting, answers each line\n"
      "  tls         answers the first bytes with a fatal TLS alert record, then closes\n"
      "  echo        sends back every byte it receives\n"
      "  silent      accepts, reads, never answers\n"
      "  close       accepts and closes at once\n"
      "\n"
      "--port 0 picks a free port: it is printed on stdout and written to --port-file.\n"
      "Stops cleanly on SIGTERM or SIGINT.\n"
      "Exit codes: 0 stopped by a signal; 64 bad usage; 74 cannot listen or write the port "
      "file.");
  app.add_option("--port", out.server.port, "TCP port to listen on (0: any free port)")
      ->required()
      ->check(CLI::Range(0, 65535));
  app.add_option("--bind", out.server.bind_address,
                 "IP address to listen on (IPv4 or IPv6 literal)")
      ->capture_default_str();
  app.add_option_function<std::string>(
         "--mode",
         [&out](const std::string& name) {
           // The validator below has already accepted the name.
           out.server.mode = core::FromText<ServiceMode>(name).value_or(ServiceMode::kTtm);
         },
         "service to play: " + core::JoinedTexts<ServiceMode>() + " (default ttm)")
      ->check(CLI::IsMember(core::AllTexts<ServiceMode>()));
  app.add_option("--port-file", out.port_file, "write the listening port to this file");
  app.add_option_function<double>("--heartbeat", SetSeconds(out.server.heartbeat_interval),
                                  "ttm mode: seconds of client silence before the server "
                                  "sends a HEARTBEAT; ttm-silent mode: seconds between its "
                                  "HEARTBEATs (default 20; 0 = never)")
      ->check(CLI::Range(0.0, 86400.0));
  app.add_option_function<double>("--idle-timeout", SetSeconds(out.server.idle_timeout),
                                  "close a connection after this many seconds without input "
                                  "(default 60)")
      ->check(CLI::Range(0.05, 86400.0));
  app.add_option("--max-connections", out.server.max_connections, "connections served at once")
      ->capture_default_str()
      ->check(CLI::Range(1, 1024));
  app.add_flag("-v,--verbose", out.verbose, "log each connection event on stderr");
}

void WritePortFile(const std::string& path, unsigned port) {
  const std::string tmp = path + ".tmp";
  {
    std::ofstream file(tmp, std::ios::trunc);
    file << port << '\n';
    file.close();
    if (!file) {
      throw Error(Error::Kind::kIo, "cannot write port file", Error::Context{.file = tmp});
    }
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    const std::string reason = std::strerror(errno);
    std::remove(tmp.c_str());
    throw Error(Error::Kind::kIo, "cannot rename port file into place: " + reason,
                Error::Context{.file = path});
  }
}

}  // namespace ttmtrack::nasl::fake_server
