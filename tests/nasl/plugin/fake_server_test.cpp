// The fake server in-process, over real loopback sockets.
#include "nasl/fake_server/fake_server.hpp"

#include <chrono>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "core/error.hpp"
#include "core/ttm_frame.hpp"
#include "loopback_client.hpp"
#include "nasl/fake_server/decoy_connections.hpp"
#include "nasl/fake_server/ttm_connection.hpp"

namespace ttmtrack::nasl::fake_server {
namespace {

using core::EncodeFrame;
using core::kHeaderSize;
using core::MessageType;
using core::ParseHeader;

using std::chrono::milliseconds;
using namespace std::chrono_literals;

const std::string kProbe = EncodeFrame(MessageType::kHello, 0xc564e5ab);

using Client = nasl::testing::LoopbackClient;

class FakeServerTest : public ::testing::Test {
 protected:
  FakeServer& StartServer(ServiceMode mode, FakeServerOptions options = {}) {
    options.mode = mode;
    server_ = std::make_unique<FakeServer>(options);
    server_->Start();
    return *server_;
  }
  std::uint16_t port() const { return server_->port(); }

  std::unique_ptr<FakeServer> server_;
};

TEST_F(FakeServerTest, PortZeroPicksAFreePort) {
  StartServer(ServiceMode::kTtm);
  EXPECT_GT(port(), 0);
}

TEST_F(FakeServerTest, TtmModeAnswersTheProbeWithAHelloAckEchoingTheRequestId) {
  StartServer(ServiceMode::kTtm);
  Client client(port());
  client.Send(kProbe);
  const std::string expected = EncodeFrame(MessageType::kHelloAck, 0xc564e5ab, kHelloAckPayload);
  EXPECT_EQ(client.Read(expected.size(), 2s), expected);
  EXPECT_FALSE(client.closed());
}

TEST_F(FakeServerTest, TtmModeAnswersHeartbeatsOnTheSameConnection) {
  StartServer(ServiceMode::kTtm);
  Client client(port());
  client.Send(kProbe);
  client.Read(kHeaderSize + kHelloAckPayload.size(), 2s);
  client.Send(EncodeFrame(MessageType::kHeartbeat, 7));
  EXPECT_EQ(client.Read(kHeaderSize, 2s), EncodeFrame(MessageType::kHeartbeatAck, 7));
}

TEST_F(FakeServerTest, TtmModeAnswersFramesSplitIntoSingleBytes) {
  StartServer(ServiceMode::kTtm);
  Client client(port());
  for (char c : kProbe) {
    client.Send(std::string(1, c));
    std::this_thread::sleep_for(2ms);
  }
  const std::string reply = client.Read(kHeaderSize + kHelloAckPayload.size(), 2s);
  ASSERT_GE(reply.size(), kHeaderSize);
  EXPECT_EQ(ParseHeader(reply).header.type, static_cast<std::uint8_t>(MessageType::kHelloAck));
}

TEST_F(FakeServerTest, TtmModeAnswersEveryFrameOfOneWrite) {
  StartServer(ServiceMode::kTtm);
  Client client(port());
  client.Send(EncodeFrame(MessageType::kHeartbeat, 1) + EncodeFrame(MessageType::kHeartbeat, 2));
  EXPECT_EQ(client.Read(2 * kHeaderSize, 2s), EncodeFrame(MessageType::kHeartbeatAck, 1) +
                                                  EncodeFrame(MessageType::kHeartbeatAck, 2));
}

TEST_F(FakeServerTest, TtmModeAnswersUnknownMessageTypesWithAnError) {
  StartServer(ServiceMode::kTtm);
  Client client(port());
  std::string frame = EncodeFrame(MessageType::kHello, 9);
  frame[5] = 0x33;
  client.Send(frame);
  const std::string reply = client.Read(kHeaderSize, 2s);
  ASSERT_GE(reply.size(), kHeaderSize);
  EXPECT_EQ(ParseHeader(reply).header.type, static_cast<std::uint8_t>(MessageType::kError));
  EXPECT_EQ(ParseHeader(reply).header.request_id, 9U);
}

TEST_F(FakeServerTest, TtmModeSendsItsOwnHeartbeatWhenTheClientIsQuiet) {
  FakeServerOptions options;
  options.heartbeat_interval = 100ms;
  StartServer(ServiceMode::kTtm, options);
  Client client(port());
  const std::string frame = client.Read(kHeaderSize, 3s);
  ASSERT_EQ(frame.size(), kHeaderSize);
  EXPECT_EQ(ParseHeader(frame).header.type, static_cast<std::uint8_t>(MessageType::kHeartbeat));
}

TEST_F(FakeServerTest, TtmModeClosesWithoutReplyOnForeignBytes) {
  StartServer(ServiceMode::kTtm);
  Client client(port());
  client.Send("GET / HTTP/1.0\r\n\r\n");
  EXPECT_EQ(client.Read(1, 2s), "");
  EXPECT_TRUE(client.closed());
}

TEST_F(FakeServerTest, TtmModeClosesAFrameLeftUnfinished) {
  FakeServerOptions options;
  options.partial_timeout = 100ms;
  StartServer(ServiceMode::kTtm, options);
  Client client(port());
  client.Send(kProbe.substr(0, 7));
  EXPECT_EQ(client.Read(1, 3s), "");
  EXPECT_TRUE(client.closed());
}

TEST_F(FakeServerTest, ServesSeveralConnectionsAtOnce) {
  StartServer(ServiceMode::kTtm);
  std::vector<std::unique_ptr<Client>> clients;
  clients.reserve(6);
  for (int i = 0; i < 6; ++i) clients.push_back(std::make_unique<Client>(port()));
  // All connections are open before any is answered: each must be served concurrently.
  for (auto& client : clients) client->Send(kProbe);
  for (auto& client : clients) {
    const std::string reply = client->Read(kHeaderSize + kHelloAckPayload.size(), 2s);
    ASSERT_GE(reply.size(), kHeaderSize);
    EXPECT_EQ(ParseHeader(reply).header.type, static_cast<std::uint8_t>(MessageType::kHelloAck));
  }
  EXPECT_EQ(server_->connections_accepted(), 6U);
}

TEST_F(FakeServerTest, HttpModeAnswersTheProbeWith400AndCloses) {
  StartServer(ServiceMode::kHttp);
  Client client(port());
  client.Send(kProbe);
  const std::string reply = client.Read(4096, 2s);
  EXPECT_EQ(reply.rfind("HTTP/1.1 400 Bad Request\r\n", 0), 0U) << reply;
  EXPECT_TRUE(client.closed());
}

TEST_F(FakeServerTest, HttpModeAnswersARequestWith200) {
  StartServer(ServiceMode::kHttp);
  Client client(port());
  client.Send("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(client.Read(4096, 2s).rfind("HTTP/1.1 200 OK\r\n", 0), 0U);
}

TEST_F(FakeServerTest, SshModeSendsItsBannerBeforeTheClientSpeaks) {
  StartServer(ServiceMode::kSsh);
  Client client(port());
  EXPECT_EQ(client.Read(kSshBanner.size(), 2s), kSshBanner);
  client.Send(kProbe);
  EXPECT_EQ(client.Read(4096, 2s), "Invalid SSH identification string.\r\n");
  EXPECT_TRUE(client.closed());
}

TEST_F(FakeServerTest, SmtpModeGreetsAndAnswersEachLine) {
  StartServer(ServiceMode::kSmtp);
  Client client(port());
  EXPECT_EQ(client.Read(kSmtpGreeting.size(), 2s), kSmtpGreeting);
  client.Send("EHLO scanner\r\nQUIT\r\n");
  EXPECT_EQ(client.Read(4096, 2s), "250 fake.invalid\r\n221 2.0.0 Bye\r\n");
  EXPECT_TRUE(client.closed());
}

TEST_F(FakeServerTest, EchoModeReturnsExactlyTheProbe) {
  StartServer(ServiceMode::kEcho);
  Client client(port());
  client.Send(kProbe);
  EXPECT_EQ(client.Read(kProbe.size(), 2s), kProbe);
}

TEST_F(FakeServerTest, SilentModeNeverAnswersAndKeepsTheConnection) {
  StartServer(ServiceMode::kSilent);
  Client client(port());
  client.Send(kProbe);
  EXPECT_EQ(client.Read(1, 300ms), "");
  EXPECT_FALSE(client.closed());
}

TEST_F(FakeServerTest, CloseModeClosesBeforeAnyByte) {
  StartServer(ServiceMode::kClose);
  Client client(port());
  EXPECT_EQ(client.Read(1, 2s), "");
  EXPECT_TRUE(client.closed());
}

TEST_F(FakeServerTest, IdleConnectionsAreClosedAfterTheIdleTimeout) {
  FakeServerOptions options;
  options.idle_timeout = 100ms;
  StartServer(ServiceMode::kSilent, options);
  Client client(port());
  EXPECT_EQ(client.Read(1, 3s), "");
  EXPECT_TRUE(client.closed());
}

TEST_F(FakeServerTest, StopClosesOpenConnectionsWithoutWaitingForTheirIdleTimeout) {
  StartServer(ServiceMode::kSilent);  // idle timeout 60 s: a Stop that waited would take that
  Client a(port());
  Client b(port());
  a.Send(kProbe);
  // Both handlers are running once the server has accepted both connections.
  const auto accepted_by = std::chrono::steady_clock::now() + 30s;
  while (server_->connections_accepted() < 2 && std::chrono::steady_clock::now() < accepted_by) {
    std::this_thread::yield();
  }
  ASSERT_EQ(server_->connections_accepted(), 2U);
  const auto before = std::chrono::steady_clock::now();
  server_->Stop();
  // A bound that only catches a hang (half the idle timeout), not a speed claim.
  EXPECT_LT(std::chrono::steady_clock::now() - before, 30s);
  EXPECT_EQ(a.Read(1, 30s), "");
  EXPECT_TRUE(a.closed());
}

TEST_F(FakeServerTest, ABusyPortIsAnIoError) {
  StartServer(ServiceMode::kTtm);
  FakeServerOptions options;
  options.port = port();
  try {
    FakeServer second(options);
    FAIL() << "bound a port that is in use";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), Error::Kind::kIo);
    EXPECT_NE(std::string(e.what()).find(std::to_string(port())), std::string::npos);
  }
}

TEST_F(FakeServerTest, ABadBindAddressIsAUsageError) {
  FakeServerOptions options;
  options.bind_address = "not an address";
  try {
    FakeServer server(options);
    FAIL() << "accepted a bad address";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), Error::Kind::kUsage);
  }
}

}  // namespace
}  // namespace ttmtrack::nasl::fake_server
