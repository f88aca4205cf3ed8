// ttm-fake-server: see server_command_line.cpp for the options and docs/nasl.md for its use.
#include <pthread.h>

#include <csignal>
#include <cstdio>
#include <iostream>

#include <CLI/CLI.hpp>
#include <Poco/Exception.h>

#include "core/error.hpp"
#include "nasl/fake_server/fake_server.hpp"
#include "nasl/fake_server/server_command_line.hpp"

namespace {

using ttmtrack::nasl::fake_server::FakeServer;
using ttmtrack::nasl::fake_server::ServerCommandLine;

// Blocks SIGINT and SIGTERM in this thread, so every thread started later inherits the mask
// and the signals wait for sigwait() instead of killing the process mid-connection.
sigset_t BlockTerminationSignals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  return set;
}

int Serve(const ServerCommandLine& command_line) {
  const sigset_t signals = BlockTerminationSignals();
  ServerCommandLine args = command_line;
  if (args.verbose) args.server.log = &std::cerr;
  FakeServer server(args.server);
  server.Start();
  if (!args.port_file.empty()) {
    ttmtrack::nasl::fake_server::WritePortFile(args.port_file, server.port());
  }
  std::cout << "ttm-fake-server: listening on " << args.server.bind_address << ':' << server.port()
            << " (mode " << ttmtrack::core::ToText(args.server.mode) << ")" << std::endl;
  int received = 0;
  sigwait(&signals, &received);
  if (args.verbose) std::cerr << "ttm-fake-server: signal " << received << ", stopping\n";
  server.Stop();
  if (!args.port_file.empty()) std::remove(args.port_file.c_str());
  return ttmtrack::exit_code::kOk;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"", "ttm-fake-server"};
  ServerCommandLine command_line;
  ttmtrack::nasl::fake_server::SetupCommandLine(app, command_line);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int rc = app.exit(e);
    return rc == 0 ? 0 : ttmtrack::exit_code::kUsage;
  }
  try {
    return Serve(command_line);
  } catch (const ttmtrack::Error& e) {
    std::cerr << "ttm-fake-server: " << e.what() << '\n';
    return e.ExitCode();
  } catch (const Poco::Exception& e) {
    std::cerr << "ttm-fake-server: " << e.displayText() << '\n';
    return ttmtrack::exit_code::kIoErr;
  }
}
