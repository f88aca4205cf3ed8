// The socket built-ins against real TCP listeners on 127.0.0.1 (STYLE.md: no mocks where the
// real thing runs). Each test starts a small server thread with its own behaviour.
#include <atomic>
#include <chrono>
#include <functional>
#include <string>
#include <thread>

#include <Poco/Net/NetException.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>
#include <gtest/gtest.h>
#include <sys/socket.h>

#include "test_support.hpp"

namespace ttmtrack::nasl::runner {
namespace {

using testing::RunBody;
using testing::ScriptOptions;
using Clock = std::chrono::steady_clock;
using Poco::Net::StreamSocket;

// Listens on an ephemeral loopback port and runs `handler` on each accepted connection, one at
// a time, until destroyed. The handler must return; it may poll `stopping()`.
class LoopbackServer {
 public:
  explicit LoopbackServer(std::function<void(StreamSocket&, const LoopbackServer&)> handler)
      : listener_(Poco::Net::SocketAddress("127.0.0.1", 0)), handler_(std::move(handler)) {
    thread_ = std::thread([this] { Serve(); });
  }
  ~LoopbackServer() {
    stopping_ = true;
    thread_.join();
  }
  LoopbackServer(const LoopbackServer&) = delete;
  LoopbackServer& operator=(const LoopbackServer&) = delete;

  int port() const { return listener_.address().port(); }
  bool stopping() const { return stopping_; }

