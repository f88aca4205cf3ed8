#include "tests/support/postgres_server.hpp"

#include <fcntl.h>
#include <pwd.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <stdexcept>
#include <system_error>

#include <netinet/in.h>
#include <pqxx/pqxx>
#include <sys/socket.h>

namespace ttmtrack::test {
namespace {

namespace fs = std::filesystem;
using std::chrono_literals::operator""s;

constexpr const char* kServerUser = "postgres";  // Debian's postgresql package creates it
constexpr std::size_t kLogTailBytes = 3000;
constexpr int kStartAttempts = 3;

bool HasServerBinaries(const fs::path& dir) {
  return fs::exists(dir / "initdb") && fs::exists(dir / "pg_ctl") && fs::exists(dir / "postgres");
}

// A port of 127.0.0.1 that nothing listens on right now. Another process may take it before the
// server binds it; StartServer then tries again with another.
int FreeLoopbackPort() {
  const int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) throw std::runtime_error("socket: " + std::string(std::strerror(errno)));
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  socklen_t length = sizeof(address);
  // The sockets API takes its address through the generic sockaddr type.
  auto* generic = reinterpret_cast<sockaddr*>(&address);  // NOLINT(*-reinterpret-cast)
  const bool ok = bind(fd, generic, sizeof(address)) == 0 && getsockname(fd, generic, &length) == 0;
  const int error = errno;
  close(fd);
  if (!ok) throw std::runtime_error("binding 127.0.0.1:0: " + std::string(std::strerror(error)));
  return ntohs(address.sin_port);
}

std::string Describe(const process::ProcessResult& result) {
  std::string text = "exit " + std::to_string(result.exit_code);
  if (result.timed_out) text += " (timed out)";
  if (!result.out.empty()) text += "\nstdout:\n" + result.out;
  if (!result.err.empty()) text += "\nstderr:\n" + result.err;
  return text;
}

// The watchdog: waits for the end of file on descriptor 3 (this process closed its end, or died),
// then runs the stop command it was given after the directory, then removes the directory
// unless that argument is empty.
constexpr const char* kWatchdogScript =
    "cat <&3 >/dev/null 2>&1; dir=$1; shift; \"$@\" >/dev/null 2>&1; "
    "if [ -n \"$dir\" ]; then rm -rf -- \"$dir\"; fi";

bool KeepTestDirs() { return std::getenv("TTMTRACK_KEEP_TEST_DIRS") != nullptr; }

}  // namespace

std::optional<fs::path> PostgresServer::FindBinaries() {
  if (const char* configured = std::getenv("TTMTRACK_PG_BIN"); configured != nullptr) {
    if (HasServerBinaries(configured)) return fs::path(configured);
    return std::nullopt;
  }
  std::optional<fs::path> newest;
  int newest_major = -1;
  std::error_code error;
  for (const auto& entry : fs::directory_iterator("/usr/lib/postgresql", error)) {
    const std::string name = entry.path().filename().string();
    const bool is_major = !name.empty() && std::all_of(name.begin(), name.end(),
                                                       [](char c) { return c >= '0' && c <= '9'; });
    if (!is_major) continue;
    const int major = std::stoi(name);
    if (major > newest_major && HasServerBinaries(entry.path() / "bin")) {
      newest_major = major;
      newest = entry.path() / "bin";
    }
  }
  return newest;
}

PostgresServer::PostgresServer() {
  const auto binaries = FindBinaries();
  if (!binaries) {
    throw std::runtime_error(
        "no PostgreSQL server binaries (initdb, pg_ctl, postgres) in $TTMTRACK_PG_BIN or "
        "/usr/lib/postgresql/<major>/bin; scripts/setup-deps.sh --test installs them");
  }
  binaries_ = *binaries;
  as_postgres_user_ = geteuid() == 0;
  // The `postgres` user must reach its directory: a private $TMPDIR (the test command makes
  // one, mode 0700, for each run) is closed to it, so under root the directory goes in /tmp,
  // which every user can traverse. The watchdog removes it as it does elsewhere.
  if (as_postgres_user_) {
    dir_.emplace(std::filesystem::path("/tmp"));
  } else {
    dir_.emplace();
  }
  if (as_postgres_user_) {
    const passwd* user = getpwnam(kServerUser);
    if (user == nullptr) {
      throw std::runtime_error(
          "running as root, which initdb refuses, and there is no `postgres` user to run the "
          "server as (Debian's postgresql package creates it)");
    }
    if (chown(directory().c_str(), user->pw_uid, user->pw_gid) != 0) {
      throw std::runtime_error("chown " + directory().string() + ": " + std::strerror(errno));
    }
  }
  StartWatchdog();
  try {
    InitializeCluster();
    StartServer();
  } catch (...) {
    Shutdown();  // a server that started late is stopped all the same
    throw;
  }
}

PostgresServer::~PostgresServer() { Shutdown(); }

