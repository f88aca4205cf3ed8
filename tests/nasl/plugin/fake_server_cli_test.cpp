// End-to-end tests of the ttm-fake-server executable: options, port file, signals.
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include <CLI/CLI.hpp>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/Process.h>
#include <gtest/gtest.h>

#include "core/ttm_frame.hpp"
#include "fake_server_process.hpp"
#include "loopback_client.hpp"
#include "nasl/fake_server/server_command_line.hpp"
#include "nasl/fake_server/ttm_connection.hpp"

namespace ttmtrack::nasl::testing {
namespace {

const std::string kServer = TTMTRACK_FAKE_SERVER_PATH;

TEST(FakeServerCliTest, HelpListsEveryModeAndExitsZero) {
  const process::ProcessResult r =
      process::RunProcess({kServer, "--help"}, {.time_limit = kRunLimit});
  EXPECT_EQ(r.exit_code, 0);
  for (const fake_server::ServiceMode mode : core::AllValues<fake_server::ServiceMode>()) {
    const std::string name(core::ToText(mode));
    EXPECT_NE(r.out.find("  " + name + " "), std::string::npos) << name;
  }
  EXPECT_NE(r.out.find("--port-file"), std::string::npos);
}

TEST(FakeServerCliTest, UnknownModeIsAUsageError) {
  const process::ProcessResult r =
      process::RunProcess({kServer, "--port", "0", "--mode", "telnet"}, {.time_limit = kRunLimit});
  EXPECT_EQ(r.exit_code, 64);
  EXPECT_NE(r.err.find("telnet"), std::string::npos) << r.err;
}

TEST(FakeServerCliTest, MissingPortIsAUsageError) {
  EXPECT_EQ(process::RunProcess({kServer, "--mode", "ttm"}, {.time_limit = kRunLimit}).exit_code,
            64);
}

TEST(FakeServerCliTest, HostNameAsBindAddressIsAUsageError) {
  const process::ProcessResult r = process::RunProcess(
      {kServer, "--port", "0", "--bind", "localhost"}, {.time_limit = kRunLimit});
  EXPECT_EQ(r.exit_code, 64);
}

TEST(FakeServerCliTest, PortZeroWritesThePortFileAndStopsCleanlyOnSigterm) {
  FakeServerProcess server(kServer, "ttm");
  const auto port = server.Start();
  ASSERT_TRUE(port) << server.error();
  Poco::Net::StreamSocket socket(Poco::Net::SocketAddress("127.0.0.1", *port));
  socket.close();
  EXPECT_EQ(server.Terminate(), 0);
  // The port file is removed on a clean stop, so a stale one never names a dead server.
  EXPECT_FALSE(std::filesystem::exists(server.port_file()));
}

TEST(FakeServerCliTest, BusyPortExitsWithIoErrorNamingThePort) {
  FakeServerProcess first(kServer, "silent");
  const auto port = first.Start();
  ASSERT_TRUE(port) << first.error();
  const process::ProcessResult r =
      process::RunProcess({kServer, "--port", std::to_string(*port)}, {.time_limit = kRunLimit});
  EXPECT_EQ(r.exit_code, 74);
  EXPECT_NE(r.err.find(std::to_string(*port)), std::string::npos) << r.err;
}

TEST(FakeServerCliTest, StopsOnSigtermWhileAClientIsConnected) {
  FakeServerProcess server(kServer, "ttm");
  const auto port = server.Start();
  ASSERT_TRUE(port) << server.error();
  // The reply to the probe says the server accepted this client and is serving it; the
  // connection then stays open (the next heartbeat is 20 s away) while the signal arrives.
  nasl::testing::LoopbackClient client(*port);
  client.Send(core::EncodeFrame(core::MessageType::kHello, 0xc564e5ab));
  const std::string ack =
      core::EncodeFrame(core::MessageType::kHelloAck, 0xc564e5ab, fake_server::kHelloAckPayload);
  ASSERT_EQ(client.Read(ack.size(), std::chrono::seconds(30)), ack)
      << "the server never served the client";
  ASSERT_FALSE(client.closed());
  EXPECT_EQ(server.Terminate(), 0) << server.stderr_text();
}

TEST(FakeServerCliTest, StopsCleanlyOnSigint) {
  FakeServerProcess server(kServer, "ttm");
  ASSERT_TRUE(server.Start()) << server.error();
  Poco::Process::requestTermination(static_cast<Poco::Process::PID>(server.pid()));  // SIGINT
  for (int i = 0; i < 500 && std::filesystem::exists(server.port_file()); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  EXPECT_FALSE(std::filesystem::exists(server.port_file()));
  EXPECT_EQ(server.Terminate(), 0);
}

// In-process parsing of the command line (no process, no socket).
using fake_server::ServerCommandLine;
using fake_server::ServiceMode;

ServerCommandLine Parse(std::vector<std::string> args) {
  CLI::App app;
  ServerCommandLine out;
  fake_server::SetupCommandLine(app, out);
  std::reverse(args.begin(), args.end());  // CLI11 takes the vector in reverse order
  app.parse(args);
  return out;
}

TEST(FakeServerCliTest, ParsesEveryOptionIntoTheServerOptions) {
  const ServerCommandLine c =
      Parse({"--port", "5010", "--bind", "::1", "--mode", "smtp", "--port-file", "/tmp/p",
             "--heartbeat", "0.25", "--idle-timeout", "3", "--max-connections", "4", "-v"});
  EXPECT_EQ(c.server.port, 5010);
  EXPECT_EQ(c.server.bind_address, "::1");
  EXPECT_EQ(c.server.mode, ServiceMode::kSmtp);
  EXPECT_EQ(c.port_file, "/tmp/p");
  EXPECT_EQ(c.server.heartbeat_interval, std::chrono::milliseconds(250));
  EXPECT_EQ(c.server.idle_timeout, std::chrono::milliseconds(3000));
  EXPECT_EQ(c.server.max_connections, 4);
  EXPECT_TRUE(c.verbose);
}

TEST(FakeServerCliTest, DefaultsToTtmOnLoopbackWithTtmTimings) {
  const ServerCommandLine c = Parse({"--port", "0"});
  EXPECT_EQ(c.server.mode, ServiceMode::kTtm);
  EXPECT_EQ(c.server.bind_address, "127.0.0.1");
  EXPECT_EQ(c.server.heartbeat_interval, std::chrono::seconds(20));
  EXPECT_EQ(c.server.partial_timeout, std::chrono::seconds(4));
  EXPECT_FALSE(c.verbose);
}

TEST(FakeServerCliTest, RejectsPortsOutOfRange) {
  EXPECT_THROW(Parse({"--port", "65536"}), CLI::ParseError);
  EXPECT_THROW(Parse({"--port", "-1"}), CLI::ParseError);
}

}  // namespace
}  // namespace ttmtrack::nasl::testing
