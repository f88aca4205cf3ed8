#pragma once

#include <string>

#include "nasl/fake_server/fake_server.hpp"

namespace CLI {
class App;
}  // namespace CLI

namespace ttmtrack::nasl::fake_server {

// Everything `ttm-fake-server` is told on its command line.
struct ServerCommandLine {
  FakeServerOptions server;
  std::string port_file;  // empty: none
  bool verbose = false;   // log connection events on stderr
};

// Declares the options on `app`, writing into `out` when app.parse() runs. `out` must outlive
// the parse. Bad values make app.parse() throw CLI::ParseError (exit 64 via app.exit()).
void SetupCommandLine(CLI::App& app, ServerCommandLine& out);

// Writes "PORT\n" to `path` atomically (temporary file, then rename), so a reader polling for
// the file never sees it half-written. Throws Error(kIo).
void WritePortFile(const std::string& path, unsigned port);

}  // namespace ttmtrack::nasl::fake_server