void PostgresServer::Shutdown() {
  // The watchdog stops the server and removes the directory once its pipe closes: the same
  // path whether this process ends here or dies.
  if (watchdog_pipe_ >= 0) close(watchdog_pipe_);
  watchdog_pipe_ = -1;
  try {
    if (watchdog_) watchdog_->Wait(60s);
  } catch (const std::runtime_error& error) {
    // Called from the destructor, which must not throw: say so, the directory goes below.
    std::cerr << "PostgreSQL test server: waiting for the watchdog failed: " << error.what()
              << '\n';
  }
  watchdog_.reset();
  dir_.reset();
}

void PostgresServer::StartWatchdog() {
  int fds[2];
  if (pipe2(fds, O_CLOEXEC) != 0) {
    throw std::runtime_error("pipe2: " + std::string(std::strerror(errno)));
  }
  std::vector<std::string> argv = {"sh", "-c", kWatchdogScript, "ttmtrack-postgres-watchdog",
                                   KeepTestDirs() ? "" : directory().string()};
  if (as_postgres_user_) argv.insert(argv.end(), {"runuser", "-u", kServerUser, "--"});
  argv.insert(argv.end(), {(binaries_ / "pg_ctl").string(), "stop", "--silent", "-m", "immediate",
                           "-D", (directory() / "data").string()});
  process::ProcessOptions options;
  options.cwd = directory();
  options.pass_fds = {fds[0]};
  try {
    watchdog_ = std::make_unique<process::ChildProcess>(argv, options);
  } catch (...) {
    close(fds[0]);
    close(fds[1]);
    throw;
  }
  close(fds[0]);
  watchdog_pipe_ = fds[1];
}

void PostgresServer::RunServerTool(const std::string& tool, const std::vector<std::string>& args,
                                   const std::string& what) {
  std::vector<std::string> argv;
  if (as_postgres_user_) argv = {"runuser", "-u", kServerUser, "--"};
  argv.push_back((binaries_ / tool).string());
  argv.insert(argv.end(), args.begin(), args.end());
  // The server's own working directory: a root-only one would make it warn at every start.
  process::ProcessOptions options;
  options.cwd = directory();
  options.time_limit = 60s;
  const auto result = process::RunProcess(argv, options);
  if (result.exit_code != 0) {
    throw std::runtime_error("PostgreSQL test server: " + what + " failed in " +
                             directory().string() + ": " + Describe(result) +
                             "\nserver log (tail):\n" + LogTail());
  }
}

void PostgresServer::InitializeCluster() {
  RunServerTool("initdb",
                {"-D", (directory() / "data").string(), "--auth=trust", "--username", kSuperuser,
                 "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync", "--no-instructions"},
                "initdb");
  // Only loopback, a socket nobody else shares, and no durability: the cluster is thrown away.
  std::ofstream conf(directory() / "data" / "postgresql.conf", std::ios::app);
  conf << "\n# ttmtrack test server (tests/support/postgres_server.cpp)\n"
       << "listen_addresses = '127.0.0.1'\n"
       << "unix_socket_directories = '" << directory().string() << "'\n"
       << "fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n"
       << "shared_buffers = 16MB\nmax_connections = 20\n";
  if (!conf.flush()) throw std::runtime_error("cannot append to the test server's postgresql.conf");
}

void PostgresServer::StartServer() {
  const std::string log = (directory() / "server.log").string();
  for (int attempt = 1;; ++attempt) {
    port_ = FreeLoopbackPort();
    try {
      RunServerTool(
          "pg_ctl",
          {"start", "--wait", "--timeout=30", "--silent", "-D", (directory() / "data").string(),
           "-l", log, "-o", "-p " + std::to_string(port_)},
          "pg_ctl start on 127.0.0.1:" + std::to_string(port_));
      return;
    } catch (const std::runtime_error&) {
      // Someone took the port between FreeLoopbackPort and the server's bind: another port.
      if (attempt == kStartAttempts || LogTail().find("already in use") == std::string::npos) {
        throw;
      }
    }
  }
}

std::string PostgresServer::LogTail() const {
  std::ifstream in(directory() / "server.log", std::ios::binary);
  if (!in) return "(no server log)";
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return text.size() <= kLogTailBytes ? text : "..." + text.substr(text.size() - kLogTailBytes);
}

std::string PostgresServer::UrlOf(const std::string& database) const {
  return std::string("postgresql://") + kSuperuser + "@127.0.0.1:" + std::to_string(port_) + "/" +
         database;
}

std::string PostgresServer::CreateDatabase() {
  const std::string name =
      "test_" + std::to_string(getpid()) + "_" + std::to_string(databases_made_.fetch_add(1) + 1);
  try {
    pqxx::connection connection(MaintenanceUrl());
    pqxx::nontransaction work(connection);
    work.exec0("CREATE DATABASE " + connection.quote_name(name));
  } catch (const std::exception& error) {
    throw std::runtime_error("PostgreSQL test server: CREATE DATABASE " + name + " on port " +
                             std::to_string(port_) + " failed: " + error.what() +
                             "\nserver log (tail):\n" + LogTail());
  }
  return UrlOf(name);
}

PostgresServer& SharedPostgresServer() {
  static PostgresServer server;
  return server;
}

}  // namespace ttmtrack::test
