// The private PostgreSQL server the PostgreSQL store's tests run against
// (tests/support/postgres_server.hpp): loopback only, a database per caller, nothing left behind
// when it stops or when its program dies.
#include "tests/support/postgres_server.hpp"

#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <thread>

#include <gtest/gtest.h>
#include <pqxx/pqxx>
#include <sys/wait.h>

#include "tests/support/prerequisite.hpp"

namespace ttmtrack::test {
namespace {

namespace fs = std::filesystem;

std::string QueryText(const std::string& url, const std::string& sql) {
  pqxx::connection connection(url);
  pqxx::nontransaction work(connection);
  return work.exec1(sql)[0].as<std::string>();
}

bool Connects(const std::string& url) {
  try {
    pqxx::connection connection(url);
    return connection.is_open();
  } catch (const pqxx::broken_connection&) {
    return false;
  }
}

// Polls `done` for up to `limit`.
template <typename Done>
bool Eventually(Done done, std::chrono::seconds limit) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (!done()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return true;
}

class PostgresServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    TTMTRACK_REQUIRE(PostgresServer::FindBinaries(),
                     "no PostgreSQL server binaries (initdb, pg_ctl, postgres) under "
                     "/usr/lib/postgresql/<major>/bin or $TTMTRACK_PG_BIN; "
                     "scripts/setup-deps.sh --test installs Debian's postgresql");
  }
};

TEST_F(PostgresServerTest, ListensOnLoopbackOnly) {
  PostgresServer& server = SharedPostgresServer();
  const std::string url = server.CreateDatabase();
  EXPECT_EQ(url.rfind("postgresql://ttmtrack@127.0.0.1:" + std::to_string(server.port()) + "/", 0),
            0u)
      << url;
  EXPECT_EQ(QueryText(url, "SHOW listen_addresses"), "127.0.0.1");
  EXPECT_EQ(QueryText(url, "SELECT host(inet_server_addr())"), "127.0.0.1");
  // The socket lives in the server's own directory, not in the system's /var/run/postgresql.
  EXPECT_EQ(QueryText(url, "SHOW unix_socket_directories"), server.directory().string());
}

TEST_F(PostgresServerTest, GivesEachCallItsOwnEmptyDatabase) {
  PostgresServer& server = SharedPostgresServer();
  const std::string first = server.CreateDatabase();
  const std::string second = server.CreateDatabase();
  ASSERT_NE(first, second);
  const std::string first_name = QueryText(first, "SELECT current_database()");
  EXPECT_NE(first_name, QueryText(second, "SELECT current_database()"));
  {
    pqxx::connection connection(first);
    pqxx::work work(connection);
    work.exec0("CREATE TABLE only_in_first (x BIGINT)");
    work.commit();
  }
  EXPECT_EQ(QueryText(first, "SELECT count(*) FROM pg_tables WHERE tablename = 'only_in_first'"),
            "1");
  EXPECT_EQ(QueryText(second, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"), "0");
}

TEST_F(PostgresServerTest, StopsAndRemovesItsDirectoryWhenDestroyed) {
  fs::path directory;
  std::string url;
  {
    PostgresServer server;
    directory = server.directory();
    url = server.MaintenanceUrl();
    ASSERT_TRUE(fs::is_directory(directory / "data"));
    ASSERT_TRUE(Connects(url));
  }
  EXPECT_FALSE(fs::exists(directory)) << directory;
  EXPECT_FALSE(Connects(url)) << url;
}

// A crash or a sanitizer abort skips every destructor: the watchdog still stops the server
// and removes its directory once the program that started it is gone.
TEST_F(PostgresServerTest, StopsAndRemovesItsDirectoryWhenItsProgramDies) {
  int fds[2];
  ASSERT_EQ(pipe(fds), 0);
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    close(fds[0]);
    std::string report;
    try {
      PostgresServer server;
      report = server.directory().string() + "\n" + server.MaintenanceUrl();
    } catch (const std::exception& error) {
      report = std::string("error: ") + error.what();
    }
    const bool written =
        write(fds[1], report.data(), report.size()) == static_cast<ssize_t>(report.size());
    _exit(written ? 0 : 1);  // no destructor runs, as in a crash: ~PostgresServer is skipped
  }
  close(fds[1]);
  std::string report;
  char buffer[512];
  for (ssize_t n; (n = read(fds[0], buffer, sizeof(buffer))) > 0;) {
    report.append(buffer, static_cast<std::size_t>(n));
  }
  close(fds[0]);
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  ASSERT_NE(report.rfind("error: ", 0), 0u) << "the child's server did not start: " << report;
  const auto newline = report.find('\n');
  ASSERT_NE(newline, std::string::npos) << report;
  const fs::path directory = report.substr(0, newline);
  const std::string url = report.substr(newline + 1);
  EXPECT_TRUE(Eventually([&] { return !fs::exists(directory); }, std::chrono::seconds(30)))
      << directory;
  EXPECT_FALSE(Connects(url)) << url;
}

}  // namespace
}  // namespace ttmtrack::test