 private:
  void Serve() {
    while (!stopping_) {
      if (!listener_.poll(Poco::Timespan(50'000), Poco::Net::Socket::SELECT_READ)) continue;
      StreamSocket connection = listener_.acceptConnection();
      try {
        handler_(connection, *this);
      } catch (const Poco::Net::NetException&) {
        // The runner closed first: the next test connection is what matters.
      }
    }
  }

  Poco::Net::ServerSocket listener_;
  std::function<void(StreamSocket&, const LoopbackServer&)> handler_;
  std::atomic<bool> stopping_{false};
  std::thread thread_;
};

void SendAll(StreamSocket& s, const std::string& text) {
  s.sendBytes(text.data(), static_cast<int>(text.size()), MSG_NOSIGNAL);
}

std::string ReadLine(StreamSocket& s) {
  std::string line;
  char c = 0;
  while (s.receiveBytes(&c, 1) == 1) {
    line.push_back(c);
    if (c == '\n') break;
  }
  return line;
}

void WaitUntilStopping(const LoopbackServer& server) {
  while (!server.stopping()) std::this_thread::sleep_for(std::chrono::milliseconds(10));
}

std::string PortLine(int port) { return "port = " + std::to_string(port) + ";\n"; }

TEST(SocketTest, SendAndRecvAgainstARealListener) {
  LoopbackServer server([](StreamSocket& s, const LoopbackServer&) {
    const std::string line = ReadLine(s);
    SendAll(s, "ECHO:" + line);
  });
  const RunResult r = RunBody(PortLine(server.port()) +
                              "soc = open_sock_tcp(port);\n"
                              "n = send(socket:soc, data:'PING\\n');\n"
                              "r = recv(socket:soc, length:100, min:10);\n"
                              "display(n, ' ', r);\nclose(soc);");
  EXPECT_TRUE(r.errors.empty()) << ::testing::PrintToString(r.errors);
  EXPECT_EQ(r.display, (std::vector<std::string>{"5 ECHO:PING\n"}));
}

TEST(SocketTest, RecvMinWaitsForEnoughBytes) {
  LoopbackServer server([](StreamSocket& s, const LoopbackServer&) {
    SendAll(s, "ab");
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    SendAll(s, "cd");
  });
  const RunResult r = RunBody(PortLine(server.port()) +
                              "soc = open_sock_tcp(port);\n"
                              "display(recv(socket:soc, length:10, min:4));");
  EXPECT_EQ(r.display, (std::vector<std::string>{"abcd"}));
}

TEST(SocketTest, RecvStopsAtLength) {
  LoopbackServer server([](StreamSocket& s, const LoopbackServer& self) {
    SendAll(s, "0123456789");
    WaitUntilStopping(self);
  });
  const RunResult r = RunBody(PortLine(server.port()) +
                              "soc = open_sock_tcp(port);\n"
                              "display(recv(socket:soc, length:4, min:8), '|');\n"
                              "display(recv(socket:soc, length:100, min:6));");
  EXPECT_EQ(r.display, (std::vector<std::string>{"0123|", "456789"}));
}

// What the unconfirmed-listener tier measures: a silent service holds the connection open and
// recv() returns NULL after the timeout; unixtime() brackets the wait.
TEST(SocketTest, RecvTimesOutOnASilentServer) {
  LoopbackServer server([](StreamSocket&, const LoopbackServer& s) { WaitUntilStopping(s); });
  ScriptOptions options;
  options.timeout_ms = 300;  // the default read timeout when the script gives none
  const auto start = Clock::now();
  const RunResult r = RunBody(PortLine(server.port()) +
                                  "soc = open_sock_tcp(port);\n"
                                  "display(isnull(soc), ' ', isnull(recv(socket:soc, length:10)));",
                              options);
  const auto elapsed = Clock::now() - start;
  EXPECT_TRUE(r.errors.empty()) << ::testing::PrintToString(r.errors);
  EXPECT_EQ(r.display, (std::vector<std::string>{"0 1"}));
  EXPECT_GE(elapsed, std::chrono::milliseconds(250));  // it did wait for the timeout
  EXPECT_LT(elapsed, std::chrono::seconds(60));        // and ended: a hang bound only
}

TEST(SocketTest, ScriptTimeoutIsInSeconds) {
  LoopbackServer server([](StreamSocket&, const LoopbackServer& s) { WaitUntilStopping(s); });
  ScriptOptions options;
  options.timeout_ms = 100;
  const auto start = Clock::now();
  const RunResult r = RunBody(PortLine(server.port()) +
                                  "soc = open_sock_tcp(port);\nt = unixtime();\n"
                                  "recv(socket:soc, length:10, timeout:2);\n"
                                  "display(unixtime() - t);",
                              options);
  EXPECT_GE(Clock::now() - start, std::chrono::milliseconds(1900));
  ASSERT_EQ(r.display.size(), 1u);
  const int waited = std::stoi(r.display[0]);
  EXPECT_TRUE(waited == 2 || waited == 3) << waited;  // whole seconds, as unixtime() counts
}

TEST(SocketTest, ServerClosingAtOnceGivesNull) {
  LoopbackServer server([](StreamSocket&, const LoopbackServer&) {});
  const RunResult r = RunBody(PortLine(server.port()) +
                              "soc = open_sock_tcp(port);\n"
                              "display(isnull(recv(socket:soc, length:10)));");
  EXPECT_EQ(r.display, (std::vector<std::string>{"1"}));
}

TEST(SocketTest, SendToAClosedPeerReturnsWithoutKillingTheRunner) {
  LoopbackServer server([](StreamSocket& s, const LoopbackServer&) { s.close(); });
  const RunResult r = RunBody(PortLine(server.port()) +
                              "soc = open_sock_tcp(port);\n"
                              "recv(socket:soc, length:1);\n"  // the peer's FIN
                              "send(socket:soc, data:'x');\n"  // answered with a reset
                              "recv(socket:soc, length:1);\n"  // the reset
                              "display(send(socket:soc, data:'x'), ' ', isnull(soc));");
  EXPECT_TRUE(r.errors.empty()) << ::testing::PrintToString(r.errors);
  EXPECT_EQ(r.display, (std::vector<std::string>{"0 0"}));
}

TEST(SocketTest, ConnectionRefusedOnAClosedPortGivesNullWithoutError) {
  // Bound but not listening: connecting is refused, and no parallel test can take the port.
  Poco::Net::ServerSocket holder;
  holder.bind(Poco::Net::SocketAddress("127.0.0.1", 0), /*reuseAddress=*/false,
              /*reusePort=*/false);
  // A connect timeout far longer than the bound below: a refusal treated as a timeout would
  // exceed the bound, an immediate refusal is far inside it however loaded the machine is.
  ScriptOptions options;
  options.timeout_ms = 120'000;
  const auto start = Clock::now();
  const RunResult r = RunBody(
      PortLine(holder.address().port()) + "soc = open_sock_tcp(port);\ndisplay(isnull(soc));",
      options);
  EXPECT_LT(Clock::now() - start, std::chrono::seconds(60));
  EXPECT_TRUE(r.errors.empty()) << ::testing::PrintToString(r.errors);
  EXPECT_EQ(r.display, (std::vector<std::string>{"1"}));
}

TEST(SocketTest, InvalidSocketsAndTransportsAreRecordedErrors) {
  const RunResult r = RunBody(
      "send(socket:42, data:\"x\");\nrecv(socket:NULL, length:1);\nclose(7);\n"
      "open_sock_tcp(80, transport:ENCAPS_TLSv12);\nopen_sock_tcp(70000);");
  ASSERT_EQ(r.errors.size(), 4u) << ::testing::PrintToString(r.errors);
  EXPECT_NE(r.errors[0].find("test.nasl:2:1: send(): invalid socket 42"), std::string::npos);
  EXPECT_NE(r.errors[3].find("transport: is not supported"), std::string::npos);
}

}  // namespace
}  // namespace ttmtrack::nasl::runner
