// End-to-end tests of the ttm-fake-server executable: options, port file, signals.
#include <filesystem>
#include <fstream>
#include <string>

#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>
#include <gtest/gtest.h>

#include "child_process.hpp"

namespace ttmtrack::nasl::testing {
namespace {

const std::string kServer = TTM_FAKE_SERVER_BIN;

TEST(FakeServerCliTest, HelpListsEveryModeAndExitsZero) {
  const ProcessResult r = RunProcess(kServer, {"--help"});
  EXPECT_EQ(r.exit_code, 0);
  for (const char* mode : {"ttm", "http", "ssh", "smtp", "echo", "silent", "close"}) {
    EXPECT_NE(r.out.find(std::string("  ") + mode + " "), std::string::npos) << mode;
  }
  EXPECT_NE(r.out.find("--port-file"), std::string::npos);
}

TEST(FakeServerCliTest, UnknownModeIsAUsageError) {
  const ProcessResult r = RunProcess(kServer, {"--port", "0", "--mode", "telnet"});
  EXPECT_EQ(r.exit_code, 64);
  EXPECT_NE(r.err.find("telnet"), std::string::npos) << r.err;
}

TEST(FakeServerCliTest, MissingPortIsAUsageError) {
  EXPECT_EQ(RunProcess(kServer, {"--mode", "ttm"}).exit_code, 64);
}

TEST(FakeServerCliTest, HostNameAsBindAddressIsAUsageError) {
  const ProcessResult r = RunProcess(kServer, {"--port", "0", "--bind", "localhost"});
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
  const ProcessResult r = RunProcess(kServer, {"--port", std::to_string(*port)});
  EXPECT_EQ(r.exit_code, 74);
  EXPECT_NE(r.err.find(std::to_string(*port)), std::string::npos) << r.err;
}

TEST(FakeServerCliTest, StopsOnSigtermWhileAClientIsConnected) {
  FakeServerProcess server(kServer, "silent");
  const auto port = server.Start();
  ASSERT_TRUE(port) << server.error();
  Poco::Net::StreamSocket socket(Poco::Net::SocketAddress("127.0.0.1", *port));
  socket.sendBytes("x", 1);
  EXPECT_EQ(server.Terminate(), 0);
}

}  // namespace
}  // namespace ttmtrack::nasl::testing
