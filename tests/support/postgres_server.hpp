#pragma once

#include <atomic>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "tests/support/temp_dir.hpp"
#include "tools/process/child_process.hpp"

namespace ttmtrack::test {

// A private, throwaway PostgreSQL server for the tests of the PostgreSQL store (issue 14): no
// system cluster, no network beyond loopback (docs/testing.md, "PostgreSQL").
//
// The constructor makes a temporary directory, runs initdb into it (trust authentication, no
// fsync, UTF-8, superuser kSuperuser) and starts the server with `pg_ctl start -w` on a free
// port of 127.0.0.1 only, its Unix socket in the same directory. initdb refuses to run as
// root, so under root (CI) the server binaries run as Debian's `postgres` system user through
// runuser, and the directory is handed to that user. The destructor stops the server
// (`pg_ctl stop -m immediate`: nothing in it is worth keeping) and removes the directory. A
// watchdog child does the same when this process dies without running the destructor (a crash,
// a sanitizer abort), so no server outlives its test program.
//
// Throws std::runtime_error, with the failing command's output and the tail of the server's
// log, when the server cannot be made or started. Not copyable; CreateDatabase is thread-safe.
class PostgresServer {
 public:
  static constexpr const char* kSuperuser = "ttmtrack";

  PostgresServer();
  ~PostgresServer();
  PostgresServer(const PostgresServer&) = delete;
  PostgresServer& operator=(const PostgresServer&) = delete;

  // The directory of the server's binaries (initdb, pg_ctl, postgres): $TTMTRACK_PG_BIN when
  // set, else the newest /usr/lib/postgresql/<major>/bin holding them (Debian's layout);
  // nullopt when there is none. Lets a test skip before paying for a server.
  static std::optional<std::filesystem::path> FindBinaries();

  int port() const { return port_; }
  // The temporary directory that holds the cluster (data/), its log and its socket.
  const std::filesystem::path& directory() const { return dir_->path(); }

  // A new, empty database with a name no other call in this process gets, owned by the
  // superuser; its URL, postgresql://ttmtrack@127.0.0.1:PORT/NAME. Throws on failure.
  std::string CreateDatabase();

  // The URL of the `postgres` maintenance database (for tests of the server itself).
  std::string MaintenanceUrl() const { return UrlOf("postgres"); }

 private:
  std::string UrlOf(const std::string& database) const;
  // Runs a server binary (as `postgres` under root) with `args`; throws with its output and
  // the log's tail when it fails.
  void RunServerTool(const std::string& tool, const std::vector<std::string>& args,
                     const std::string& what);
  void StartWatchdog();
  void InitializeCluster();
  void StartServer();
  // Stops the server and removes the directory (through the watchdog); idempotent.
  void Shutdown();
  std::string LogTail() const;

  std::filesystem::path binaries_;
  std::optional<TempDir> dir_;
  bool as_postgres_user_ = false;
  int port_ = 0;
  std::atomic<int> databases_made_{0};
  // The write end of the pipe the watchdog reads: its end of file means "clean up now".
  int watchdog_pipe_ = -1;
  std::unique_ptr<process::ChildProcess> watchdog_;
};

// One server for the whole test program, started by the first call (initdb and a start cost
// about 1.5 s, so each test making its own would dominate the run) and stopped at exit.
// Throws like the constructor; later calls then throw again.
PostgresServer& SharedPostgresServer();

}  // namespace ttmtrack::test
